import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { TabHeading } from '../setup/TabHeading';

// SCAFFOLD: replaced by its feature before commit.
export function BidsTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  return <TabHeading>Bids and evidence{evaluation.name ? '' : ''}</TabHeading>;
}
