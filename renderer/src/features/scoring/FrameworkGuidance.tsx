import type { IndicatorMark } from '../../../../shared/domain/scoring';
import type { CriterionView } from './criteria';
import { IndicatorMarks } from './IndicatorMarks';

interface Props {
  criterion: CriterionView;
  marks: Record<string, IndicatorMark>;
  readOnly: boolean;
  onMark(marks: Record<string, IndicatorMark>): void;
}

/** The framework's guidance questions for the capability area and the stage's evidence indicators. */
export function FrameworkGuidance({ criterion, marks, readOnly, onMark }: Props) {
  const indicators = criterion.area.indicators[criterion.stage.id] ?? [];
  return (
    <section className="framework-guidance" aria-labelledby="guidance-heading">
      <h4 id="guidance-heading">Guidance questions</h4>
      {criterion.area.questions.length === 0 ? (
        <p className="hint">No guidance questions for this capability area.</p>
      ) : (
        <ol>
          {criterion.area.questions.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ol>
      )}
      <h4>Evidence indicators: {criterion.stage.label}</h4>
      {indicators.length === 0 ? (
        <p className="hint">No evidence indicators for this stage.</p>
      ) : (
        <>
          {!readOnly && <p className="hint">Optionally, mark how far the bid evidences each indicator.</p>}
          <IndicatorMarks items={indicators} marks={marks} readOnly={readOnly} onMark={onMark} />
        </>
      )}
    </section>
  );
}
