import { useEffect } from 'react';
import { PANEL_ROLE_LABELS } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEvaluations } from '../../stores/evaluations';
import { useNavigation, type SetupTab } from '../../stores/navigation';
import { BiddersTab } from './BiddersTab';
import { DetailsTab } from './DetailsTab';
import { FrameworkTab } from './FrameworkTab';
import { PanelTab } from './PanelTab';
import { RulesTab } from './RulesTab';
import { ScaleTab } from './ScaleTab';
import { WeightsTab } from './WeightsTab';

const TABS: { id: SetupTab; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'framework', label: 'Capability framework' },
  { id: 'scale', label: 'Scoring scale' },
  { id: 'weights', label: 'Weighting' },
  { id: 'rules', label: 'Thresholds and rules' },
  { id: 'panel', label: 'Evaluation panel' },
  { id: 'bidders', label: 'Bidders' },
];

export function SetupScreen({ evaluationId, tab }: { evaluationId: string; tab: SetupTab }) {
  const { current, currentError, open } = useEvaluations();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    void open(evaluationId);
  }, [open, evaluationId]);

  if (currentError) return <LoadError message={currentError} />;
  if (!current || current.id !== evaluationId) return <p role="status">Loading the evaluation…</p>;
  const canEdit = current.myRole === 'lead';

  return (
    <>
      <PageHeading caption={`Evaluation set-up · ${current.reference || 'no reference'}`}>{current.name}</PageHeading>
      <p>
        Your role: <strong>{PANEL_ROLE_LABELS[current.myRole]}</strong>
        {!canEdit && ' — only the procurement lead can change the set-up.'}
      </p>
      <nav aria-label="Evaluation set-up">
        <ul className="tabs">
          {TABS.map((t) => (
            <li key={t.id}>
              <button type="button" className="tab" aria-current={t.id === tab ? 'page' : undefined} onClick={() => go({ name: 'evaluation', evaluationId, tab: t.id })}>
                {t.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="tab-panel" aria-labelledby="tab-heading">
        {tab === 'details' && <DetailsTab evaluation={current} canEdit={canEdit} />}
        {tab === 'framework' && <FrameworkTab framework={current.framework} />}
        {tab === 'scale' && <ScaleTab evaluation={current} canEdit={canEdit} />}
        {tab === 'weights' && <WeightsTab evaluation={current} canEdit={canEdit} />}
        {tab === 'rules' && <RulesTab evaluation={current} canEdit={canEdit} />}
        {tab === 'panel' && <PanelTab evaluation={current} canEdit={canEdit} />}
        {tab === 'bidders' && <BiddersTab evaluation={current} canEdit={canEdit} />}
      </section>
    </>
  );
}
