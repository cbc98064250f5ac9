import { useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { criterionId } from '../../../../shared/domain/framework';
import { checkWeights, effectiveWeights, toHundredths, type Weights } from '../../../../shared/domain/weights';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { TabHeading } from './TabHeading';

const formatPercent = (n: number) => `${Number(n.toFixed(4))}%`;
const parsePercent = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function WeightsTab({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const change = useEvaluations((s) => s.change);
  const { framework } = evaluation;
  const [weights, setWeights] = useState<Weights>(evaluation.settings.weights);
  const [result, setResult] = useState<ActionResult | null>(null);
  const effective = effectiveWeights(weights);
  const areaTotal = weights.areas.reduce((sum, a) => sum + toHundredths(a.weight), 0) / 100;
  const stageLabel = (id: string) => framework.stages.find((s) => s.id === id)?.label ?? id;

  const setArea = (areaId: string, weight: number) =>
    setWeights({ areas: weights.areas.map((a) => (a.areaId === areaId ? { ...a, weight } : a)) });
  const setStage = (areaId: string, stageId: string, weight: number) =>
    setWeights({
      areas: weights.areas.map((a) => (a.areaId === areaId ? { ...a, stages: a.stages.map((s) => (s.stageId === stageId ? { ...s, weight } : s)) } : a)),
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = weights.areas.some((a) => Number.isNaN(a.weight) || a.stages.some((s) => Number.isNaN(s.weight)));
    if (invalid) {
      setResult({ ok: false, message: 'Every weight needs a number (use 0 for none).', issues: [] });
      return;
    }
    const issues = checkWeights(weights, framework);
    if (issues.length > 0) {
      setResult({ ok: false, message: 'The weighting was not saved: weights must total 100%.', issues });
      return;
    }
    setResult(await change('evaluations.saveWeights', { evaluationId: evaluation.id, weights }));
  };

  return (
    <>
      <TabHeading>Weighting</TabHeading>
      <p>
        Each capability area carries a share of the total, and within each area each stage carries a share of the area. A criterion’s effective weight is
        the area weight × the stage weight. Area weights must total 100%, and so must the stage weights within each area.
      </p>
      <ErrorSummary result={result} title="The weighting was not saved" />
      <form onSubmit={save}>
        <table className="weights-table">
          <caption className="visually-hidden">Weights per capability area and stage</caption>
          <thead>
            <tr>
              <th scope="col">Capability area</th>
              <th scope="col">Area weight (%)</th>
              {framework.stages.map((s) => (
                <th scope="col" key={s.id}>
                  {s.label} weight within area (%)
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {framework.areas.map((area) => {
              const w = weights.areas.find((a) => a.areaId === area.id);
              return (
                <tr key={area.id}>
                  <th scope="row">{area.title}</th>
                  <td>
                    <input
                      type="number"
                      className="input-narrow"
                      step="0.01"
                      min={0}
                      max={100}
                      aria-label={`Weight of ${area.title} (%)`}
                      value={Number.isNaN(w?.weight) ? '' : (w?.weight ?? 0)}
                      disabled={!canEdit}
                      onChange={(e) => setArea(area.id, parsePercent(e.target.value))}
                    />
                  </td>
                  {framework.stages.map((stage) => {
                    const sw = w?.stages.find((s) => s.stageId === stage.id);
                    return (
                      <td key={stage.id}>
                        <input
                          type="number"
                          className="input-narrow"
                          step="0.01"
                          min={0}
                          max={100}
                          aria-label={`${stage.label} weight within ${area.title} (%)`}
                          value={Number.isNaN(sw?.weight) ? '' : (sw?.weight ?? 0)}
                          disabled={!canEdit}
                          onChange={(e) => setStage(area.id, stage.id, parsePercent(e.target.value))}
                        />
                        <span className="effective">Effective: {formatPercent(effective.get(criterionId(area.id, stage.id)) ?? 0)}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total of area weights</th>
              <td colSpan={1 + framework.stages.length}>
                <span className={areaTotal === 100 ? 'total-ok' : 'total-bad'} data-testid="area-total">
                  {formatPercent(areaTotal)}
                  {areaTotal === 100 ? '' : ' — must total 100%'}
                </span>
              </td>
            </tr>
          </tfoot>
        </table>
        <h3>Effective weight of each criterion</h3>
        <ul className="criteria-weights">
          {framework.areas.flatMap((area) =>
            framework.stages.map((stage) => (
              <li key={criterionId(area.id, stage.id)}>
                {area.title} — {stageLabel(stage.id)}: <strong>{formatPercent(effective.get(criterionId(area.id, stage.id)) ?? 0)}</strong>
              </li>
            )),
          )}
        </ul>
        {canEdit && <button type="submit">Save weighting</button>}
        <SavedNotice message={result?.ok ? 'Weighting saved.' : null} />
      </form>
    </>
  );
}
