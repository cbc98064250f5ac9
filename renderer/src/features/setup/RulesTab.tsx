import { useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { AGGREGATION_LABELS, AGGREGATION_RULES, describeThreshold, type Rules, type Threshold, type TieBreak } from '../../../../shared/domain/rules';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { TabHeading } from './TabHeading';

export function RulesTab({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  return (
    <>
      <TabHeading>Thresholds and rules</TabHeading>
      <ThresholdsSection evaluation={evaluation} canEdit={canEdit} />
      <RulesSection evaluation={evaluation} canEdit={canEdit} />
    </>
  );
}

function ThresholdsSection({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const change = useEvaluations((s) => s.change);
  const { framework, settings } = evaluation;
  const [minScore, setMinScore] = useState(String(settings.scale.points[2]?.value ?? settings.scale.points[0]?.value ?? 0));
  const [stageId, setStageId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const thresholds = settings.thresholds;

  const save = async (next: Threshold[]) => setResult(await change('evaluations.saveThresholds', { evaluationId: evaluation.id, thresholds: next }));
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const id = `t-${Date.now().toString(36)}`;
    await save([...thresholds, { id, minScore: Number(minScore), stageId: stageId || null, areaId: areaId || null }]);
  };

  return (
    <section aria-labelledby="thresholds-heading">
      <h3 id="thresholds-heading">Minimum thresholds</h3>
      <p>A bidder scoring below a published minimum fails the threshold; the ranking reports which rule failed.</p>
      <ErrorSummary result={result} />
      {thresholds.length === 0 ? (
        <p>No minimum thresholds are set.</p>
      ) : (
        <ul className="threshold-list">
          {thresholds.map((t) => (
            <li key={t.id}>
              {describeThreshold(t, framework)}
              {canEdit && (
                <button type="button" className="button-secondary" onClick={() => save(thresholds.filter((x) => x.id !== t.id))}>
                  Remove<span className="visually-hidden">: {describeThreshold(t, framework)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={add} className="inline-form">
          <SelectField label="Minimum score" value={minScore} onChange={(e) => setMinScore(e.target.value)}>
            {settings.scale.points.map((p) => (
              <option key={p.value} value={p.value}>
                {p.value} – {p.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stage" value={stageId} onChange={(e) => setStageId(e.target.value)}>
            <option value="">Any stage</option>
            {framework.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Capability area" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            <option value="">Any capability area</option>
            {framework.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </SelectField>
          <button type="submit">Add threshold</button>
        </form>
      )}
      <SavedNotice message={result?.ok ? 'Thresholds saved.' : null} />
    </section>
  );
}

function tieBreakValue(t: TieBreak): string {
  return t.kind === 'leave-as-tie' ? 'leave' : t.kind === 'stage-subtotal' ? `stage:${t.stageId}` : `area:${t.areaId}`;
}
function tieBreakFrom(value: string): TieBreak {
  if (value.startsWith('stage:')) return { kind: 'stage-subtotal', stageId: value.slice(6) };
  if (value.startsWith('area:')) return { kind: 'area-subtotal', areaId: value.slice(5) };
  return { kind: 'leave-as-tie' };
}

function RulesSection({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const change = useEvaluations((s) => s.change);
  const { framework } = evaluation;
  const [rules, setRules] = useState<Rules>(evaluation.settings.rules);
  const [tolerance, setTolerance] = useState(String(rules.spreadTolerance));
  const [minLength, setMinLength] = useState(String(rules.rationaleMinLength));
  const [result, setResult] = useState<ActionResult | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setResult(
      await change('evaluations.saveRules', {
        evaluationId: evaluation.id,
        rules: { ...rules, spreadTolerance: Number(tolerance), rationaleMinLength: Number(minLength) },
      }),
    );
  };

  return (
    <section aria-labelledby="rules-heading">
      <h3 id="rules-heading">Scoring rules</h3>
      <ErrorSummary result={result} />
      <form onSubmit={save}>
        <fieldset disabled={!canEdit}>
          <legend>Aggregation rule: how evaluators’ scores become one score per criterion</legend>
          {AGGREGATION_RULES.map((rule) => (
            <div className="radio" key={rule}>
              <input
                type="radio"
                id={`aggregation-${rule}`}
                name="aggregation"
                value={rule}
                checked={rules.aggregation === rule}
                onChange={() => setRules({ ...rules, aggregation: rule })}
              />
              <label htmlFor={`aggregation-${rule}`}>{AGGREGATION_LABELS[rule]}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          label="Tie-break rule"
          hint="Declared before scoring: how bidders with equal totals are ordered."
          value={tieBreakValue(rules.tieBreak)}
          disabled={!canEdit}
          onChange={(e) => setRules({ ...rules, tieBreak: tieBreakFrom(e.target.value) })}
        >
          <option value="leave">Leave equal totals as ties</option>
          {framework.stages.map((s) => (
            <option key={s.id} value={`stage:${s.id}`}>
              Higher {s.label} sub-total
            </option>
          ))}
          {framework.areas.map((a) => (
            <option key={a.id} value={`area:${a.id}`}>
              Higher “{a.title}” sub-total
            </option>
          ))}
        </SelectField>
        <TextField
          label="Spread tolerance (points)"
          hint="A criterion whose evaluators’ scores differ by this much or more is flagged for moderation."
          type="number"
          min={1}
          step={1}
          className="input-narrow"
          value={tolerance}
          disabled={!canEdit}
          onChange={(e) => setTolerance(e.target.value)}
        />
        <TextField
          label="Minimum rationale length (characters)"
          type="number"
          min={0}
          step={1}
          className="input-narrow"
          value={minLength}
          disabled={!canEdit}
          onChange={(e) => setMinLength(e.target.value)}
        />
        {canEdit && <button type="submit">Save scoring rules</button>}
        <SavedNotice message={result?.ok ? 'Scoring rules saved.' : null} />
      </form>
    </section>
  );
}
