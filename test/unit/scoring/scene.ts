import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Params } from '../../../shared/api/contract';
import { evaluationWithPanel, type TestCore } from '../support/core';

/*
 * The scoring story's starting point: the lead's evaluation open for scoring, with two consortium
 * bidders and an evidence document each. Declarations and documents are written straight into the
 * database (their own features are built elsewhere): scoring only reads them.
 */

export const GOV_DEV = 'governance-and-leadership/developing';
export const GOV_MAT = 'governance-and-leadership/maturing';
export const TC_DEV = 'transformation-change/developing';
export const CRITERIA_COUNT = 12;

/** Runs `write` on a second, writable connection to the core's database file. */
export function writeDatabase(file: string, write: (db: Database.Database) => void): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.transaction(() => write(db))();
  } finally {
    db.close();
  }
}

const NOW = () => new Date().toISOString();

/** A declaration against the bidder and each of its current consortium members: 'none' leaves the person clear. */
export function declare(t: TestCore, evaluationId: string, personId: string, bidderId: string, kind: 'none' | 'actual' = 'none'): void {
  writeDatabase(t.core.databaseFile, (db) => {
    const members = (
      db.prepare('SELECT id FROM consortium_members WHERE bidder_id = ? AND removed_at IS NULL').all(bidderId) as { id: string }[]
    ).map((m) => m.id);
    const insert = db.prepare(
      `INSERT INTO declarations (id, evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const memberId of [null, ...members]) {
      insert.run(
        randomUUID(),
        evaluationId,
        personId,
        bidderId,
        memberId,
        memberId === null ? kind : 'none',
        kind === 'none' ? '' : 'Former employee',
        NOW(),
      );
    }
  });
}

/** Stores one evidence document for a bidder, as the submissions feature would. */
export function addDocument(t: TestCore, bidderId: string, addedBy: string, fileName: string): string {
  const id = randomUUID();
  const sha256 = randomUUID().replace(/-/g, '').padEnd(64, '0');
  writeDatabase(t.core.databaseFile, (db) => {
    db.prepare('INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha256, 4, Buffer.from('test'));
    db.prepare(
      `INSERT INTO documents (id, bidder_id, sha256, file_name, media_type, size, received_at, added_by) VALUES (?, ?, ?, ?, 'application/pdf', 4, ?, ?)`,
    ).run(id, bidderId, sha256, fileName, NOW(), addedBy);
  });
  return id;
}

/**
 * Evaluators A and B are clear for both bidders; C has not declared yet; the moderator is clear for the
 * first bidder and recused from the second.
 */
export async function scoringScene(t: TestCore) {
  const s = await evaluationWithPanel(t);
  const evaluationId = s.evaluation.id;
  const withSecond = await t.call(s.lead.id, 'bidders.add', {
    evaluationId,
    name: 'Riverside Partnership',
    reference: 'BID-002',
    members: [{ organisation: 'Riverside Healthcare NHS Trust', role: 'lead' }],
  });
  const other = withSecond.bidders.find((b) => b.name === 'Riverside Partnership')!;
  await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId });
  const [a, b, c] = s.evaluators;
  for (const bidderId of [s.bidder.id, other.id]) {
    declare(t, evaluationId, a.id, bidderId);
    declare(t, evaluationId, b.id, bidderId);
  }
  declare(t, evaluationId, s.moderator.id, s.bidder.id);
  declare(t, evaluationId, s.moderator.id, other.id, 'actual');
  const document = addDocument(t, s.bidder.id, s.lead.id, 'governance-structure.pdf');
  const otherDocument = addDocument(t, other.id, s.lead.id, 'riverside-board-minutes.pdf');
  return { ...s, evaluationId, a, b, c, other, document, otherDocument };
}

export type Scene = Awaited<ReturnType<typeof scoringScene>>;

export const RATIONALE = 'The response evidences a partnership board with a signed terms of reference and clear escalation routes.';

export const save = (s: Scene, change: Partial<Params<'scoring.save'>> & { criterionId: string }): Params<'scoring.save'> => ({
  evaluationId: s.evaluationId,
  bidderId: s.bidder.id,
  score: 3,
  rationale: RATIONALE,
  evidenceRefs: [],
  indicatorMarks: {},
  ...change,
});

/** The twelve Merton criteria (4 capability areas × 3 stages). */
export const ALL_CRITERIA = [
  'governance-and-leadership',
  'transformation-change',
  'culture-change-continuous-improvement',
  'managing-resources',
].flatMap((area) => ['developing', 'maturing', 'thriving'].map((stage) => `${area}/${stage}`));

/** Saves a complete, sealable set of scores for one evaluator and bidder. */
export async function scoreEverything(t: TestCore, s: Scene, evaluatorId: string, bidderId = s.bidder.id, rationale = RATIONALE): Promise<void> {
  for (const criterionId of ALL_CRITERIA) await t.call(evaluatorId, 'scoring.save', { ...save(s, { criterionId, rationale }), bidderId });
}
