export const DECLARATION_KINDS = ['none', 'actual', 'perceived', 'potential'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
export const DECLARATION_LABELS: Record<DeclarationKind, string> = {
  none: 'No conflict',
  actual: 'Actual conflict',
  perceived: 'Perceived conflict',
  potential: 'Potential conflict',
};

export const MITIGATION_DECISIONS = ['recused', 'permitted'] as const;
export type MitigationDecision = (typeof MITIGATION_DECISIONS)[number];
export const MITIGATION_LABELS: Record<MitigationDecision, string> = {
  recused: 'Recusal upheld: takes no part in this bidder',
  permitted: 'Permitted to take part, with the safeguards recorded',
};

/**
 * Where a person stands with one bidder: they must declare against the bidder and every current
 * consortium member before seeing any of its bid; any conflict recuses them unless the procurement
 * lead has recorded a decision permitting them to take part.
 */
export type BidderAccess = 'undeclared' | 'clear' | 'recused';

export interface CurrentDeclaration {
  memberId: string | null;
  kind: DeclarationKind;
  /** The latest mitigation decision on this declaration, if any. */
  decision: MitigationDecision | null;
}

/** A conflict declared (actual, perceived or potential) that no decision of the procurement lead permits. */
export const isUnpermittedConflict = (d: Pick<CurrentDeclaration, 'kind' | 'decision'>): boolean => d.kind !== 'none' && d.decision !== 'permitted';

/** Why a sealed score takes no part in the results, in exports: its evaluator is now recused from the bidder. */
export const EXCLUDED_BY_CONFLICT = 'Declared conflict of interest, not permitted';
/** …or its evaluator left the panel and the procurement lead decided their sealed scores do not count. */
export const EXCLUDED_BY_REMOVAL = 'Removed from the panel; the procurement lead decided the scores do not count';

export type ExclusionReason = 'conflict' | 'removed-from-panel';
export const EXCLUSION_WORDING: Record<ExclusionReason, string> = { conflict: EXCLUDED_BY_CONFLICT, 'removed-from-panel': EXCLUDED_BY_REMOVAL };

export function bidderAccess(activeMemberIds: readonly string[], current: readonly CurrentDeclaration[]): BidderAccess {
  if (current.some(isUnpermittedConflict)) return 'recused';
  const declared = new Set(current.map((d) => d.memberId));
  const complete = declared.has(null) && activeMemberIds.every((id) => declared.has(id));
  return complete ? 'clear' : 'undeclared';
}
