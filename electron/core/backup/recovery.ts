import { randomUUID } from 'node:crypto';
import { contract } from '../../../shared/api/contract';
import { ApiError, issuesFromZod, type Outcome } from '../../../shared/api/errors';
import { recordRollback } from '../audit/rollbacks';
import type { HandlerContext } from '../context';
import { SCHEMA_VERSION } from '../db/migrate';
import type { Db } from '../db/open';
import { passphraseMatches } from '../identity/passphrase-hash';
import { idleMinutes } from '../identity/repo';
import type { Sessions } from '../identity/sessions';
import type { ProgressRegistry } from '../jobs/progress';
import type { Store } from './store';
import { sameName } from '../../../shared/domain/names';

/**
 * While the data file is damaged the app can do only three things: say so, list the backups, and restore
 * one. Nobody can sign in against a damaged file, so a restore is signed for by the administrator of the
 * chosen backup, checked against that backup's own record. Everything else is refused.
 */
export async function recoveryDispatch(
  deps: { store: Store; sessions: Sessions; appVersion: string; clock(): Date; progress: ProgressRegistry },
  method: string,
  params: unknown,
): Promise<Outcome<unknown>> {
  const { store, appVersion } = deps;
  try {
    switch (method) {
      case 'app.info':
        return { ok: true, result: { version: appVersion, schemaVersion: SCHEMA_VERSION, firstRun: false, hasAdministrator: false, recovery: store.recovery } };
      case 'backup.list':
        return { ok: true, result: store.backups() };
      case 'backup.restore': {
        const parsed = contract['backup.restore'].params.safeParse(params ?? {});
        if (!parsed.success) throw new ApiError('INVALID_PARAMS', 'Invalid request.', issuesFromZod(parsed.error));
        const { name, administrator } = parsed.data;
        if (!administrator) throw new ApiError('UNAUTHENTICATED', 'The installation administrator signs for a restore: enter their name and passphrase.');
        const outcome = await store.restore(name, { authorise: (candidate) => administratorOf(candidate, administrator) });
        const db = store.db;
        deps.sessions.endAll();
        deps.sessions.setIdleMinutes(idleMinutes(db));
        const ctx = recoveryContext(deps, db);
        db.transaction(() => recordRollback(ctx, { backup: outcome.restoredFrom, byName: administrator.name, rolledBack: outcome.rolledBack, restored: outcome.restored })).immediate();
        return { ok: true, result: { restoredFrom: outcome.restoredFrom, savedCurrentAs: outcome.savedCurrentAs } };
      }
      default:
        throw new ApiError('RULE_VIOLATION', `The data file failed its integrity check (${store.recovery?.problem}). Restore the newest good backup to continue.`);
    }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    throw error;
  }
}

/** The backup's own administrator, with their passphrase as that backup records it. */
async function administratorOf(candidate: Db, claimed: { name: string; passphrase: string }): Promise<void> {
  const hasIdentity = candidate.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'administrators'").get();
  const refused = new ApiError('FORBIDDEN', 'Only the installation administrator of that backup can restore it, and the name or passphrase is not right.');
  if (!hasIdentity) return; // a backup from before profiles had passphrases: nobody administers it yet
  const row = candidate
    .prepare(
      `SELECT p.name, c.log_n AS logN, c.r, c.p, c.salt, c.hash FROM administrators a
       JOIN people p ON p.id = a.person_id
       JOIN credentials c ON c.person_id = a.person_id
       WHERE a.seq = (SELECT MAX(seq) FROM administrators)
       ORDER BY c.seq DESC LIMIT 1`,
    )
    .get() as { name: string; logN: number; r: number; p: number; salt: string; hash: string } | undefined;
  if (!row) return; // nobody administers that backup yet
  const claimedTheirs = sameName(row.name, claimed.name);
  const matches = await passphraseMatches(row, claimed.passphrase);
  if (!claimedTheirs || !matches) throw refused;
}

function recoveryContext(deps: { store: Store; sessions: Sessions; appVersion: string; clock(): Date; progress: ProgressRegistry }, db: Db): HandlerContext {
  return {
    db,
    actor: null,
    now: () => deps.clock().toISOString(),
    newId: () => randomUUID(),
    appVersion: deps.appVersion,
    progress: deps.progress,
    store: deps.store,
    session: null,
    sessions: deps.sessions,
    profileKdfLogN: 17,
  };
}
