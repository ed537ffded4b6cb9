/**
 * GET /metrics: the Prometheus text format. Protected in production: with METRICS_TOKEN it answers only
 * `Authorization: Bearer <token>`; on its own port (METRICS_PORT) it answers whoever reaches that port;
 * otherwise production answers 404, as if there were no such route, and development answers anyone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../metrics.js';
import { sendJson } from './graphql-http.js';

export interface MetricsAccess {
  /** The bearer token scrapers must send (METRICS_TOKEN). */
  token: string | undefined;
  /** Without a token, answer anyone on the main port (outside production). */
  open: boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export class MetricsRoute {
  private readonly token: Buffer | undefined;

  constructor(
    private readonly metrics: Metrics,
    private readonly access: MetricsAccess,
  ) {
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
    this.token = access.token === undefined ? undefined : digest(access.token);
  }

  /** @param ownPort whether the request came to the metrics port of its own */
  async handle(req: IncomingMessage, res: ServerResponse, ownPort: boolean): Promise<void> {
    if (!this.token && !this.access.open && !ownPort) {
      return sendJson(res, 404, JSON.stringify({ error: 'no route /metrics; the API is at POST /graphql' }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, JSON.stringify({ error: 'metrics are read with GET' }));
    }
    if (this.token) {
      const sent = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (sent === undefined || !timingSafeEqual(digest(sent), this.token)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        return sendJson(
          res,
          401,
          JSON.stringify({ error: 'send Authorization: Bearer <METRICS_TOKEN> to read the metrics' }),
        );
      }
    }
    try {
      const text = await this.metrics.text();
      res.statusCode = 200;
      res.setHeader('content-type', this.metrics.contentType);
      res.setHeader('cache-control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : text);
    } catch {
      // A collector that failed (a gauge reading a pool that is closing): the next scrape tries again.
      sendJson(res, 503, JSON.stringify({ error: 'the metrics could not be collected; try again' }));
    }
  }
}
