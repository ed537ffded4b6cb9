/**
 * Requests romgraph itself sends (webhook deliveries), guarded against server-side request forgery: the host is
 * resolved first, and every address it resolves to must be public unicast unless the operator allowed it
 * (`WEBHOOK_ALLOWED_HOSTS`: host names or CIDRs; loopback outside production). The connection then goes to the
 * checked address (no second lookup to rebind), follows no redirect, times out, and reads a capped response.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

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
  const literal = ipaddr.isValid(host);
  const addresses = literal
    ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
    : await lookup(host, { all: true, verbatim: true }).catch((err: NodeJS.ErrnoException) => {
        throw new RefusedAddressError(`${host} does not resolve (${err.code ?? err.message})`);
      });
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
  /** The start of the body, for the delivery log. */
  body: string;
}

/**
 * POSTs `body` to `url` after `checkedAddress`. Resolves with any HTTP status (a 3xx is not followed);
 * rejects with RefusedAddressError, or an Error on timeout or a failed connection.
 */
export async function postGuarded(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  const { address, family } = await checkedAddress(url, policy);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address, family },
      ]);
    } else callback(null, address, family);
  };
  const started = performance.now();
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        timeout: policy.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size >= policy.maxResponseBytes) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= policy.maxResponseBytes) response.destroy();
        });
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            latencyMs: Math.round(performance.now() - started),
            body: Buffer.concat(chunks).subarray(0, policy.maxResponseBytes).toString('utf8'),
          });
        response.once('end', done);
        response.once('close', done);
        response.once('error', done);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${policy.timeoutMs} ms`)),
      policy.timeoutMs,
    );
    request.once('close', () => clearTimeout(timer));
    request.once('timeout', () => request.destroy(new Error(`no answer within ${policy.timeoutMs} ms`)));
    request.once('error', reject);
    request.end(body);
  });
}
