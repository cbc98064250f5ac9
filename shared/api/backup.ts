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
  /**
   * The installation administrator only. The chosen file is checked first (read-only: not empty, intact, a
   * schema this version understands, an audit chain that verifies); then the current data is backed up and
   * swapped atomically, and every evaluation's audit trail records the rollback. While the data file is
   * damaged (recovery), the administrator of the chosen backup signs for it with `administrator`.
   */
  'backup.restore': method({
    params: z
      .object({
        name: BackupName,
        administrator: z.object({ name: z.string().trim().min(1, 'enter the administrator’s name').max(120), passphrase: z.string().min(1).max(1024) }).strict().optional(),
      })
      .strict(),
    result: z.object({ restoredFrom: z.string(), savedCurrentAs: z.string() }),
    mutates: false,
  }),
};
