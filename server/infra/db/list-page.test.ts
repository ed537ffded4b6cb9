import { describe, expect, it } from 'vitest';
import { Where } from './list-page.js';

describe('Where', () => {
  it('numbers each $? as the next parameter, after parameters numbered by others', () => {
    const where = new Where();
    where.params.push(42);
    where.and('(v.org = $1)');
    where.and('a = ANY($?::text[])', ['X']).and('b BETWEEN $? AND $?', 1, 2);
    expect(where.sql).toBe('WHERE (v.org = $1) AND a = ANY($2::text[]) AND b BETWEEN $3 AND $4');
    expect(where.params).toEqual([42, ['X'], 1, 2]);
  });

  it('copies, so the cursor condition of a page never reaches its count', () => {
    const count = new Where().and('a = $?', 1);
    const rows = count.copy().and('k > $?', 'x');
    expect([count.sql, count.params]).toEqual(['WHERE a = $1', [1]]);
    expect([rows.sql, rows.params]).toEqual(['WHERE a = $1 AND k > $2', [1, 'x']]);
    expect(new Where().sql).toBe('');
  });

  it('refuses a condition whose placeholders and values do not pair up', () => {
    expect(() => new Where().and('a = $? AND b = $?', 1)).toThrow('more $? than values');
    expect(() => new Where().and('a = $?', 1, 2)).toThrow('more values than $?');
  });
});
