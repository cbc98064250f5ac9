import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { takeSnapshot } from '../../../electron/core/export/snapshot';
import { scoresCsv } from '../../../electron/core/export/scores-csv';
import { makeCore } from '../support/core';
import { GOV_DEV, moderationScene, scoreAll, scoreAndSeal } from '../moderation/scene';

describe('an export’s snapshot', () => {
  it('describes the moment the export began: scores sealed, and conflicts declared, while it is being written change nothing in it', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    const [eve, evan, eva] = s.evaluators;
    await scoreAndSeal(t, s, eve, s.bidder.id, { [GOV_DEV]: 1 });
    await scoreAndSeal(t, s, evan, s.bidder.id, { [GOV_DEV]: 2 });
    await scoreAll(t, s, eva, s.bidder.id, { [GOV_DEV]: 5 });
    // The export reads rationales a bidder at a time as it writes; this second connection plays that part.
    const db = openDatabase(t.core.databaseFile);
    try {
      const snapshot = takeSnapshot(db, s.evaluationId, s.lead.id, new Date().toISOString());
      await t.call(eva.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
      await t.call(evan.id, 'conflicts.declare', {
        evaluationId: s.evaluationId,
        bidderId: s.bidder.id,
        memberId: null,
        kind: 'perceived',
        description: 'A former colleague now leads this bid.',
      });

      const [bidder] = snapshot.board.filter((b) => b.bidderId === s.bidder.id);
      expect(bidder!.awaiting).toEqual([eva.name]);
      expect(bidder!.criteria.find((c) => c.criterionId === GOV_DEV)!.aggregated).toBeNull();
      const govDev = snapshot.individualScores(s.bidder.id).get(GOV_DEV)!;
      expect(govDev.map((x) => [x.evaluatorName, x.score, x.counted])).toEqual([
        [evan.name, 2, true], // his conflict came after the snapshot too
        [eve.name, 1, true],
      ]);
      expect(govDev[1]!.rationale).toContain(`${eve.name} on ${GOV_DEV}`);
      expect(scoresCsv(snapshot)).not.toContain(eva.name);

      const later = takeSnapshot(db, s.evaluationId, s.lead.id, new Date().toISOString());
      expect(later.individualScores(s.bidder.id).get(GOV_DEV)!.map((x) => [x.evaluatorName, x.counted])).toEqual([
        [eva.name, true],
        [evan.name, false],
        [eve.name, true],
      ]);
      expect(later.board.find((b) => b.bidderId === s.bidder.id)!.criteria.find((c) => c.criterionId === GOV_DEV)!.aggregated).toBe(3); // (1 + 5) / 2: Evan’s 2 no longer counts ((1 + 2 + 5) / 3 would be 2.67)
    } finally {
      db.close();
    }
  });
});
