import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { TabHeading } from '../setup/TabHeading';

// SCAFFOLD: replaced by its feature before commit.
export function DeclarationsTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  return <TabHeading>Conflicts of interest{evaluation.name ? '' : ''}</TabHeading>;
}
