import type { Db } from '../db/open';
import type { SheetLayout } from './layout';

/** The server-side record of a generated score sheet (append-only). */
export interface ScoreSheetRecord {
  id: string;
  evaluationId: string;
  evaluatorId: string;
  layout: SheetLayout[];
  fingerprint: string;
  macKey: string;
  generatedAt: string;
  generatedBy: string;
}

export function insertScoreSheet(db: Db, r: ScoreSheetRecord): void {
  db.prepare(
    `INSERT INTO score_sheets (id, evaluation_id, evaluator_id, layout, fingerprint, mac_key, generated_at, generated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.evaluationId, r.evaluatorId, JSON.stringify(r.layout), r.fingerprint, r.macKey, r.generatedAt, r.generatedBy);
}

interface Row {
  id: string;
  evaluation_id: string;
  evaluator_id: string;
  layout: string;
  fingerprint: string;
  mac_key: string;
  generated_at: string;
  generated_by: string;
}

export function findScoreSheet(db: Db, id: string): ScoreSheetRecord | null {
  const row = db.prepare('SELECT * FROM score_sheets WHERE id = ?').get(id) as Row | undefined;
  return row
    ? {
        id: row.id,
        evaluationId: row.evaluation_id,
        evaluatorId: row.evaluator_id,
        layout: JSON.parse(row.layout) as SheetLayout[],
        fingerprint: row.fingerprint,
        macKey: row.mac_key,
        generatedAt: row.generated_at,
        generatedBy: row.generated_by,
      }
    : null;
}

export const personName = (db: Db, id: string): string | null =>
  (db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
