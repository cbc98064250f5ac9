import type { PanelRole } from '../../../../shared/api/evaluations';
import type { EvaluationTab } from '../../stores/navigation';

export interface TabSpec {
  id: EvaluationTab;
  label: string;
  roles: readonly PanelRole[];
}

const everyone = ['lead', 'moderator', 'evaluator'] as const;

/** Which tabs each panel role sees. The core enforces the same rules; this only keeps screens relevant. */
export const EVALUATION_TABS: readonly TabSpec[] = [
  { id: 'details', label: 'Details', roles: everyone },
  { id: 'declarations', label: 'Conflicts of interest', roles: ['moderator', 'evaluator'] },
  { id: 'scoring', label: 'Score bids', roles: ['evaluator'] },
  { id: 'progress', label: 'Panel progress', roles: ['lead', 'moderator'] },
  { id: 'moderation', label: 'Moderation', roles: ['lead', 'moderator'] },
  { id: 'ranking', label: 'Ranked results', roles: ['lead', 'moderator'] },
  { id: 'export', label: 'Export', roles: ['lead'] },
  { id: 'audit', label: 'Audit trail', roles: ['lead'] },
  { id: 'packs', label: 'Packs and returns', roles: ['lead', 'moderator'] },
  { id: 'framework', label: 'Capability framework', roles: everyone },
  { id: 'scale', label: 'Scoring scale', roles: everyone },
  { id: 'weights', label: 'Weighting', roles: everyone },
  { id: 'rules', label: 'Thresholds and rules', roles: everyone },
  { id: 'panel', label: 'Evaluation panel', roles: ['lead', 'moderator'] },
  { id: 'bidders', label: 'Bidders', roles: ['lead', 'moderator'] },
  { id: 'bids', label: 'Bids and evidence', roles: ['lead'] },
  { id: 'register', label: 'Conflicts register', roles: ['lead'] },
];

export const tabsFor = (role: PanelRole) => EVALUATION_TABS.filter((t) => t.roles.includes(role));
