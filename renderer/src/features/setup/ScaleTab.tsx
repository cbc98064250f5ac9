import { useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { ScalePoint } from '../../../../shared/domain/scale';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { TabHeading } from './TabHeading';

export function ScaleTab({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const change = useEvaluations((s) => s.change);
  const [points, setPoints] = useState<ScalePoint[]>(evaluation.settings.scale.points);
  const [result, setResult] = useState<ActionResult | null>(null);

  const update = (i: number, patch: Partial<ScalePoint>) => setPoints(points.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const addPoint = () => {
    const top = points.at(-1)?.value ?? -1;
    setPoints([...points, { value: top + 1, label: '', descriptor: '' }]);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setResult(await change('evaluations.saveScale', { evaluationId: evaluation.id, scale: { points } }));
  };

  return (
    <>
      <TabHeading>Scoring scale</TabHeading>
      <p>The published score points. Each point needs a label and a descriptor that tells evaluators and bidders what it means.</p>
      <ErrorSummary result={result} />
      <form onSubmit={save}>
        <table>
          <caption className="visually-hidden">Score points</caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">Label</th>
              <th scope="col">Descriptor</th>
              {canEdit && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td>
                  <input
                    type="number"
                    className="input-narrow"
                    aria-label={`Score value of point ${i + 1}`}
                    value={p.value}
                    min={0}
                    max={100}
                    step={1}
                    disabled={!canEdit}
                    onChange={(e) => update(i, { value: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <input aria-label={`Label for score ${p.value}`} value={p.label} disabled={!canEdit} onChange={(e) => update(i, { label: e.target.value })} />
                </td>
                <td>
                  <textarea
                    aria-label={`Descriptor for score ${p.value}`}
                    rows={2}
                    value={p.descriptor}
                    disabled={!canEdit}
                    onChange={(e) => update(i, { descriptor: e.target.value })}
                  />
                </td>
                {canEdit && (
                  <td>
                    <button type="button" className="button-secondary" disabled={points.length <= 2} onClick={() => setPoints(points.filter((_, j) => j !== i))}>
                      Remove score {p.value}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit && (
          <div className="button-group">
            <button type="button" className="button-secondary" onClick={addPoint} disabled={points.length >= 11}>
              Add a score point
            </button>
            <button type="submit">Save scoring scale</button>
          </div>
        )}
        <SavedNotice message={result?.ok ? 'Scoring scale saved.' : null} />
      </form>
    </>
  );
}
