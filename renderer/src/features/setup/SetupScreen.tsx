import { useEffect } from 'react';
import { EVALUATION_STATUS_LABELS, PANEL_ROLE_LABELS } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEvaluations } from '../../stores/evaluations';
import { useNavigation, type EvaluationTab } from '../../stores/navigation';
import { BidsTab } from '../bids/BidsTab';
import { DeclarationsTab } from '../conflicts/DeclarationsTab';
import { RegisterTab } from '../conflicts/RegisterTab';
import { AuditTab } from '../audit/AuditTab';
import { ChainBanner } from '../audit/ChainBanner';
import { ExportTab } from '../export/ExportTab';
import { PacksTab } from '../exchange/PacksTab';
import { ReturnPanel } from '../exchange/ReturnPanel';
import { ModerationTab } from '../moderation/ModerationTab';
import { RankingTab } from '../ranking/RankingTab';
import { ProgressTab } from '../scoring/ProgressTab';
import { ScoringTab } from '../scoring/ScoringTab';
import { BiddersTab } from './BiddersTab';
import { DetailsTab } from './DetailsTab';
import { FrameworkTab } from './FrameworkTab';
import { PanelTab } from './PanelTab';
import { RulesTab } from './RulesTab';
import { ScaleTab } from './ScaleTab';
import { tabsFor } from './tabs';
import { WeightsTab } from './WeightsTab';

export function SetupScreen({ evaluationId, tab, bidderId }: { evaluationId: string; tab: EvaluationTab; bidderId?: string }) {
  const { current, currentError, open } = useEvaluations();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    void open(evaluationId);
  }, [open, evaluationId]);

  if (currentError) return <LoadError message={currentError} />;
  if (!current || current.id !== evaluationId) return <p role="status">Loading the evaluation…</p>;
  const canEdit = current.myRole === 'lead' && current.status === 'setup';
  const tabs = tabsFor(current.myRole);
  const shown = tabs.some((t) => t.id === tab) ? tab : 'details';

  return (
    <>
      <PageHeading caption={`Evaluation · ${current.reference || 'no reference'} · ${EVALUATION_STATUS_LABELS[current.status]}`}>{current.name}</PageHeading>
      {current.myRole !== 'evaluator' && <ChainBanner evaluationId={current.id} />}
      <p>
        Your role: <strong>{PANEL_ROLE_LABELS[current.myRole]}</strong>
        {current.status === 'setup' && current.myRole !== 'lead' && ' — only the procurement lead can change the set-up.'}
        {current.status !== 'setup' && ' — the evaluation is open for scoring, so its published set-up is fixed.'}
      </p>
      <ReturnPanel evaluation={current} />
      <nav aria-label="Evaluation">
        <ul className="tabs">
          {tabs.map((t) => (
            <li key={t.id}>
              <button type="button" className="tab" aria-current={t.id === shown ? 'page' : undefined} onClick={() => go({ name: 'evaluation', evaluationId, tab: t.id })}>
                {t.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="tab-panel" aria-labelledby="tab-heading">
        {shown === 'details' && <DetailsTab evaluation={current} canEdit={canEdit} />}
        {shown === 'framework' && <FrameworkTab framework={current.framework} />}
        {shown === 'scale' && <ScaleTab evaluation={current} canEdit={canEdit} />}
        {shown === 'weights' && <WeightsTab evaluation={current} canEdit={canEdit} />}
        {shown === 'rules' && <RulesTab evaluation={current} canEdit={canEdit} />}
        {/* The panel is not part of the published set-up: the lead may still add, remove or replace people once scoring opens. */}
        {shown === 'panel' && <PanelTab evaluation={current} canEdit={current.myRole === 'lead'} />}
        {shown === 'bidders' && <BiddersTab evaluation={current} canEdit={canEdit} />}
        {shown === 'bids' && <BidsTab evaluation={current} />}
        {shown === 'declarations' && <DeclarationsTab evaluation={current} />}
        {shown === 'register' && <RegisterTab evaluation={current} />}
        {shown === 'scoring' && <ScoringTab evaluation={current} bidderId={bidderId} />}
        {shown === 'progress' && <ProgressTab evaluation={current} />}
        {shown === 'moderation' && <ModerationTab evaluation={current} bidderId={bidderId} />}
        {shown === 'ranking' && <RankingTab evaluation={current} />}
        {shown === 'export' && <ExportTab evaluation={current} />}
        {shown === 'audit' && <AuditTab evaluation={current} />}
        {shown === 'packs' && <PacksTab evaluation={current} />}
      </section>
    </>
  );
}
