import type Database from 'better-sqlite3';
import type { CapturedStatement } from './capture-statements';

export interface ExplainedStatement extends CapturedStatement {
  plan: string[];
  /** The table each name in the plan stands for: the table itself or its alias in this statement. */
  tables: Map<string, string>;
}

const NOT_AN_ALIAS = new Set([
  'where',
  'join',
  'on',
  'left',
  'inner',
  'cross',
  'natural',
  'outer',
  'group',
  'order',
  'limit',
  'using',
  'indexed',
  'not',
  'union',
  'except',
  'intersect',
  'window',
]);

function tablesOf(sql: string): Map<string, string> {
  const tables = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?/gi)) {
    tables.set(table!, table!);
    if (alias && !NOT_AN_ALIAS.has(alias.toLowerCase())) tables.set(alias, table!);
  }
  return tables;
}

/** EXPLAIN QUERY PLAN of each statement with its own parameters. */
export const explain = (db: Database.Database, statements: readonly CapturedStatement[]): ExplainedStatement[] =>
  statements.map((s) => ({
    ...s,
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail),
    tables: tablesOf(s.sql),
  }));

/** Each plan step that reads `table` (under any of its names in the statement), with its statement. */
export function stepsOn(statements: readonly ExplainedStatement[], table: string): { step: string; statement: ExplainedStatement }[] {
  return statements.flatMap((statement) =>
    statement.plan
      .filter((step) => {
        const name = /^(?:SCAN|SEARCH) (\w+)/.exec(step)?.[1];
        return name !== undefined && statement.tables.get(name) === table;
      })
      .map((step) => ({ step, statement })),
  );
}

/** Every statement with its parameters and plan, for a reader of a failed test. */
export const describePlans = (statements: readonly ExplainedStatement[]): string =>
  statements
    .map((s) => `${s.sql.replace(/\s+/g, ' ').trim()}\n  params ${JSON.stringify(s.params)}\n${s.plan.map((p) => `  → ${p}`).join('\n')}`)
    .join('\n\n');
