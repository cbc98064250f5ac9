import { contract } from '../../../shared/api/contract';
import { ApiError, issuesFromZod, type Outcome } from '../../../shared/api/errors';
import { SCHEMA_VERSION } from '../db/migrate';
import type { Store } from './store';

/**
 * While the data file is damaged the app can do only three things: say so, list the backups, and restore
 * one. Everything else is refused with the same clear message.
 */
export async function recoveryDispatch(store: Store, appVersion: string, method: string, params: unknown): Promise<Outcome<unknown>> {
  try {
    switch (method) {
      case 'app.info':
        return { ok: true, result: { version: appVersion, schemaVersion: SCHEMA_VERSION, firstRun: false, recovery: store.recovery } };
      case 'backup.list':
        return { ok: true, result: store.backups() };
      case 'backup.restore': {
        const parsed = contract['backup.restore'].params.safeParse(params ?? {});
        if (!parsed.success) throw new ApiError('INVALID_PARAMS', 'Invalid request.', issuesFromZod(parsed.error));
        return { ok: true, result: await store.restore(parsed.data.name) };
      }
      default:
        throw new ApiError('RULE_VIOLATION', `The data file failed its integrity check (${store.recovery?.problem}). Restore the newest good backup to continue.`);
    }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
