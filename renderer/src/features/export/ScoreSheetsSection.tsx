import { useId, useRef, useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { MAX_SCORE_SHEET_BYTES, SCORE_SHEET_MEDIA_TYPE } from '../../../../shared/api/score-sheets';
import { ErrorSummary } from '../../components/Feedback';
import { SelectField } from '../../components/fields';
import { useScoreSheets } from '../../stores/score-sheets';
import { ImportedScoreSheet } from './ImportedScoreSheet';

/** Excel score sheets for evaluators who score outside the app: generate one, import it when it comes back. */
export function ScoreSheetsSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const evaluators = evaluation.panel.filter((m) => m.role === 'evaluator');
  const [evaluatorId, setEvaluatorId] = useState(evaluators[0]?.personId ?? '');
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const state = useScoreSheets();
  const mine = state.evaluationId === evaluation.id;
  const chosen = evaluators.find((e) => e.personId === evaluatorId);

  const submitImport = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await state.importFile(evaluation.id, evaluatorId, fileInput.current?.files?.[0] ?? null);
    if (ok && fileInput.current) fileInput.current.value = '';
  };

  return (
    <section aria-labelledby="score-sheets-heading">
      <h3 id="score-sheets-heading">Score sheets for evaluators working in Excel</h3>
      <p>
        An evaluator who cannot use the app can score in Excel or LibreOffice Calc: generate their score sheet, send it to them, and import it when it
        comes back. It has a sheet for each bidder they have declared against without a conflict. The scores are recorded as theirs, marked as
        imported from Excel; a file is imported whole or not at all.
      </p>
      {evaluation.status !== 'scoring' ? (
        <p>Score sheets can be generated once the evaluation is open for scoring.</p>
      ) : evaluators.length === 0 ? (
        <p>There are no evaluators on the panel yet.</p>
      ) : (
        <>
          <SelectField label="Evaluator" value={evaluatorId} onChange={(e) => setEvaluatorId(e.target.value)}>
            {evaluators.map((e) => (
              <option key={e.personId} value={e.personId}>
                {e.name}
              </option>
            ))}
          </SelectField>
          {mine && <ErrorSummary result={state.generated} title="The score sheet was not generated" />}
          <p>
            <button type="button" disabled={state.busy !== null} onClick={() => void state.generate(evaluation.id, evaluatorId)}>
              Generate score sheet (Excel)
            </button>
          </p>
          <form onSubmit={(e) => void submitImport(e)}>
            <div className="field">
              <label htmlFor={fileId}>Completed score sheet for {chosen?.name ?? 'this evaluator'}</label>
              <p className="hint" id={`${fileId}-hint`}>
                The .xlsx file as it came back, at most {MAX_SCORE_SHEET_BYTES / 1024 / 1024} MB. Nothing is imported if any problem is found.
              </p>
              <input id={fileId} ref={fileInput} type="file" accept={`.xlsx,${SCORE_SHEET_MEDIA_TYPE}`} aria-describedby={`${fileId}-hint`} />
            </div>
            <button type="submit" className="button-secondary" disabled={state.busy !== null}>
              Import a completed score sheet
            </button>
          </form>
          {mine && <ErrorSummary result={state.importOutcome} title="The score sheet was not imported" />}
          {mine && state.imported && <ImportedScoreSheet outcome={state.imported} />}
        </>
      )}
      <p role="status" aria-live="polite" className="saved-notice">
        {state.busy === 'generating'
          ? 'Generating the score sheet…'
          : state.busy === 'importing'
            ? 'Checking and importing the score sheet…'
            : mine
              ? state.message
              : null}
      </p>
    </section>
  );
}
