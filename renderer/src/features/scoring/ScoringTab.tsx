import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { TabHeading } from '../setup/TabHeading';

// SCAFFOLD: replaced by its feature before commit.
export function ScoringTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  return <TabHeading>Score bids{evaluation.name ? '' : ''}</TabHeading>;
}
