import 'reflect-metadata';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { fieldOf, numberOrNull, Table } from './table.js';

@Entity({ name: 'widgets' })
class WidgetEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int' })
  id: number;

  @Column({ type: 'int' })
  ownerId: number;

  @Column({ type: 'int', array: true })
  partIds: number[];

  @Column({ type: 'numeric', nullable: true })
  priceEur: string | null;

  @Column({ type: 'text' })
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

class Widget {
  pk: number;
  ownerPk: number;
  partPks: number[];
  price: number | null;
  createdAt: string;
}

const widgets = new Table('widgets', WidgetEntity, () => new Widget(), {
  fields: { priceEur: 'price' },
  read: { priceEur: numberOrNull },
  write: { partIds: (ids) => JSON.stringify(ids) },
  omit: ['secretHash'],
});

describe('Table', () => {
  it('names integer keys *Pk and lists of them *Pks', () => {
    expect([fieldOf('id'), fieldOf('ownerId'), fieldOf('partIds'), fieldOf('title')]).toEqual([
      'pk',
      'ownerPk',
      'partPks',
      'title',
    ]);
  });

  it('selects every readable column under an alias and prefix, never an omitted one', () => {
    expect(widgets.select('w')).toBe(
      'w.id AS "id", w.owner_id AS "owner_id", w.part_ids AS "part_ids", w.price_eur AS "price_eur", w.created_at AS "created_at"',
    );
    expect(widgets.select('w', 'x__', ['pk', 'price'])).toBe(
      'w.id AS "x__id", w.price_eur AS "x__price_eur"',
    );
  });

  it('maps a row onto a new object, converting declared columns and leaving secrets out', () => {
    const row = {
      id: 7,
      owner_id: 3,
      part_ids: [1, 2],
      price_eur: '12.50',
      secret_hash: 'abc',
      created_at: '2026-01-01T00:00:00Z',
    };
    const widget = widgets.fromRow(row);
    expect(widget).toBeInstanceOf(Widget);
    expect({ ...widget }).toEqual({
      pk: 7,
      ownerPk: 3,
      partPks: [1, 2],
      price: 12.5,
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(widgets.fromRow({ x__id: 8, x__price_eur: null }, 'x__')).toMatchObject({ pk: 8, price: null });
  });

  it('writes by field, omitted columns included, with SQL of ours around a parameter', () => {
    expect(
      widgets.insert({ ownerPk: 3, secretHash: 'h', price: 5 }, { price: (p) => `round(${p}, 2)` }),
    ).toEqual({
      sql: 'INSERT INTO widgets (owner_id, secret_hash, price_eur) VALUES ($1, $2, round($3, 2))',
      params: [3, 'h', 5],
    });
    expect(widgets.byColumn({ ownerPk: 4, partPks: [] })).toEqual({ owner_id: 4, part_ids: [] });
    // Write conversions reach the parameters (a jsonb array is sent as JSON), not the values compared.
    expect(widgets.insert({ partPks: [1, 2] }).params).toEqual(['[1,2]']);
    expect(widgets.param('part_ids', [3])).toBe('[3]');
    expect(widgets.param('owner_id', 5)).toBe(5);
  });

  it('refuses a field or an option it does not have: a mistake of ours, found at start', () => {
    expect(() => widgets.columnOf('colour')).toThrow('widgets has no column for colour');
    expect(() => new Table('widgets', WidgetEntity, () => new Widget(), { omit: ['nope'] })).toThrow(
      'WidgetEntity has no column nope',
    );
  });
});
