import type { Db } from '../db/open';
import { NOT_WITHHELD } from '../scoring/repo';
import type { StoredHash } from './passphrase-hash';

/*
 * Who may sign in here and how: passphrase hashes, the administrator, sign-in attempts, resets and the idle
 * time. Every table is append-only; the latest row is the one in force.
 */

export const DEFAULT_IDLE_MINUTES = 15;

export interface Credential extends StoredHash {
  seq: number;
  kind: 'chosen' | 'reset';
  setAt: string;
}

export function currentCredential(db: Db, personId: string): Credential | null {
  const row = db
    .prepare('SELECT seq, log_n, r, p, salt, hash, kind, set_at FROM credentials WHERE person_id = ? ORDER BY seq DESC LIMIT 1')
    .get(personId) as { seq: number; log_n: number; r: number; p: number; salt: string; hash: string; kind: Credential['kind']; set_at: string } | undefined;
  return row ? { seq: row.seq, logN: row.log_n, r: row.r, p: row.p, salt: row.salt, hash: row.hash, kind: row.kind, setAt: row.set_at } : null;
}

export function insertCredential(db: Db, c: { personId: string; hash: StoredHash; kind: Credential['kind']; at: string; by: string | null }): void {
  db.prepare('INSERT INTO credentials (person_id, kdf, log_n, r, p, salt, hash, kind, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    c.personId,
    'scrypt',
    c.hash.logN,
    c.hash.r,
    c.hash.p,
    c.hash.salt,
    c.hash.hash,
    c.kind,
    c.at,
    c.by,
  );
}

export const peopleWithPassphrase = (db: Db): Set<string> =>
  new Set((db.prepare('SELECT DISTINCT person_id FROM credentials').all() as { person_id: string }[]).map((r) => r.person_id));

export const administratorId = (db: Db): string | null =>
  (db.prepare('SELECT person_id FROM administrators ORDER BY seq DESC LIMIT 1').get() as { person_id: string } | undefined)?.person_id ?? null;

export function appointAdministrator(db: Db, a: { personId: string; at: string; by: string | null; reason: string }): void {
  db.prepare('INSERT INTO administrators (person_id, since, granted_by, reason) VALUES (?, ?, ?, ?)').run(a.personId, a.at, a.by, a.reason);
}

export const demoPeople = (db: Db): Set<string> =>
  new Set((db.prepare('SELECT person_id FROM demo_people').all() as { person_id: string }[]).map((r) => r.person_id));

export const markDemoPerson = (db: Db, personId: string): void => {
  db.prepare('INSERT OR IGNORE INTO demo_people (person_id) VALUES (?)').run(personId);
};

export type AttemptOutcome = 'signed-in' | 'wrong-passphrase' | 'too-soon';

export function recordAttempt(db: Db, personId: string, at: string, outcome: AttemptOutcome): void {
  db.prepare('INSERT INTO sign_in_attempts (person_id, at, outcome) VALUES (?, ?, ?)').run(personId, at, outcome);
}

export interface SignInHistory {
  lastSignInAt: string | null;
  /** Wrong passphrases since the last successful sign-in or the last new passphrase, whichever is later. */
  failures: number;
  lastFailureAt: string | null;
}

export function signInHistory(db: Db, personId: string): SignInHistory {
  const last = db.prepare(`SELECT seq, at FROM sign_in_attempts WHERE person_id = ? AND outcome = 'signed-in' ORDER BY seq DESC LIMIT 1`).get(personId) as
    | { seq: number; at: string }
    | undefined;
  const credentialSetAt = currentCredential(db, personId)?.setAt ?? '';
  const failures = db
    .prepare(
      `SELECT COUNT(*) AS n, MAX(at) AS lastAt FROM sign_in_attempts
       WHERE person_id = ? AND outcome = 'wrong-passphrase' AND seq > ? AND at >= ?`,
    )
    .get(personId, last?.seq ?? 0, credentialSetAt) as { n: number; lastAt: string | null };
  return { lastSignInAt: last?.at ?? null, failures: failures.n, lastFailureAt: failures.lastAt };
}

export function idleMinutes(db: Db): number {
  const row = db.prepare('SELECT idle_minutes FROM installation_settings ORDER BY seq DESC LIMIT 1').get() as { idle_minutes: number } | undefined;
  return row?.idle_minutes ?? DEFAULT_IDLE_MINUTES;
}

export function saveIdleMinutes(db: Db, minutes: number, at: string, by: string): void {
  db.prepare('INSERT INTO installation_settings (idle_minutes, saved_at, saved_by) VALUES (?, ?, ?)').run(minutes, at, by);
}

/** The last score entry of a person's withheld by a passphrase reset (0 when there was none). */
export const withheldUpTo = (db: Db, personId: string): number =>
  (db.prepare('SELECT MAX(withheld_up_to) AS upTo FROM passphrase_resets WHERE person_id = ?').get(personId) as { upTo: number | null }).upTo ?? 0;

export function recordReset(db: Db, r: { personId: string; at: string; by: string }): number {
  const upTo = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM score_entries').get() as { seq: number }).seq;
  db.prepare('INSERT INTO passphrase_resets (person_id, reset_at, reset_by, withheld_up_to) VALUES (?, ?, ?, ?)').run(r.personId, r.at, r.by, upTo);
  return upTo;
}

/** The criteria for which a person has an unsealed draft that is not already withheld by an earlier reset. */
export function unsealedDrafts(db: Db, personId: string): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT DISTINCT bidder_id, criterion_id FROM score_entries s
         WHERE s.evaluator_id = ? AND ${NOT_WITHHELD}
           AND NOT EXISTS (SELECT 1 FROM seals x WHERE x.evaluator_id = s.evaluator_id AND x.bidder_id = s.bidder_id))`,
      )
      .get(personId) as { n: number }
  ).n;
}

export const evaluationsOf = (db: Db, personId: string): string[] =>
  (db.prepare('SELECT DISTINCT evaluation_id FROM panel_memberships WHERE person_id = ?').all(personId) as { evaluation_id: string }[]).map((r) => r.evaluation_id);
