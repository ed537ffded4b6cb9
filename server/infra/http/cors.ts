/**
 * Cross-origin access for other dashboards (CORS_ORIGINS), as the Fetch standard defines it: a preflight is
 * answered for an allowed origin with the methods and headers the API takes (Authorization among them), and
 * every answer to an allowed origin names it. An origin not on the list, or an empty list, gets no CORS header
 * at all, so the browser keeps the response from the page. The same list decides WebSocket handshakes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a cross-origin page may send: credentials, content type, and Apollo's CSRF and naming headers. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
/** Response headers a cross-origin page may read. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];
/** How long a browser may reuse a preflight answer, seconds. */
const PREFLIGHT_MAX_AGE = 600;

export class CorsPolicy {
  private readonly any: boolean;
  private readonly origins: Set<string>;

  constructor(origins: readonly string[]) {
    this.any = origins.includes('*');
    this.origins = new Set(origins.filter((o) => o !== '*'));
  }

  /** Whether a page served from `origin` may call the API. */
  allows(origin: string): boolean {
    return this.any || this.origins.has(origin.toLowerCase());
  }

  /**
   * Whether a WebSocket handshake may proceed: no Origin (not a browser), the server's own origin (the
   * dashboard), or an allowed one.
   */
  allowsSocket(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return sameOrigin(origin, req) || this.allows(origin);
  }

  /**
   * Puts the CORS headers on `res`; answers a preflight (OPTIONS) itself and returns true when it did, so the
   * caller stops there.
   */
  apply(req: IncomingMessage, res: ServerResponse, methods: string): boolean {
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    const allowed = origin !== undefined && this.allows(origin);
    if (allowed) {
      res.setHeader('access-control-allow-origin', this.any ? '*' : origin);
      // Credentials are the Authorization header, not cookies; a wildcard may not carry them.
      if (!this.any) res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
    }
    if (req.method !== 'OPTIONS') return false;
    res.statusCode = 204;
    res.setHeader('allow', `${methods}, OPTIONS`);
    if (allowed && req.headers['access-control-request-method']) {
      res.setHeader('access-control-allow-methods', `${methods}, OPTIONS`);
      res.setHeader('access-control-allow-headers', ALLOWED_HEADERS.join(', '));
      res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE));
    }
    res.end();
    return true;
  }
}

/** Whether `origin` is the one the request was sent to (its Host header, over the scheme the origin names). */
function sameOrigin(origin: string, req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host) return false;
  try {
    const url = new URL(origin);
    return url.host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
