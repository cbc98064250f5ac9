import type { appMethods } from '../../../shared/api/app';
import { anyone } from '../authorisation';
import { SCHEMA_VERSION } from '../db/migrate';
import { createDemoEvaluation, prepareDemoPassphrases, type DemoPassphrases } from '../demo/create-demo';
import { administratorId } from '../identity/repo';
import type { HandlersFor } from '../registry';

export const appHandlers: HandlersFor<typeof appMethods> = {
  'app.info': {
    auth: anyone,
    run: (ctx) => ({
      version: ctx.appVersion,
      schemaVersion: SCHEMA_VERSION,
      firstRun: (ctx.db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n === 0,
      hasAdministrator: administratorId(ctx.db) !== null,
      recovery: null,
    }),
  },
  'demo.create': { auth: anyone, prepare: (ctx) => prepareDemoPassphrases(ctx), run: (ctx, _params, prepared) => createDemoEvaluation(ctx, prepared as DemoPassphrases) },
};
