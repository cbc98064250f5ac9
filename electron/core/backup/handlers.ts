import type { backupMethods } from '../../../shared/api/backup';
import { administratorOnly } from '../authorisation';
import { recordRollback } from '../audit/rollbacks';
import { idleMinutes } from '../identity/repo';
import type { HandlersFor } from '../registry';

export const backupHandlers: HandlersFor<typeof backupMethods> = {
  'backup.list': { auth: administratorOnly, run: (ctx) => ctx.store.backups() },
  'backup.create': { auth: administratorOnly, run: (ctx) => ctx.store.backupNow('manual') },
  'backup.restore': {
    auth: administratorOnly,
    async run(ctx, { name }) {
      const { restoredFrom, savedCurrentAs, rolledBack, restored } = await ctx.store.restore(name);
      // Whoever was signed in signs in again, against the restored record and its idle time.
      const db = ctx.store.db;
      ctx.sessions.endAll();
      ctx.sessions.setIdleMinutes(idleMinutes(db));
      db.transaction(() => recordRollback({ ...ctx, db }, { backup: restoredFrom, byName: ctx.actor!.name, rolledBack, restored })).immediate();
      return { restoredFrom, savedCurrentAs };
    },
  },
};
