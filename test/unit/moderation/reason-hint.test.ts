import { describe, expect, it } from 'vitest';
import { reasonNeeded } from '../../../renderer/src/features/moderation/wording';

const sealed = (...scores: number[]) =>
  scores.map((score, i) => ({ evaluatorId: `e${i}`, evaluatorName: `E${i}`, score, rationale: 'r', evidenceRefs: [], sealedAt: '2026-01-01T00:00:00.000Z', counted: true, excludedBecause: null }));
const version = { id: 'v1', score: 3, internalNote: 'n', bidderExplanation: 'b', reason: '', recordedAt: '2026-01-02T00:00:00.000Z', recordedBy: 'Mo' };

describe('the board’s reason hint mirrors the core’s rule', () => {
  it('needs no reason for a first consensus equal to an evaluator’s score, or before a score is chosen', () => {
    expect(reasonNeeded({ sealed: sealed(1, 3, 4), consensus: null }, 3)).toBeNull();
    expect(reasonNeeded({ sealed: sealed(1, 3, 4), consensus: null }, null)).toBeNull();
  });

  it('needs a reason for a score that differs from every evaluator’s, and for any change of a recorded consensus', () => {
    expect(reasonNeeded({ sealed: sealed(1, 3, 4), consensus: null }, 2)).toBe('Required because the score differs from every evaluator’s score.');
    expect(reasonNeeded({ sealed: sealed(1, 3, 4), consensus: version }, 4)).toBe('Required because it changes the consensus already recorded.');
    expect(reasonNeeded({ sealed: sealed(1, 3, 4), consensus: version }, 5)).toBe(
      'Required because it changes the consensus already recorded and the score differs from every evaluator’s score.',
    );
  });
});
