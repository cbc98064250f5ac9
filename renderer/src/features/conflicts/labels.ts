import type { BidderAccess } from '../../../../shared/domain/conflicts';
import { DECLARATION_LABELS, MITIGATION_LABELS, type DeclarationKind, type MitigationDecision } from '../../../../shared/domain/conflicts';
import type { Declaration, SubjectRole } from '../../../../shared/api/conflicts';
import { MEMBER_ROLE_LABELS } from '../../../../shared/api/evaluations';

export const ACCESS_LABELS: Record<BidderAccess, string> = {
  undeclared: 'Not yet declared',
  clear: 'Clear — you may see this bid',
  recused: 'Recused — you will see nothing of this bid',
};

/** The radio choices, in the order a person reads them. */
export const KIND_CHOICES: { kind: DeclarationKind; label: string }[] = [
  { kind: 'none', label: 'No conflict' },
  { kind: 'actual', label: 'Actual' },
  { kind: 'perceived', label: 'Perceived' },
  { kind: 'potential', label: 'Potential' },
];

export const kindLabel = (kind: DeclarationKind) => DECLARATION_LABELS[kind];
export const decisionLabel = (decision: MitigationDecision) => MITIGATION_LABELS[decision];

export const roleLabel = (role: SubjectRole) => (role === 'bidder' ? 'the bidder' : MEMBER_ROLE_LABELS[role].toLowerCase());

/** "Raynes Park CIC (consortium partner of South London…)" or "South London… (the bidder)". */
export const subjectLabel = (d: Pick<Declaration, 'subject' | 'bidderName' | 'memberRole'>) =>
  d.memberRole === null ? `${d.subject} (the bidder)` : `${d.subject} (${roleLabel(d.memberRole)} of ${d.bidderName})`;

export const when = (timestamp: string) => new Date(timestamp).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
