/**
 * One declaration per noun: the TypeORM entity's columns are the column list, the row mapping and the
 * INSERT and UPDATE column names of the hand-written SQL. Read from the entity's metadata once, at start;
 * the row mapper is compiled to plain property assignments per prefix, so a row costs what a hand-written
 * mapper costs.
 */
import { getMetadataArgsStorage } from 'typeorm';
import type { Row } from './database.js';
import { snakeCase } from './naming.js';

export interface TableColumn {
  /** The entity's property. */
  readonly property: string;
  /** The database column (the naming strategy's snake_case). */
  readonly column: string;
  /** The property on the objects the API shows: `id` is `pk`, `<x>Id` is `<x>Pk`, `<x>Ids` is `<x>Pks`. */
  readonly field: string;
  /** How a value read from the driver becomes the field's value, where it is not the value itself. */
  readonly read?: (value: unknown) => unknown;
  /** How a field's value becomes the parameter written, where it is not the value itself. */
  readonly write?: (value: unknown) => unknown;
}

/** Where a noun's objects differ from its entity, declared once beside the table. */
export interface TableOptions {
  /** Object fields named otherwise than {@link fieldOf} would, by entity property. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Conversions of driver values, by entity property (e.g. `numeric`, which pg returns as a string). */
  readonly read?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Conversions of values written, by entity property (e.g. `JSON.stringify` for a `jsonb` array). */
  readonly write?: Readonly<Record<string, (value: unknown) => unknown>>;
  /**
   * Entity properties that are written but never read onto an object: secrets (a key's hash), or columns a
   * query loads only when asked for.
   */
  readonly omit?: readonly string[];
}

/** A nullable `numeric` column read as a JavaScript number. */
export const numberOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

/** The object field of an entity property: integer keys end in Pk (lists of them in Pks), as everywhere. */
export function fieldOf(property: string): string {
  if (property === 'id') return 'pk';
  if (property.endsWith('Ids')) return `${property.slice(0, -3)}Pks`;
  return property.endsWith('Id') ? `${property.slice(0, -2)}Pk` : property;
}

export class Table<T extends object> {
  readonly columns: readonly TableColumn[];
  private readonly byField: ReadonlyMap<string, TableColumn>;
  private readonly byColumnName: ReadonlyMap<string, TableColumn>;
  private readonly mappers = new Map<string, (row: Row) => T>();

  /**
   * @param name the table's name in SQL
   * @param entity the TypeORM entity class whose columns these are
   * @param create a new, empty object of the noun's GraphQL type
   */
  constructor(
    readonly name: string,
    entity: abstract new (...args: never[]) => unknown,
    private readonly create: () => T,
    options: TableOptions = {},
  ) {
    const declared = getMetadataArgsStorage().columns.filter((c) => c.target === entity);
    if (declared.length === 0) throw new Error(`[db] ${entity.name} declares no columns`);
    const properties = new Set(declared.map((c) => c.propertyName));
    for (const property of [
      ...Object.keys(options.fields ?? {}),
      ...Object.keys(options.read ?? {}),
      ...Object.keys(options.write ?? {}),
      ...(options.omit ?? []),
    ]) {
      if (!properties.has(property)) throw new Error(`[db] ${entity.name} has no column ${property}`);
    }
    const omitted = new Set(options.omit);
    const all = declared.map((c) => ({
      property: c.propertyName,
      column: snakeCase(c.options.name ?? c.propertyName),
      field: options.fields?.[c.propertyName] ?? fieldOf(c.propertyName),
      read: options.read?.[c.propertyName],
      write: options.write?.[c.propertyName],
    }));
    // Omitted columns can be written (and named in SQL) but are never selected by default or mapped.
    this.columns = all.filter((c) => !omitted.has(c.property));
    this.byField = new Map(all.map((c) => [c.field, c]));
    this.byColumnName = new Map(all.map((c) => [c.column, c]));
  }

  /** `alias.column AS "<prefix>column", ...` for `fields` (all columns by default). */
  select(alias: string, prefix = '', fields?: readonly string[]): string {
    const chosen = fields ? fields.map((f) => this.columnOf(f)) : this.columns;
    return chosen.map((c) => `${alias}.${c.column} AS "${prefix}${c.column}"`).join(', ');
  }

  /** The column of an object field; throws for a field the table does not have (a mistake of ours). */
  columnOf(field: string): TableColumn {
    const column = this.byField.get(field);
    if (!column) throw new Error(`[db] ${this.name} has no column for ${field}`);
    return column;
  }

  /** The object a row shows, its columns read under `prefix` (absent ones are undefined). */
  fromRow(row: Row, prefix = ''): T {
    let mapper = this.mappers.get(prefix);
    if (!mapper) this.mappers.set(prefix, (mapper = this.compile(prefix)));
    return mapper(row);
  }

  /**
   * `INSERT INTO table (columns) VALUES ($1, ...)` of the given field values, in the order given. `around`
   * wraps a field's parameter in SQL of ours where the database decides (`coalesce($4::date, current_date)`).
   */
  insert(
    values: Record<string, unknown>,
    around: Readonly<Record<string, (param: string) => string>> = {},
  ): { sql: string; params: unknown[] } {
    const fields = Object.keys(values);
    const columns = fields.map((f) => this.columnOf(f).column);
    const params = fields.map((f, i) => around[f]?.(`$${i + 1}`) ?? `$${i + 1}`);
    return {
      sql: `INSERT INTO ${this.name} (${columns.join(', ')}) VALUES (${params.join(', ')})`,
      params: fields.map((f) => this.param(this.columnOf(f).column, values[f])),
    };
  }

  /** The parameter that writes `value` to `column` (its write conversion applied). */
  param(column: string, value: unknown): unknown {
    const write = this.byColumnName.get(column)?.write;
    return write ? write(value) : value;
  }

  /** Field values keyed by their columns (for UPDATE statements and the change lists of events). */
  byColumn(values: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) out[this.columnOf(field).column] = value;
    return out;
  }

  private compile(prefix: string): (row: Row) => T {
    // Generated once per prefix from our own metadata (never from input): plain assignments, no loop per row.
    const conversions = this.columns.map((c) => c.read);
    const body = this.columns
      .map((c, i) => {
        const value = `row[${JSON.stringify(prefix + c.column)}]`;
        const read = c.read ? `read[${i}](${value})` : value;
        return `o[${JSON.stringify(c.field)}] = ${read};`;
      })
      .join('\n');
    const assign = new Function('o', 'row', 'read', `${body}\nreturn o;`) as (
      o: T,
      row: Row,
      read: typeof conversions,
    ) => T;
    return (row) => assign(this.create(), row, conversions);
  }
}
