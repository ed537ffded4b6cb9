/**
 * Requests romgraph itself sends (webhook deliveries), guarded against server-side request forgery: the host is
 * resolved first, and every address it resolves to must be public unicast unless the operator allowed it
 * (`WEBHOOK_ALLOWED_HOSTS`: host names or CIDRs; loopback outside production). The connection then goes to the
 * checked address (no second lookup to rebind), follows no redirect, times out, and reads a capped response.
 * Requests go through undici, whose kept-alive pools cost a third of node:http's per request (measured by the
 * notifications benchmark's webhooks).
 */
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, request, type Dispatcher } from 'undici';

export interface OutboundPolicy {
  /** Host names (lower case) and CIDRs that may be private. */
  allowedHosts: readonly string[];
  /** Loopback addresses without listing them (development and tests; never by default in production). */
  allowLoopback: boolean;
  timeoutMs: number;
  /** Bytes of a response body read at most (the rest is dropped). */
  maxResponseBytes: number;
}

/** The address was refused before any connection: why, in words an editor can act on. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function normalise(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

function allowedByList(host: string, address: Address, allowed: readonly string[]): boolean {
  for (const entry of allowed) {
    if (entry.includes('/')) {
      try {
        const [range, bits] = ipaddr.parseCIDR(entry);
        if (range.kind() === address.kind() && address.match([range, bits] as never)) return true;
      } catch {
        // not a CIDR: compared as a host below
      }
    }
    if (entry.toLowerCase() === host) return true;
  }
  return false;
}

/** Resolves the URL's host and checks every address; the one to connect to. */
export async function checkedAddress(
  url: URL,
  policy: OutboundPolicy,
): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RefusedAddressError(`only http and https URLs are delivered to, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // An address written in the URL says the same every time: decided once per policy.
  let decided = literalDecisions.get(policy);
  if (!decided) literalDecisions.set(policy, (decided = new Map()));
  const known = decided.get(host);
  if (known instanceof RefusedAddressError) throw known;
  if (known) return known;
  const literal = ipaddr.isValid(host);
  if (literal) {
    if (decided.size >= 10_000) decided.clear();
    try {
      const checked = await checkHost(
        host,
        [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }],
        policy,
      );
      decided.set(host, checked);
      return checked;
    } catch (err) {
      if (err instanceof RefusedAddressError) decided.set(host, err);
      throw err;
    }
  }
  const addresses = await lookup(host, { all: true, verbatim: true }).catch((err: NodeJS.ErrnoException) => {
    throw new RefusedAddressError(`${host} does not resolve (${err.code ?? err.message})`);
  });
  return checkHost(host, addresses, policy);
}

const literalDecisions = new WeakMap<
  OutboundPolicy,
  Map<string, { address: string; family: 4 | 6 } | RefusedAddressError>
>();

/** Checks every address a host stands for; the one to connect to. */
async function checkHost(
  host: string,
  addresses: { address: string; family: number }[],
  policy: OutboundPolicy,
): Promise<{ address: string; family: 4 | 6 }> {
  if (addresses.length === 0) throw new RefusedAddressError(`${host} does not resolve`);
  for (const { address } of addresses) {
    const parsed = normalise(ipaddr.parse(address));
    const range = parsed.range();
    if (range === 'unicast') continue;
    if (range === 'loopback' && policy.allowLoopback) continue;
    if (allowedByList(host, parsed, policy.allowedHosts)) continue;
    throw new RefusedAddressError(
      `${host} resolves to ${address} (${range}), which webhooks may not reach; an operator can allow it with WEBHOOK_ALLOWED_HOSTS`,
    );
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface OutboundResponse {
  status: number;
  latencyMs: number;
}

/** One connection pool per policy: connections are kept alive between deliveries and checked when made. */
const agents = new WeakMap<OutboundPolicy, Agent>();

function agentOf(policy: OutboundPolicy): Agent {
  let agent = agents.get(policy);
  if (agent) return agent;
  // Every connection the pool opens to a host name resolves it here and connects only to an address that passed
  // the check: no second lookup to rebind. (A URL with an address in it is checked before the request.)
  const guarded: LookupFunction = (hostname, options, callback) => {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    checkedAddress(new URL(`http://${host.includes(':') ? `[${host}]` : host}/`), policy).then(
      ({ address, family }) => {
        if ((options as { all?: boolean }).all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
            { address, family },
          ]);
        } else callback(null, address, family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
  agent = new Agent({
    connect: { lookup: guarded, timeout: policy.timeoutMs },
    keepAliveTimeout: 30_000,
    headersTimeout: policy.timeoutMs,
    bodyTimeout: policy.timeoutMs,
  });
  agents.set(policy, agent);
  return agent;
}

/**
 * POSTs `body` to `url` after `checkedAddress`, on a kept-alive connection (undici). Resolves with any HTTP
 * status (a 3xx is not followed); rejects with RefusedAddressError, or an Error on timeout or a failed
 * connection.
 */
export async function postGuarded(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  await checkedAddress(url, policy);
  const started = performance.now();
  let response: Dispatcher.ResponseData;
  try {
    // The pool's connect, headers and body timeouts bound the request (no timer of its own per request).
    response = await request(url, { method: 'POST', headers, body, dispatcher: agentOf(policy) });
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof RefusedAddressError) throw cause;
    if (err instanceof RefusedAddressError) throw err;
    const name = (err as { name?: string; code?: string }).code ?? '';
    if (/TIMEOUT/.test(name)) {
      throw new Error(`no answer within ${policy.timeoutMs} ms`, { cause: err });
    }
    throw err;
  }
  // The body is read (so the connection can be reused) up to the cap, and dropped: only the status counts.
  await response.body.dump({ limit: policy.maxResponseBytes }).catch(() => {});
  return {
    status: response.statusCode,
    latencyMs: Math.round(performance.now() - started),
  };
}
