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
  const cursor = (json: string) => Buffer.from(json).toString('base64url');

  it('defaults to 20 and accepts 1..100', () => {
    expect(pageRequest(undefined, undefined, ['int'])).toEqual({ first: 20, after: null });
    expect(pageRequest(100, null, ['int']).first).toBe(100);
    expect(() => pageRequest(0, null, ['int'])).toThrow(/between 1 and 100/);
    expect(() => pageRequest(101, null, ['int'])).toThrow(/between 1 and 100/);
  });

  it('rejects cursors of the wrong shape', () => {
    expect(() => decodeCursor(cursor('{"a":1}'), ['text'])).toThrow(/cursor/);
    expect(() => decodeCursor(cursor('[1,2]'), ['int'])).toThrow(/cursor/);
    expect(decodeCursor(cursor('["BOM"]'), ['text'])).toEqual(['BOM']);
  });

  it.each(['["abc"]', '[1.5]', '[1e400]', '[-1]', '[2147483648]', '[null]', '["1"]'])(
    'rejects %s as an id key, naming the argument',
    (json) => {
      expect(() => pageRequest(10, cursor(json), ['int'])).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
      );
    },
  );

  it('takes ids in 0..2147483647', () => {
    expect(pageRequest(10, cursor('[0]'), ['int']).after).toEqual([0]);
    expect(pageRequest(10, cursor('[2147483647]'), ['int']).after).toEqual([2147483647]);
  });

  it.each(['["-1"]', '["1.5"]', '["9223372036854775808"]', '["99999999999999999999"]', '[-1]', '[1.5]'])(
    'rejects %s as an event seq',
    (json) => {
      expect(() => decodeCursor(cursor(json), ['bigint'])).toThrow(/cursor/);
    },
  );

  it('takes event seqs as digits up to the bigint maximum', () => {
    expect(decodeCursor(cursor('["9223372036854775807"]'), ['bigint'])).toEqual(['9223372036854775807']);
    expect(decodeCursor(cursor('[42]'), ['bigint'])).toEqual([42]);
  });

  it('rejects a text key with U+0000, or longer than any code', () => {
    expect(() => decodeCursor(cursor(JSON.stringify(['B\u0000'])), ['text'])).toThrow(/cursor/);
    expect(() => decodeCursor(cursor(JSON.stringify(['x'.repeat(301)])), ['text'])).toThrow(/cursor/);
    expect(() => decodeCursor(cursor('[1]'), ['text'])).toThrow(/cursor/);
  });
});
