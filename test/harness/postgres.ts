/**
 * Real PostgreSQL for tests, PostGraphile-style: a template database is migrated and seeded once per run
 * (global setup); each test file clones its own database from it in milliseconds and drops it after.
 */
import type pg from 'pg';
import {
  createDatabase,
  databaseUrlOn,
  dropDatabase,
  withAdmin as withAdminOf,
} from '../../scripts/lib/postgres.js';

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The template of this test run: one per run (global setup names it after its process), so two runs on one
 * machine never drop each other's template while the other clones it.
 */
export const TEMPLATE_PREFIX = 'romgraph_test_template_';
export const TEMPLATE_DB = process.env.ROMGRAPH_TEST_TEMPLATE ?? `${TEMPLATE_PREFIX}${process.pid}`;

export function databaseUrl(name: string): string {
  return databaseUrlOn(ADMIN_URL, name);
}

export function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withAdminOf(ADMIN_URL, fn);
}

/** A fresh database cloned from the seeded template; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `romgraph_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const url = await createDatabase(ADMIN_URL, name, { template: TEMPLATE_DB });
  return { url, drop: () => dropDatabase(ADMIN_URL, name) };
}
