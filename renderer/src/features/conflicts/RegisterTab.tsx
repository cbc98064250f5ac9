import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { TabHeading } from '../setup/TabHeading';

// SCAFFOLD: replaced by its feature before commit.
export function RegisterTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  return <TabHeading>Conflicts register{evaluation.name ? '' : ''}</TabHeading>;
}
