import type { MyBidderDeclarations } from '../../../../shared/api/conflicts';
import type { DeclarationKind } from '../../../../shared/domain/conflicts';

export type Subject = MyBidderDeclarations['subjects'][number];

/** What the person has chosen for one subject on screen, before it is declared. */
export interface SubjectDraft {
  kind: DeclarationKind | null;
  description: string;
}

export interface SubjectProblem {
  kind?: string;
  description?: string;
}

export const subjectKey = (s: Pick<Subject, 'memberId'>) => s.memberId ?? 'bidder';

export const fromCurrent = (s: Subject): SubjectDraft => (s.current ? { kind: s.current.kind, description: s.current.description } : { kind: null, description: '' });

/** Withdrawing a conflict: the current declaration is a conflict and "No conflict" is chosen. */
export const isWithdrawal = (s: Subject, d: SubjectDraft) => d.kind === 'none' && !!s.current && s.current.kind !== 'none';

/** A description is asked for a conflict, and for withdrawing one. */
export const needsDescription = (s: Subject, d: SubjectDraft) => (d.kind !== null && d.kind !== 'none') || isWithdrawal(s, d);

/** Choosing a kind: a withdrawal starts with an empty explanation, since the old description no longer fits. */
export function withKind(s: Subject, d: SubjectDraft, kind: DeclarationKind): SubjectDraft {
  const next = { ...d, kind };
  return isWithdrawal(s, next) && d.description === s.current?.description ? { ...next, description: '' } : next;
}

/** Only what differs from the current declaration is declared again: re-declaring an unchanged conflict would drop the lead's decision on it. */
export const isChanged = (s: Subject, d: SubjectDraft) =>
  d.kind !== null && (!s.current || s.current.kind !== d.kind || s.current.description !== d.description.trim());

export function problemsOf(s: Subject, d: SubjectDraft): SubjectProblem | null {
  if (d.kind === null) return { kind: `Say whether you have a conflict of interest with ${s.subject}` };
  if (needsDescription(s, d) && d.description.trim() === '') {
    return { description: isWithdrawal(s, d) ? `Say why your conflict with ${s.subject} no longer applies` : `Describe your conflict with ${s.subject}` };
  }
  return null;
}
