import { describe, expect, it } from 'vitest';
import { decodeCursor, pageRequest } from './connection.js';
import { decodeId, parseGlobalId, toGlobalId } from './ids.js';

describe('global ids', () => {
  it('round-trips a type and key', () => {
    const id = toGlobalId('Organisation', 42);
    expect(parseGlobalId(id)).toEqual({ type: 'Organisation', key: '42' });
    expect(decodeId(id, 'Organisation')).toBe(42);
  });

  it.each([
    ['an id of another type', toGlobalId('Initiative', 1)],
    ['a non-numeric key', Buffer.from('Organisation:abc').toString('base64url')],
    ['a key beyond int4', toGlobalId('Organisation', 2_147_483_648)],
    ['not base64', '***'],
    ['empty', ''],
  ])('rejects %s with BAD_USER_INPUT naming the argument', (_what, id) => {
    expect(() => decodeId(id, 'Organisation', 'input.organisationId')).toThrow(/input.organisationId/);
  });
});

describe('page requests', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ first: 20, after: null });
    expect(pageRequest(100, null).first).toBe(100);
    expect(() => pageRequest(0, null)).toThrow(/between 1 and 100/);
    expect(() => pageRequest(101, null)).toThrow(/between 1 and 100/);
  });

  it('rejects cursors of the wrong shape', () => {
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 1)).toThrow(/cursor/);
    expect(decodeCursor(Buffer.from('["BOM"]').toString('base64url'), 1)).toEqual(['BOM']);
  });
});
