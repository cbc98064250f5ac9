import { z } from 'zod';
import { Id, NoParams } from './common';
import { method } from './define';

export const appMethods = {
  'app.info': method({
    params: NoParams,
    result: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      /** True until anyone has a profile: the first screen then offers the demo evaluation. */
      firstRun: z.boolean(),
      /** Set when the data file failed its integrity check: the app then offers only to restore a backup. */
      recovery: z.object({ problem: z.string() }).nullable(),
    }),
    mutates: false,
  }),
  /** Creates a fully set-up demo evaluation (people, panel, bidders) so a newcomer sees real content. */
  'demo.create': method({
    params: NoParams,
    result: z.object({ evaluationId: Id, leadPersonId: Id }),
    mutates: true,
  }),
};
