import type { Bidder, EvaluationDetail, EvaluationSummary, PanelMember, PanelRole } from '../../../shared/api/evaluations';
import type { EVALUATION_STATUSES } from '../../../shared/api/evaluations';

type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
import { FrameworkSchema, type Framework } from '../../../shared/domain/framework';
import { EvaluationSettingsSchema, type EvaluationSettings } from '../../../shared/domain/settings';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';

interface EvaluationRow {
  id: string;
  name: string;
  reference: string;
  status: EvaluationStatus;
  framework_body: string;
  created_at: string;
  role: PanelRole;
  bidder_count: number;
}

const SUMMARY = `
  SELECT e.id, e.name, e.reference, e.status, e.framework_body, e.created_at, m.role,
         (SELECT COUNT(*) FROM bidders b WHERE b.evaluation_id = e.id) AS bidder_count
  FROM evaluations e
  JOIN panel_memberships m ON m.evaluation_id = e.id AND m.person_id = ? AND m.ended_at IS NULL`;

function toSummary(row: EvaluationRow, framework: Framework): EvaluationSummary {
  return {
    id: row.id,
    name: row.name,
    reference: row.reference,
    status: row.status,
    frameworkName: framework.name,
    myRole: row.role,
    bidderCount: row.bidder_count,
    createdAt: row.created_at,
  };
}

const parseFramework = (body: string) => FrameworkSchema.parse(JSON.parse(body));

export function listEvaluationsFor(db: Db, personId: string): EvaluationSummary[] {
  const rows = db.prepare(`${SUMMARY} ORDER BY e.created_at DESC`).all(personId) as EvaluationRow[];
  return rows.map((r) => toSummary(r, parseFramework(r.framework_body)));
}

/** Frozen by a trigger, so once parsed it can be kept for the life of the connection. */
const frozenCache = new WeakMap<Db, Map<string, Framework>>();

export function frozenFramework(db: Db, evaluationId: string): Framework {
  const forDb = frozenCache.get(db) ?? new Map<string, Framework>();
  frozenCache.set(db, forDb);
  const known = forDb.get(evaluationId);
  if (known) return known;
  const row = db.prepare('SELECT framework_body FROM evaluations WHERE id = ?').get(evaluationId) as { framework_body: string };
  const framework = parseFramework(row.framework_body);
  forDb.set(evaluationId, framework);
  return framework;
}

interface SettingsRow {
  version: number;
  body: string;
  saved_at: string;
  saved_by: string;
}

export function latestSettings(db: Db, evaluationId: string): { settings: EvaluationSettings; version: number; savedAt: string; savedBy: string } {
  const row = db
    .prepare(
      `SELECT s.version, s.body, s.saved_at, p.name AS saved_by FROM evaluation_settings s JOIN people p ON p.id = s.saved_by
       WHERE s.evaluation_id = ? ORDER BY s.version DESC LIMIT 1`,
    )
    .get(evaluationId) as SettingsRow;
  return { settings: EvaluationSettingsSchema.parse(JSON.parse(row.body)), version: row.version, savedAt: row.saved_at, savedBy: row.saved_by };
}

export function insertSettings(db: Db, evaluationId: string, settings: EvaluationSettings, at: string, by: string): void {
  db.prepare(
    `INSERT INTO evaluation_settings (evaluation_id, version, body, saved_at, saved_by)
     VALUES (?, COALESCE((SELECT MAX(version) FROM evaluation_settings WHERE evaluation_id = ?), 0) + 1, ?, ?, ?)`,
  ).run(evaluationId, evaluationId, JSON.stringify(settings), at, by);
}

export function insertEvaluation(
  db: Db,
  e: { id: string; name: string; reference: string; framework: Framework; sourceId: string; sourceRevision: number; at: string; by: string },
): void {
  db.prepare(
    `INSERT INTO evaluations (id, name, reference, status, framework_body, framework_source_id, framework_source_revision, created_at, created_by)
     VALUES (?, ?, ?, 'setup', ?, ?, ?, ?, ?)`,
  ).run(e.id, e.name, e.reference, JSON.stringify(e.framework), e.sourceId, e.sourceRevision, e.at, e.by);
}

export function updateDetails(db: Db, evaluationId: string, name: string, reference: string): void {
  db.prepare('UPDATE evaluations SET name = ?, reference = ? WHERE id = ?').run(name, reference, evaluationId);
}

export function activePanel(db: Db, evaluationId: string): PanelMember[] {
  return db
    .prepare(
      `SELECT m.person_id AS personId, p.name, m.role, m.added_at AS addedAt, a.name AS addedBy,
              (SELECT COUNT(*) FROM seals s WHERE s.evaluation_id = m.evaluation_id AND s.evaluator_id = m.person_id) AS sealedBidders
       FROM panel_memberships m JOIN people p ON p.id = m.person_id JOIN people a ON a.id = m.added_by
       WHERE m.evaluation_id = ? AND m.ended_at IS NULL
       ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, p.name COLLATE NOCASE`,
    )
    .all(evaluationId) as PanelMember[];
}

export function biddersOf(db: Db, evaluationId: string): Bidder[] {
  const bidders = db
    .prepare('SELECT id, name, reference, added_at AS addedAt FROM bidders WHERE evaluation_id = ? ORDER BY added_at, name')
    .all(evaluationId) as Omit<Bidder, 'members'>[];
  const members = db.prepare(
    `SELECT id, organisation, role FROM consortium_members WHERE bidder_id = ? AND removed_at IS NULL
     ORDER BY CASE role WHEN 'lead' THEN 0 WHEN 'partner' THEN 1 ELSE 2 END, added_at`,
  );
  return bidders.map((b) => ({ ...b, members: members.all(b.id) as Bidder['members'] }));
}

export function evaluationDetail(db: Db, evaluationId: string, personId: string): EvaluationDetail {
  const row = db.prepare(`${SUMMARY} WHERE e.id = ?`).get(personId, evaluationId) as EvaluationRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such evaluation on which you sit on the panel.');
  const framework = parseFramework(row.framework_body);
  const s = latestSettings(db, evaluationId);
  return {
    ...toSummary(row, framework),
    framework,
    settings: s.settings,
    settingsVersion: s.version,
    settingsSavedAt: s.savedAt,
    settingsSavedBy: s.savedBy,
    panel: activePanel(db, evaluationId),
    bidders: biddersOf(db, evaluationId),
  };
}

export const evaluationStatus = (db: Db, evaluationId: string): EvaluationStatus =>
  (db.prepare('SELECT status FROM evaluations WHERE id = ?').get(evaluationId) as { status: EvaluationStatus }).status;

export function setStatus(db: Db, s: { evaluationId: string; status: EvaluationStatus; at: string; by: string }): void {
  db.prepare('UPDATE evaluations SET status = ? WHERE id = ?').run(s.status, s.evaluationId);
  db.prepare('INSERT INTO status_changes (evaluation_id, status, changed_at, changed_by) VALUES (?, ?, ?, ?)').run(s.evaluationId, s.status, s.at, s.by);
}
