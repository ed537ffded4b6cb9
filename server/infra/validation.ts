/** Input rules shared by the services. Each failure is a BAD_USER_INPUT naming the field and the fix. */
import countries from 'i18n-iso-countries';
import { BadInputError } from './errors.js';
import { isCalendarDate } from './graphql/scalars.js';
import { PROVINCES } from '../vocabulary.js';

const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));

export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The longest code (CODE_RE). */
export const MAX_CODE_LENGTH = 64;

/**
 * PostgreSQL text can never hold U+0000: a string with one would fail its statement. Every helper here that
 * lets a string through to SQL passes it through this first.
 */
export function storable(value: string, field: string): string {
  if (value.includes('\u0000')) {
    throw new BadInputError(`${field} contains a NUL character (U+0000); remove it`, field);
  }
  return value;
}

export function text(value: string, field: string, max = 300): string {
  const trimmed = storable(value, field).trim();
  if (trimmed.length === 0) throw new BadInputError(`${field} must not be empty`, field);
  if (trimmed.length > max)
    throw new BadInputError(`${field} is ${trimmed.length} characters; at most ${max}`, field);
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(trimmed)) {
    throw new BadInputError(`${field} contains control characters`, field);
  }
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max = 5000): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : text(trimmed, field, max);
}

/**
 * A code to look up: a malformed one just matches nothing, but one longer than any code can be is refused
 * (BAD_USER_INPUT), not looked up.
 */
export function lookupCode(value: string, field: string): string {
  const stored = storable(value, field);
  if (stored.length > MAX_CODE_LENGTH) {
    throw new BadInputError(
      `${field} is ${stored.length} characters; codes are at most ${MAX_CODE_LENGTH} (e.g. BOM, TKI_HTSM)`,
      field,
    );
  }
  return stored;
}

export function code(value: string, field: string): string {
  const trimmed = storable(value, field).trim();
  if (!CODE_RE.test(trimmed)) {
    throw new BadInputError(
      `${field} must be 1-64 letters, digits, '_' or '-', starting with a letter or digit (e.g. BOM, TKI_HTSM)`,
      field,
    );
  }
  return trimmed;
}

export function optionalDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isCalendarDate(value)) throw new BadInputError(`${field} must be a date written YYYY-MM-DD`, field);
  return value;
}

export function period(start: string | null, end: string | null, startField: string, endField: string): void {
  if (start && end && end < start) {
    throw new BadInputError(`${endField} (${end}) must not be before ${startField} (${start})`, endField);
  }
}

/** Values one list argument or parameter may hold, repeats included. */
const MAX_LIST_VALUES = 50;

function boundedList<T>(values: T[], field: string): T[] {
  if (values.length > MAX_LIST_VALUES) {
    throw new BadInputError(`${field} has ${values.length} values; at most ${MAX_LIST_VALUES}`, field);
  }
  return [...new Set(values)];
}

export function enumList<T extends string>(values: T[] | null | undefined, field: string): T[] {
  return values ? boundedList(values, field) : [];
}

export function provinceCodes(values: string[] | null | undefined, field: string): string[] {
  const list = boundedList(values ?? [], field);
  for (const p of list) {
    if (!PROVINCE_CODES.has(storable(p, field))) {
      throw new BadInputError(
        `${field} holds ${JSON.stringify(p)}; use the ISO 3166-2:NL codes of the twelve provinces: ${[...PROVINCE_CODES].join(', ')}`,
        field,
      );
    }
  }
  return list;
}

/** ISO 3166-1 alpha-2 country codes (upper case, each assigned), without repeats; at most 50. */
export function countryCodes(values: string[] | null | undefined, field: string): string[] {
  const list = [...new Set(values ?? [])];
  if (list.length > 50) throw new BadInputError(`${field} has ${list.length} codes; at most 50`, field);
  for (const c of list) {
    if (!/^[A-Z]{2}$/.test(storable(c, field)) || !countries.isValid(c)) {
      throw new BadInputError(
        `${field} holds ${JSON.stringify(c.slice(0, 20))}; use ISO 3166-1 alpha-2 country codes like JP or DE`,
        field,
      );
    }
  }
  return list;
}

export function website(value: string | null | undefined, field: string): string | null {
  const v = optionalText(value, field, 300);
  if (v === null) return null;
  if (!/^(https?:\/\/)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}(\/\S*)?$/.test(v)) {
    throw new BadInputError(`${field} must be a domain or http(s) URL, e.g. bom.nl`, field);
  }
  return v;
}

export function searchTerm(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (value.length > 100) throw new BadInputError(`${field} is longer than 100 characters`, field);
  return storable(value, field).trim();
}

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How an input field becomes a column value: one of the rules above, or the value as GraphQL gave it. */
export type FieldCheck = (value: never, field: string) => unknown;

interface WritableField {
  readonly property: string;
  readonly check: FieldCheck;
  readonly fallback: unknown;
  readonly clearable: boolean;
}

const writableFields = new Map<abstract new (...args: never[]) => unknown, WritableField[]>();

/**
 * Marks an input field as written to the column of the same name: the service takes every marked field
 * through {@link writtenValues} (create) or {@link changedValues} (update), so a new column needs its entity,
 * its GraphQL type and its input, and no line in the service.
 *
 * @param check the rule that validates and normalises a given value (the value itself when GraphQL's type
 *   says all there is, e.g. an enum)
 * @param options.fallback the value when the input leaves the field out or gives null
 * @param options.clearable whether an update may set it to null (optional fields); false for required ones
 */
export function Writable(
  check: FieldCheck = (value) => value,
  options: { fallback?: unknown; clearable?: boolean } = {},
): PropertyDecorator {
  return (prototype, property) => {
    const input = prototype.constructor as abstract new (...args: never[]) => unknown;
    const fields = writableFields.get(input) ?? [];
    fields.push({
      property: String(property),
      check,
      fallback: options.fallback,
      clearable: options.clearable ?? options.fallback !== undefined,
    });
    writableFields.set(input, fields);
  };
}

type InputClass<T> = abstract new (...args: never[]) => T;

function fieldsOf(type: InputClass<unknown>): WritableField[] {
  const fields = writableFields.get(type);
  if (!fields) throw new Error(`[validation] ${type.name} has no @Writable fields`);
  return fields;
}

function checked(field: WritableField, value: unknown, argument: string): unknown {
  const name = `${argument}.${field.property}`;
  if (value === null || value === undefined) {
    if (field.fallback !== undefined) return field.fallback;
    if (value === null && !field.clearable) throw new BadInputError(`${name} cannot be cleared`, name);
  }
  return (field.check as (value: unknown, field: string) => unknown)(value ?? null, name);
}

function valuesOf<T extends object>(
  type: InputClass<T>,
  input: T,
  argument: string,
  given: 'all' | 'given',
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fieldsOf(type)) {
    const value = (input as Record<string, unknown>)[field.property];
    if (given === 'all' || value !== undefined) values[field.property] = checked(field, value, argument);
  }
  return values;
}

/**
 * Every writable field of a create input, checked, with its fallback where the input leaves it out. The
 * input's class is named, since callers inside the server pass plain objects of its shape.
 */
export function writtenValues<T extends object>(type: InputClass<T>, input: T, argument = 'input') {
  return valuesOf(type, input, argument, 'all');
}

/** The writable fields an update input gives (null clears an optional one), checked. */
export function changedValues<T extends object>(type: InputClass<T>, input: T, argument = 'input') {
  return valuesOf(type, input, argument, 'given');
}

/** `text` with a length limit other than the default, for `@Writable`. */
export const textUpTo =
  (max: number) =>
  (value: string, field: string): string =>
    text(value, field, max);

/** `optionalText` with a length limit, for `@Writable`. */
export const optionalTextUpTo =
  (max: number) =>
  (value: string | null, field: string): string | null =>
    optionalText(value, field, max);

/** An http(s) URL of at most 500 characters, trimmed. */
export function httpUrl(value: string, field: string): string {
  const url = storable(value, field).trim();
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || url.length > 500) {
    throw new BadInputError(
      `${field} must be an http(s) URL of at most 500 characters, e.g. https://esmee.sites.uu.nl/`,
      field,
    );
  }
  return url;
}

/** `httpUrl`, or null when none is given. */
export function optionalUrl(value: string | null | undefined, field: string): string | null {
  return value == null || value.trim() === '' ? null : httpUrl(value, field);
}

/** A link to a page elsewhere (an external dashboard such as ESMEE's regional ecosystem pages). */
export interface ExternalLinkValue {
  label: string;
  url: string;
}

/** At most 20 links, each a label of 1-100 characters and an http(s) URL of at most 500. */
export function externalLinks(
  values: readonly { label: string; url: string }[] | null | undefined,
  field: string,
): ExternalLinkValue[] {
  const list = values ?? [];
  if (list.length > 20) throw new BadInputError(`${field} has ${list.length} links; at most 20`, field);
  return list.map((link, i) => {
    const label = text(link.label, `${field}[${i}].label`, 100);
    const url = httpUrl(link.url, `${field}[${i}].url`);
    // In the order jsonb keeps keys (shorter first), so an unchanged list compares equal in update events.
    return { url, label };
  });
}
