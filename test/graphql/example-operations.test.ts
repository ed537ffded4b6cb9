import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';

// The example operations under schema/operations (shown in the README) run without errors on the seeded network.
let server: TestServer;
const dir = new URL('../../schema/operations/', import.meta.url);
const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql'));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('example operations', () => {
  it.each(files)('%s runs and returns data', async (file) => {
    const res = await server.gql(await readFile(new URL(file, dir), 'utf8'));
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data).every((v) => v !== null)).toBe(true);
  });
});
