/**
 * The address a request comes from: the socket's peer, or, when that peer is a trusted proxy (TRUSTED_PROXIES),
 * the nearest address in X-Forwarded-For that is not one of them (walking from the right, as each proxy appends
 * the address it saw). Anonymous callers are counted by it.
 */
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';

export class ClientAddress {
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(trustedProxies: readonly string[]) {
    this.ranges = trustedProxies.map((entry) => {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    });
  }

  of(req: IncomingMessage): string | undefined {
    const peer = req.socket.remoteAddress;
    if (!peer || this.ranges.length === 0 || !this.trusted(peer)) return peer;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (!ipaddr.isValid(hop)) return peer; // a forged or broken header: count the proxy itself
      if (!this.trusted(hop)) return normalise(hop);
    }
    return hops.length > 0 ? normalise(hops[0]!) : peer;
  }

  private trusted(address: string): boolean {
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.process(address);
    } catch {
      return false;
    }
    return this.ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
  }
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) as IPv4, so one client has one key. */
function normalise(address: string): string {
  return ipaddr.process(address).toString();
}
