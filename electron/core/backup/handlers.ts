import type { backupMethods } from '../../../shared/api/backup';
import { signedIn } from '../authorisation';
import type { HandlersFor } from '../registry';
import { recordAudit } from '../audit/record';

export const backupHandlers: HandlersFor<typeof backupMethods> = {
  'backup.list': { auth: signedIn, run: (ctx) => ctx.store.backups() },
  'backup.create': { auth: signedIn, run: (ctx) => ctx.store.backupNow('manual') },
  'backup.restore': {
    auth: signedIn,
    async run(ctx, { name }) {
      const outcome = await ctx.store.restore(name);
      // Recorded in the restored data, so its audit trail says when and from what it came back.
      const db = ctx.store.db;
      db.transaction(() => recordAudit({ ...ctx, db }, 'backup.restore', outcome, null)).immediate();
      return outcome;
    },
  },
};
