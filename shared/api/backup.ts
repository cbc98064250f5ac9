import { z } from 'zod';
import { NoParams, Timestamp } from './common';
import { method } from './define';

export const BackupInfoSchema = z.object({ name: z.string(), reason: z.string(), takenAt: Timestamp, bytes: z.number().int() });
export type BackupInfoDto = z.infer<typeof BackupInfoSchema>;

const BackupName = z.string().regex(/^backup-\d{8}T\d{9}Z-[a-z0-9-]+\.sqlite$/, 'not a backup name');

export const backupMethods = {
  /** Rolling backups of this installation's data, newest first. */
  'backup.list': method({ params: NoParams, result: z.array(BackupInfoSchema), mutates: false }),
  'backup.create': method({ params: NoParams, result: BackupInfoSchema, mutates: false, audited: true }),
  /** Restores a backup; the current data is backed up first (or set aside if damaged). */
  'backup.restore': method({
    params: z.object({ name: BackupName }).strict(),
    result: z.object({ restoredFrom: z.string(), savedCurrentAs: z.string() }),
    mutates: false,
  }),
};
