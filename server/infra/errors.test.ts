import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors.js';

// What counts as "the database is unavailable" (503, retry) rather than a statement it refused (a bug or bad input).
describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    ],
    ['an admin shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a class 08 error', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['the pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a wrapped driver error', { message: 'query failed', driverError: { code: '57P03' } }],
    ['every address refused', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])],
  ])('says yes for %s', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a NUL byte in text', Object.assign(new Error('invalid byte sequence'), { code: '22021' })],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['nothing', undefined],
  ])('says no for %s', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
