import { useEffect, useState } from 'react';
import { ErrorSummary, LoadError, SavedNotice } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import type { ActionResult } from '../../stores/attempt';
import { useBackups } from '../../stores/backups';
import { useSession } from '../../stores/session';
import { BackupList } from './BackupList';

export function BackupsScreen() {
  const { list, error, busy, load, backUpNow, restore } = useBackups();
  const switchPerson = useSession((s) => s.switchPerson);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const onRestore = async (name: string) => {
    const r = await restore(name);
    setResult(r);
    // The restored record has its own people and passphrases: everyone signs in again.
    if (r.ok) await switchPerson(`Restored ${name}. The data as it was just before is kept as a backup too, and every evaluation's audit trail records the restore. Everyone signs in again.`);
  };

  return (
    <>
      <PageHeading>Backups</PageHeading>
      <p>
        The app keeps rolling copies of all data on this laptop: when it opens, before upgrades and imports, every 15 minutes while open, and whenever you
        ask. Restoring a backup replaces the current data; the current data is backed up first, so nothing is lost. The audit trail of every evaluation
        then records the rollback, and everyone signs in again.
      </p>
      <ErrorSummary result={result} />
      <LoadError message={error} />
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          const r = await backUpNow();
          setResult(r);
          setNotice(r.ok ? 'Backup made.' : null);
        }}
      >
        Back up now
      </button>
      <SavedNotice message={notice} />
      <BackupList backups={list} busy={busy} onRestore={(name) => void onRestore(name)} />
    </>
  );
}
