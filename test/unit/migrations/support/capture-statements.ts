import Database from 'better-sqlite3';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

const RUNNING_METHODS = ['all', 'get', 'run', 'iterate'] as const;

/**
 * Every statement any better-sqlite3 connection in this process runs while `during` runs, with the parameters
 * it was bound to. It wraps the methods that run a statement rather than `prepare`, because the core prepares
 * each statement once per connection and reuses it.
 */
export async function captureStatements(during: () => Promise<void>): Promise<CapturedStatement[]> {
  const probe = new Database(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<(typeof RUNNING_METHODS)[number], (...args: unknown[]) => unknown>;
  probe.close();
  const originals = RUNNING_METHODS.map((name) => [name, prototype[name]] as const);
  const captured: CapturedStatement[] = [];
  for (const [name, original] of originals) {
    prototype[name] = function (this: Database.Statement, ...params: unknown[]) {
      captured.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    await during();
  } finally {
    for (const [name, original] of originals) prototype[name] = original;
  }
  const seen = new Set<string>();
  return captured.filter((s) => {
    const key = JSON.stringify([s.sql, s.params]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
