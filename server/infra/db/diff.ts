import type { Row } from './database.js';

/** `{ column: [before, after] }` for the columns whose value changed: the `changes` payload of update events. */
export function diff(before: Row, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) changes[k] = [before[k], v];
  }
  return changes;
}
