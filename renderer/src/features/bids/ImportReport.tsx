import { useId } from 'react';
import type { ImportEntry, ImportOutcome } from './import-plan';

const GROUPS: { outcome: ImportOutcome; heading: string }[] = [
  { outcome: 'imported', heading: 'Imported' },
  { outcome: 'duplicate', heading: 'Duplicates (already stored for this bidder)' },
  { outcome: 'no-bidder', heading: 'Skipped: the folder matches no bidder' },
  { outcome: 'too-large', heading: 'Too large (over 25 MB)' },
  { outcome: 'unreadable', heading: 'Unreadable' },
  { outcome: 'refused', heading: 'Not stored' },
  { outcome: 'ignored', heading: 'Ignored system files' },
];

/** What happened to every chosen file, grouped by outcome; nothing is ever half-stored. */
export function ImportReport({ entries, title }: { entries: ImportEntry[]; title: string }) {
  const headingId = useId();
  return (
    <section className="import-report" aria-labelledby={headingId}>
      <h4 id={headingId}>Report of the {title.toLowerCase()}</h4>
      {entries.length === 0 && <p>No files were chosen.</p>}
      {GROUPS.map(({ outcome, heading }) => {
        const group = entries.filter((e) => e.outcome === outcome);
        if (group.length === 0) return null;
        return (
          <div key={outcome}>
            <h5>
              {heading}: {group.length}
            </h5>
            <ul>
              {group.map((e, i) => (
                <li key={i}>
                  {e.path}
                  {e.bidderName && outcome !== 'no-bidder' && <> — {e.bidderName}</>}
                  {e.detail && <> ({e.detail})</>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
