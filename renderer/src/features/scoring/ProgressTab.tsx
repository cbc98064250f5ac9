import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { TabHeading } from '../setup/TabHeading';

// SCAFFOLD: replaced by its feature before commit.
export function ProgressTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  return <TabHeading>Panel progress{evaluation.name ? '' : ''}</TabHeading>;
}
