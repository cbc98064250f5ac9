import type { FrameworkSummary } from '../../../shared/api/frameworks';
import { FrameworkSchema, type Framework } from '../../../shared/domain/framework';
import type { Db } from '../db/open';

interface LatestRow {
  id: string;
  key: string;
  built_in: 0 | 1;
  revision: number;
  body: string;
  saved_at: string;
  saved_by_name: string | null;
}

const LATEST = `
  SELECT f.id, f.key, f.built_in, r.revision, r.body, r.saved_at, p.name AS saved_by_name
  FROM frameworks f
  JOIN framework_revisions r ON r.framework_id = f.id
    AND r.revision = (SELECT MAX(revision) FROM framework_revisions WHERE framework_id = f.id)
  LEFT JOIN people p ON p.id = r.saved_by`;

export interface StoredFramework {
  summary: FrameworkSummary;
  framework: Framework;
}

function toStored(row: LatestRow): StoredFramework {
  const framework = FrameworkSchema.parse(JSON.parse(row.body));
  return {
    framework,
    summary: {
      id: row.id,
      key: row.key,
      name: framework.name,
      revision: row.revision,
      builtIn: row.built_in === 1,
      areaCount: framework.areas.length,
      stageCount: framework.stages.length,
      updatedAt: row.saved_at,
      updatedBy: row.saved_by_name,
    },
  };
}

export const listFrameworks = (db: Db): StoredFramework[] =>
  (db.prepare(`${LATEST} ORDER BY f.built_in DESC, r.saved_at DESC`).all() as LatestRow[]).map(toStored);

export function findFramework(db: Db, id: string): StoredFramework | undefined {
  const row = db.prepare(`${LATEST} WHERE f.id = ?`).get(id) as LatestRow | undefined;
  return row && toStored(row);
}

export const builtInExists = (db: Db, key: string): boolean =>
  db.prepare('SELECT 1 FROM frameworks WHERE key = ? AND built_in = 1').get(key) !== undefined;

export function insertFramework(
  db: Db,
  f: { id: string; framework: Framework; builtIn: boolean; at: string; by: string | null },
): void {
  db.prepare('INSERT INTO frameworks (id, key, built_in, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
    f.id,
    f.framework.id,
    f.builtIn ? 1 : 0,
    f.at,
    f.by,
  );
  insertRevision(db, { frameworkId: f.id, revision: 1, framework: f.framework, at: f.at, by: f.by });
}

export function insertRevision(
  db: Db,
  r: { frameworkId: string; revision: number; framework: Framework; at: string; by: string | null },
): void {
  db.prepare('INSERT INTO framework_revisions (framework_id, revision, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)').run(
    r.frameworkId,
    r.revision,
    JSON.stringify(r.framework),
    r.at,
    r.by,
  );
}
