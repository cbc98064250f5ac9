import type Database from 'better-sqlite3';
import { expect } from 'vitest';

interface TableContent {
  columns: string[];
  rows: unknown[][];
}

export interface Snapshot {
  userVersion: number;
  /** sqlite_master: every table, index and trigger with its SQL. */
  schema: unknown[];
  tables: Record<string, TableContent>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

const rowsOf = (db: Database.Database, table: string, columns: readonly string[]): unknown[][] =>
  db
    .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${table === 'sqlite_sequence' ? 'name' : 'rowid'}`)
    .raw()
    .all() as unknown[][];

/** Everything the database holds, for a before/after comparison. */
export function snapshot(db: Database.Database): Snapshot {
  const tables: Record<string, TableContent> = {};
  for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]) {
    const columns = columnsOf(db, name);
    tables[name] = { columns, rows: rowsOf(db, name, columns) };
  }
  return {
    userVersion: db.pragma('user_version', { simple: true }) as number,
    schema: db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all(),
    tables,
  };
}

/** Every row that was there before is still there, column for column (a migration may only add). */
export function expectEverythingKept(db: Database.Database, before: Snapshot): void {
  for (const [table, { columns, rows }] of Object.entries(before.tables)) {
    expect(columnsOf(db, table), `the columns of ${table}`).toEqual(expect.arrayContaining(columns));
    expect(rowsOf(db, table, columns), `the rows of ${table}`).toEqual(rows);
  }
}

/** The table holds rows, and neither UPDATE nor DELETE can touch any of them. */
export function expectAppendOnly(db: Database.Database, table: string): void {
  const [first] = columnsOf(db, table);
  const before = rowsOf(db, table, columnsOf(db, table));
  expect(before.length, `${table} needs a row to show its triggers`).toBeGreaterThan(0);
  expect(() => db.prepare(`UPDATE ${quote(table)} SET ${quote(first!)} = ${quote(first!)}`).run()).toThrow(`${table} is append-only`);
  expect(() => db.prepare(`DELETE FROM ${quote(table)}`).run()).toThrow(`${table} is append-only`);
  expect(rowsOf(db, table, columnsOf(db, table))).toEqual(before);
}

export const namesOf = (db: Database.Database, type: 'table' | 'index' | 'trigger'): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map(
    (r) => r.name,
  );

export const indexColumns = (db: Database.Database, index: string): string[] =>
  (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index) as { name: string }[]).map((r) => r.name);

/** The lines of EXPLAIN QUERY PLAN for a statement with its parameters. */
export const queryPlan = (db: Database.Database, sql: string, ...params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

export const count = (db: Database.Database, table: string, where = '1'): number =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)} WHERE ${where}`).get() as { n: number }).n;
