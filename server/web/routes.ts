/**
 * The browser's side of the server: the dashboard at `/` and its assets, GraphiQL at `GET /graphql` for a
 * browser (a request that accepts HTML), both from the Vite build, with the pages' security headers; and, in
 * development only, `POST /auth/dev-token` for the dashboard's "sign in as".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setBaseSecurityHeaders, setPageSecurityHeaders } from '../infra/http/security-headers.js';
import { StaticFiles } from '../infra/http/static-files.js';
import { sendJson } from '../infra/http/graphql-http.js';

/** Where `npm run build:web` (Vite) writes the app; the compiled server finds it at the same relative place. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface WebRoutesOptions {
  /** Serve the dashboard at `/`. */
  app: boolean;
  /** Serve GraphiQL at `GET /graphql` to browsers. */
  graphiql: boolean;
  /** The build to serve (WEB_DIST by default). */
  root?: string;
}

export class WebRoutes {
  private readonly files: StaticFiles;

  constructor(private readonly options: WebRoutesOptions) {
    this.files = new StaticFiles(options.root ?? WEB_DIST);
  }

  /** Whether this GET /graphql is a browser asking for a page rather than a client asking for a result. */
  wantsGraphiQL(req: IncomingMessage): boolean {
    if (!this.options.graphiql || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const accept = String(req.headers.accept ?? '');
    return /\btext\/html\b/i.test(accept);
  }

  async graphiql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(await this.page(req, res, 'graphiql.html'))) notBuilt(res, 'GraphiQL');
  }

  /**
   * Answers `pathname` when it is the app's (`/`, `/index.html`, `/assets/...`, a file at the build's root);
   * returns false for anything else, having sent nothing.
   */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (!this.options.app) return false;
    const isAsset = pathname.startsWith('/assets/');
    if (pathname !== '/' && pathname !== '/index.html' && !isAsset && !/^\/[\w.-]+$/.test(pathname))
      return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(
        res,
        405,
        JSON.stringify({ error: `${req.method} ${pathname}: the web app is read with GET` }),
      );
      return true;
    }
    if (pathname === '/' || pathname === '/index.html') {
      if (!(await this.page(req, res, 'index.html'))) notBuilt(res, 'The dashboard');
      return true;
    }
    // GraphiQL's page lives at /graphql, not under its file name.
    if (pathname === '/graphiql.html') return false;
    setBaseSecurityHeaders(res);
    return this.files.send(req, res, pathname.slice(1), isAsset);
  }

  private async page(req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean> {
    setPageSecurityHeaders(res);
    return this.files.send(req, res, file);
  }
}

function notBuilt(res: ServerResponse, what: string): void {
  res.statusCode = 503;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(
    `${what} is not built. Run \`npm run build:web\` (npm install and npm start do it outside production).\n`,
  );
}
