import { useEffect, useState } from 'react';
import { ErrorSummary, LoadError } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import type { ActionResult } from '../../stores/attempt';
import { useBackups } from '../../stores/backups';
import { useSession } from '../../stores/session';
import { PassphraseField } from '../profiles/PassphraseField';
import { BackupList } from './BackupList';

/**
 * Shown instead of everything else when the data file failed its integrity check at open. Nobody can sign in
 * against a damaged file, so the administrator signs for the restore with the name and passphrase the chosen
 * backup knows them by.
 */
export function RecoveryScreen({ problem }: { problem: string }) {
  const { list, error, busy, load, restore } = useBackups();
  const reload = useSession((s) => s.load);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  useEffect(() => {
    void load();
  }, [load]);
  const newest = list[0];

  const onRestore = async (backup: string) => {
    const r = await restore(backup, { name, passphrase });
    setResult(r);
    if (r.ok) await reload();
  };

  return (
    <>
      <PageHeading>The data needs recovering</PageHeading>
      <div className="error-summary" role="alert">
        <p>The data file failed its integrity check when the app opened ({problem}). The app will not use it until a good backup is restored.</p>
      </div>
      <ErrorSummary result={result} />
      <LoadError message={error} />
      <p>The damaged file is kept aside, not deleted, so it can still be examined. Only the installation administrator can restore a backup.</p>
      <TextField label="Administrator’s name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
      <PassphraseField label="Administrator’s passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      {newest && (
        <p>
          <button type="button" disabled={busy} onClick={() => void onRestore(newest.name)}>
            Restore the newest backup ({new Date(newest.takenAt).toLocaleString('en-GB')})
          </button>
        </p>
      )}
      <h2>All backups</h2>
      <BackupList backups={list} busy={busy} onRestore={(backup) => void onRestore(backup)} />
    </>
  );
}
