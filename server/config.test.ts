import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded database on port 4000, seeding on start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      seedOnStart: true,
      introspection: true,
    });
  });

  it('does not seed PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).seedOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', SEED_ON_START: 'true' }).seedOnStart).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ REDIS_URL: 'nope' }, /REDIS_URL/],
    [{ SEED_ON_START: 'maybe' }, /SEED_ON_START/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ JWT_SECRET: 'short' }, /32 characters/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
