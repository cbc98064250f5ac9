import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { STATUS_LABELS, type CriterionStatus, type CriterionView } from './criteria';

interface Props {
  evaluation: EvaluationDetail;
  criteria: CriterionView[];
  statuses: Record<string, CriterionStatus>;
  currentId: string;
  sealed: boolean;
  onGo(criterionId: string): void;
  onGoToSeal(): void;
}

/** Every criterion (capability area × stage) with where it stands; the last entry leads to sealing. */
export function CriterionNavigator({ evaluation, criteria, statuses, currentId, sealed, onGo, onGoToSeal }: Props) {
  return (
    <nav aria-labelledby="criteria-nav-heading" className="criterion-nav">
      <h3 id="criteria-nav-heading">Criteria</h3>
      {evaluation.framework.areas.map((area, i) => (
        <div key={area.id}>
          <p className="criterion-nav-area" id={`nav-area-${area.id}`}>
            {i + 1}. {area.title}
          </p>
          <ul aria-labelledby={`nav-area-${area.id}`}>
            {criteria
              .filter((c) => c.area.id === area.id)
              .map((c) => {
                const status = statuses[c.id] ?? 'not-started';
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="criterion-link"
                      aria-current={c.id === currentId ? 'step' : undefined}
                      onClick={() => onGo(c.id)}
                    >
                      <span>
                        <span className="visually-hidden">{area.title} — </span>
                        {c.stage.label}
                        <span className="visually-hidden">,</span>
                      </span>
                      <span className={`criterion-status status-${status}`}>{STATUS_LABELS[status]}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
      <p>
        <button type="button" className="link" onClick={onGoToSeal}>
          {sealed ? 'See the seal' : 'Review and seal'}
        </button>
      </p>
    </nav>
  );
}
