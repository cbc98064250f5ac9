import { useState } from 'react';
import type { BackupInfoDto } from '../../../../shared/api/backup';

const REASONS: Record<string, string> = {
  'at-open': 'When the app opened',
  'before-migration': 'Before an upgrade of the data',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore (the data as it was)',
  periodic: 'Automatic, while open',
  manual: 'Made by hand',
};

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** The backups with a confirmed restore for each: restoring replaces all data on this laptop. */
export function BackupList({ backups, busy, onRestore }: { backups: BackupInfoDto[]; busy: boolean; onRestore(name: string): void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (backups.length === 0) return <p>There are no backups yet.</p>;
  return (
    <table>
      <caption className="visually-hidden">Backups, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Why</th>
          <th scope="col">Size</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => {
          const when = new Date(b.takenAt).toLocaleString('en-GB');
          return (
            <tr key={b.name}>
              <th scope="row">{when}</th>
              <td>{REASONS[b.reason] ?? b.reason}</td>
              <td>{size(b.bytes)}</td>
              <td>
                {confirming === b.name ? (
                  <div className="button-group">
                    <button type="button" className="button-warning" disabled={busy} onClick={() => onRestore(b.name)}>
                      Yes, restore the backup of {when}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                ) : (
                  <button type="button" className="button-secondary" disabled={busy} onClick={() => setConfirming(b.name)}>
                    Restore…<span className="visually-hidden"> the backup of {when}</span>
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
