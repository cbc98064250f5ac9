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
      /** Whether anyone administers this installation yet (the first profile added here, not a demo one). */
      hasAdministrator: z.boolean(),
      /** Set when the data file failed its integrity check: the app then offers only to restore a backup. */
      recovery: z.object({ problem: z.string() }).nullable(),
    }),
    mutates: false,
  }),
  /** Creates a fully set-up demo evaluation (people, panel, bidders) so a newcomer sees real content. */
  'demo.create': method({
    params: NoParams,
    /** The demo's profiles and their passphrases, shown once: write them down to sign in as each. */
    result: z.object({
      evaluationId: Id,
      leadPersonId: Id,
      profiles: z.array(z.object({ personId: Id, name: z.string(), role: z.string(), passphrase: z.string() })),
    }),
    mutates: true,
  }),
};
