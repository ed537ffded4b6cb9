/**
 * Files of a built web app (Vite's `dist/`), served from memory: read once, gzipped once, with an ETag and
 * long-lived caching for the content-hashed assets. Nothing outside the root is reachable: the path is decoded
 * once, `..`, backslashes and NUL are refused, and the resolved file must lie under the root.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** Worth compressing: text. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

interface CachedFile {
  body: Buffer;
  gzipped: Buffer | undefined;
  type: string;
  etag: string;
}

export class StaticFiles {
  private readonly root: string;
  private readonly files = new Map<string, Promise<CachedFile | null>>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Whether the build is there at all (its index.html). */
  async available(): Promise<boolean> {
    return (await this.load('index.html')) !== null;
  }

  /**
   * Sends the file at `relative` (a URL path below the root, without the leading slash). Returns false, having
   * sent nothing, when there is no such file. `immutable`: a content-hashed name, cacheable for a year.
   */
  async send(
    req: IncomingMessage,
    res: ServerResponse,
    relative: string,
    immutable = false,
  ): Promise<boolean> {
    const file = await this.load(relative);
    if (!file) return false;
    res.setHeader('content-type', file.type);
    res.setHeader('etag', file.etag);
    res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (file.gzipped) res.setHeader('vary', appendVary(res.getHeader('vary'), 'Accept-Encoding'));
    if (req.headers['if-none-match'] === file.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const gzipped = file.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzipped ? file.gzipped! : file.body;
    if (gzipped) res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  private load(relative: string): Promise<CachedFile | null> {
    let file = this.files.get(relative);
    if (!file) {
      file = this.read(relative);
      this.files.set(relative, file);
      // A file that was not there may be built later (a development rebuild): look again next time.
      void file.then((found) => found || this.files.delete(relative));
    }
    return file;
  }

  private async read(relative: string): Promise<CachedFile | null> {
    const resolved = this.resolve(relative);
    if (!resolved) return null;
    try {
      if (!(await stat(resolved)).isFile()) return null;
      const body = await readFile(resolved);
      const type = TYPES[path.extname(resolved).toLowerCase()] ?? 'application/octet-stream';
      const gzipped =
        COMPRESSIBLE.test(type) && body.length > 1024 ? await gzipAsync(body, { level: 9 }) : undefined;
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, gzipped, type, etag };
    } catch {
      return null;
    }
  }

  private resolve(relative: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      return null;
    }
    if (/[\0\\]/.test(decoded) || decoded.split('/').some((part) => part === '..' || part === '.'))
      return null;
    const resolved = path.resolve(this.root, decoded);
    return resolved.startsWith(this.root + path.sep) ? resolved : null;
  }
}

function appendVary(existing: unknown, value: string): string {
  const current = typeof existing === 'string' && existing ? existing : '';
  return current ? `${current}, ${value}` : value;
}
