import { describe, expect, it } from 'vitest';
import { changedValues, enumList, optionalTextUpTo, text, Writable, writtenValues } from './validation.js';

class CreateThing {
  @Writable(text)
  title: string;

  @Writable(optionalTextUpTo(5), { clearable: true })
  note?: string | null;

  @Writable(enumList, { clearable: true })
  tags?: string[] | null;

  @Writable(undefined, { fallback: 'DRAFT' })
  status?: string | null;

  /** Not written as a column: the service resolves it. */
  ownerId: string;
}

class UpdateThing {
  @Writable(text)
  title?: string | null;

  @Writable(optionalTextUpTo(5), { clearable: true })
  note?: string | null;

  @Writable()
  status?: string | null;
}

describe('@Writable inputs', () => {
  it('write every marked field of a create input, checked, with fallbacks, and nothing else', () => {
    expect(writtenValues(CreateThing, { title: '  Hello ', ownerId: 'x', tags: ['A', 'A'] })).toEqual({
      title: 'Hello',
      note: null,
      tags: ['A'],
      status: 'DRAFT',
    });
  });

  it('change only the fields an update gives; null clears an optional one and is refused for a required one', () => {
    expect(changedValues(UpdateThing, { note: null })).toEqual({ note: null });
    expect(changedValues(UpdateThing, { status: 'LIVE' })).toEqual({ status: 'LIVE' });
    expect(() => changedValues(UpdateThing, { status: null })).toThrow('input.status cannot be cleared');
    expect(() => changedValues(UpdateThing, { title: null })).toThrow('input.title cannot be cleared');
  });

  it('name the field in the check that fails, under the argument given', () => {
    expect(() => changedValues(UpdateThing, { note: 'far too long' }, 'patch')).toThrow(
      'patch.note is 12 characters; at most 5',
    );
  });

  it('refuse an input type with no marked fields (a mistake of ours)', () => {
    class Plain {}
    expect(() => writtenValues(Plain, {})).toThrow('Plain has no @Writable fields');
  });
});
