/**
 * @romgraph/client/node: what only Node has. A cursor store in a file, so a feed resumes after your process
 * restarts.
 *
 * @example
 * import { fileCursorStore } from '@romgraph/client/node';
 * const feed = client.events({}, handlers, { cursorStore: fileCursorStore('./romgraph.cursor') });
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CursorStore } from './cursor-store.js';

/**
 * The cursor in a file: written to a temporary file beside it and renamed over it, so it is never half written.
 *
 * @example
 * import WebSocket from 'ws';
 * import { fileCursorStore } from '@romgraph/client/node';
 * const client = createRomgraphClient({ url, auth: { apiKey }, webSocketImpl: WebSocket });
 * client.events({}, { next: handle }, { cursorStore: fileCursorStore('/var/lib/crm-sync/romgraph.cursor') });
 */
export function fileCursorStore(file: string): CursorStore {
  const target = path.resolve(file);
  let writes = Promise.resolve();
  return {
    async load() {
      try {
        const text = (await readFile(target, 'utf8')).trim();
        return text === '' ? null : text;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    save(cursor) {
      // One write at a time, in order: the last save wins.
      writes = writes.then(async () => {
        await mkdir(path.dirname(target), { recursive: true });
        const temporary = `${target}.${process.pid}.tmp`;
        await writeFile(temporary, `${cursor}\n`, 'utf8');
        await rename(temporary, target);
      });
      return writes;
    },
  };
}

/**
 * Where a feed keeps its cursor (the same type as `CursorStore` of `@romgraph/client`).
 *
 * @example
 * const store: CursorStore = fileCursorStore('./romgraph.cursor');
 */
export type { CursorStore } from './cursor-store.js';
