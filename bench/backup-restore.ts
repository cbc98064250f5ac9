/*
 * The installation administrator (the first profile: the procurement lead) takes a backup of the whole
 * store and restores it, through the running web host: backup.create (SQLite's online backup, documents
 * included), then backup.restore of that backup (the chosen file checked read-only — integrity, schema,
 * an audit chain that verifies — the current data backed up, the copy swapped in, the rollback recorded).
 * The restored data is the data as it was, so later measurements see the same evaluation; everyone is
 * signed out by a restore, and signs in again when they next act.
 */
import type { Host } from './host';
import type { Measured } from './reads';
import { figure, NO_TARGET, timeRuns } from './stats';
import type { Seeded } from './synthetic';

export async function measureBackupRestore(host: Host, seed: Seeded, runs: number): Promise<Measured> {
  const admin = seed.leadId;
  let taken = { name: '', bytes: 0 };
  const create = await host.operation('backup create', () =>
    timeRuns(runs, async () => {
      taken = await host.call(admin, 'backup.create', {});
    }),
  );
  let name = '';
  const restore = await host.operation('backup restore', () =>
    timeRuns(
      runs,
      async () => {
        await host.call(admin, 'backup.restore', { name });
        host.forgetSessions();
      },
      // Untimed: which backup (the newest taken above), and signing in again after the last restore.
      async () => (name = (await host.call(admin, 'backup.list', {})).find((b) => b.reason === 'manual')!.name),
    ),
  );
  return {
    measures: [
      figure('backup-create', 'take a backup (administrator)', create, NO_TARGET),
      figure('backup-restore', 'restore that backup (administrator)', restore, NO_TARGET),
    ],
    notes: [
      `backup: ${(taken.bytes / 1024 / 1024).toFixed(0)} MiB; a restore checks it, backs the current data up, swaps it in and records the rollback`,
    ],
  };
}
