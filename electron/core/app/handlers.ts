import type { appMethods } from '../../../shared/api/app';
import { anyone } from '../authorisation';
import { SCHEMA_VERSION } from '../db/migrate';
import { createDemoEvaluation } from '../demo/create-demo';
import type { HandlersFor } from '../registry';

export const appHandlers: HandlersFor<typeof appMethods> = {
  'app.info': {
    auth: anyone,
    run: (ctx) => ({
      version: ctx.appVersion,
      schemaVersion: SCHEMA_VERSION,
      firstRun: (ctx.db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n === 0,
      recovery: null,
    }),
  },
  'demo.create': { auth: anyone, run: (ctx) => createDemoEvaluation(ctx) },
};
