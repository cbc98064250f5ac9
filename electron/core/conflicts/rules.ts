import type { Declaration } from '../../../shared/api/conflicts';
import { ApiError } from '../../../shared/api/errors';
import type { DeclarationKind } from '../../../shared/domain/conflicts';
import type { LatestDeclaration } from './repo';

/**
 * What a new declaration must satisfy. A conflict is described. Withdrawing a conflict (a conflict followed
 * by "no conflict") is explained too, and is refused once the procurement lead has upheld the recusal:
 * the person cannot undo the lead's decision by re-declaring; the lead can revisit it.
 */
export function assertMayDeclare(kind: DeclarationKind, description: string, previous: LatestDeclaration | undefined): void {
  if (kind !== 'none' && description === '') {
    throw new ApiError('RULE_VIOLATION', 'Describe the conflict of interest: the relationship, and when it started or ended.', [
      { path: 'description', message: 'Describe the conflict of interest' },
    ]);
  }
  if (kind !== 'none' || !previous || previous.kind === 'none') return;
  if (previous.decision === 'recused') {
    throw new ApiError('RULE_VIOLATION', 'The procurement lead has upheld your recusal on the conflict you declared here; ask them to review it.');
  }
  if (description === '') {
    throw new ApiError('RULE_VIOLATION', 'You declared a conflict here before: say why it no longer applies.', [
      { path: 'description', message: 'Say why the conflict no longer applies' },
    ]);
  }
}

/** A decision is recorded on someone else's current conflict declaration in this evaluation. */
export function assertMayDecide(declaration: Declaration | undefined, deciderId: string): asserts declaration is Declaration {
  if (!declaration) throw new ApiError('NOT_FOUND', 'There is no such declaration in this evaluation.');
  if (declaration.kind === 'none') throw new ApiError('RULE_VIOLATION', 'This declaration is of no conflict, so there is nothing to decide.');
  if (declaration.supersededBy) {
    throw new ApiError('RULE_VIOLATION', `${declaration.personName} has since made a new declaration here; record the decision on that one.`);
  }
  if (declaration.personId === deciderId) throw new ApiError('RULE_VIOLATION', 'You cannot decide on your own conflict of interest; ask another procurement lead.');
}
