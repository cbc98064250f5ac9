import { useState, type FormEvent } from 'react';
import { DEFAULT_SECURITY_MARKING } from '../../../../shared/api/export';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError, SavedNotice } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import { useExports } from '../../stores/exports';
import { TabHeading } from '../setup/TabHeading';
import { ScoreSheetsSection } from './ScoreSheetsSection';

export function ExportTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { running, progress, message, error, rankedWorkbook, scoresCsv, evidencePack } = useExports();
  const [marking, setMarking] = useState(DEFAULT_SECURITY_MARKING);
  const exportWorkbook = (event: FormEvent) => {
    event.preventDefault();
    void rankedWorkbook(evaluation.id, marking);
  };

  return (
    <>
      <TabHeading>Export</TabHeading>
      <LoadError message={error} />
      <section aria-labelledby="workbook-heading">
        <h3 id="workbook-heading">Ranked results for the decision report</h3>
        <p>
          One Excel workbook: the ranking (totals are live formulas over the breakdown, so a reader can check the arithmetic), the breakdown per criterion,
          the framework and scale as used, every sealed individual score, the moderation log and the conflicts of interest register.
        </p>
        <form onSubmit={exportWorkbook}>
          <TextField
            label="Security marking"
            hint="Printed in every sheet’s header and footer."
            value={marking}
            onChange={(e) => setMarking(e.target.value)}
            maxLength={80}
            required
          />
          <button type="submit" disabled={running !== null}>
            Export ranked results (Excel)
          </button>
        </form>
      </section>
      <section aria-labelledby="evidence-heading">
        <h3 id="evidence-heading">Evidence pack for auditors and any challenge</h3>
        <p>
          One zip with the ranked-results workbook, the audit trail, the framework, scale and rules as published, the conflicts register, every evidence
          document’s SHA-256 and a manifest, so anyone can check with standard tools that nothing has changed. Uses the security marking above.
        </p>
        <button type="button" className="button-secondary" disabled={running !== null} onClick={() => void evidencePack(evaluation.id, marking)}>
          Export evidence pack (zip)
        </button>
      </section>
      <section aria-labelledby="csv-heading">
        <h3 id="csv-heading">Scores for analysis elsewhere</h3>
        <p>Every sealed individual score and every consensus version, one row each, as CSV.</p>
        <button type="button" className="button-secondary" disabled={running !== null} onClick={() => void scoresCsv(evaluation.id)}>
          Export scores (CSV)
        </button>
      </section>
      <div role="status" aria-live="polite" className="export-status">
        {running && (
          <>
            <label htmlFor="export-progress">{running}: </label>
            <progress id="export-progress" max={progress?.total ?? undefined} value={progress?.done ?? undefined} />{' '}
            {progress ? `${Math.round((100 * progress.done) / Math.max(1, progress.total))}%` : 'Starting…'}
          </>
        )}
      </div>
      <SavedNotice message={message} />
      <ScoreSheetsSection evaluation={evaluation} />
    </>
  );
}
