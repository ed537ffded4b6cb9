/**
 * The thirteen dashboard questions as files: `schema/operations/questions/qNN-*.graphql`, each one named
 * operation, its variables (if any) in the `.json` of the same name beside it. Read by their test and their
 * benchmark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Question {
  /** q01 .. q13. */
  name: string;
  file: string;
  /** The operation's name, e.g. Q01RomCollaborationByTheme. */
  operation: string;
  query: string;
  variables: Record<string, unknown>;
}

const DIR = new URL('../../schema/operations/questions/', import.meta.url);

export function loadQuestions(): Question[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(new URL(file, DIR), 'utf8');
      const json = new URL(file.replace(/\.graphql$/, '.json'), DIR);
      const operation = /^\s*query (\w+)/m.exec(query)?.[1];
      if (!operation) throw new Error(`[questions] ${file} holds no named query`);
      return {
        name: file.slice(0, 3),
        file,
        operation,
        query,
        variables: existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : {},
      };
    });
}
