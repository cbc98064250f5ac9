import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AGGREGATION_RULES, usesConsensus } from '../../../shared/domain/rules';
import { makeCore } from '../support/core';
import { ALL_CRITERIA, consensus, moderationScene, scoreAll } from './scene';

/**
 * The board, the overview, the ranking and the scores CSV read one model of the scores that count; on
 * random evaluations (every rule, random scores, seals, consensus, confirmations and a late conflict)
 * they give the same number for every bidder and criterion.
 */
describe('one set of numbers', () => {
  it('the board, the overview, the ranking and the CSV agree on every score that counts, for random evaluations', async () => {
    let seed = 20261204;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let run = 0; run < 6; run++) {
      const rule = AGGREGATION_RULES[run % AGGREGATION_RULES.length]!;
      const t = makeCore();
      const s = await moderationScene(t, { rules: { aggregation: rule, spreadTolerance: 1 + Math.floor(random() * 3) } });
      const evaluationId = s.evaluationId;
      for (const bidder of [s.bidder, s.other]) {
        for (const evaluator of s.evaluators) {
          await scoreAll(t, s, evaluator, bidder.id, Object.fromEntries(ALL_CRITERIA.map((c) => [c, Math.floor(random() * 6)])));
          if (random() < 0.85) await t.call(evaluator.id, 'scoring.seal', { evaluationId, bidderId: bidder.id });
        }
        if (usesConsensus(rule)) {
          const board = (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: bidder.id })).bidders[0]!;
          if (!board.allSealed) continue;
          for (const c of board.criteria.filter((x) => (rule === 'consensus' || x.flagged) && random() < 0.7)) {
            await t.call(s.moderator.id, 'moderation.record', consensus(s, c.criterionId, pick([0, 1, 2, 3, 4, 5]), 'Discussed at the meeting.', bidder.id));
          }
          const after = (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: bidder.id })).bidders[0]!;
          if (after.criteria.some((c) => c.agreed !== null && c.consensus === null) && random() < 0.7) {
            await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: bidder.id, note: 'Reviewed.' });
          }
        }
      }
      if (random() < 0.5) {
        await t.call(s.evaluators[0].id, 'conflicts.declare', { evaluationId, bidderId: s.bidder.id, memberId: null, kind: 'actual', description: 'A late conflict.' });
      }

      const overview = await t.call(s.lead.id, 'moderation.board', { evaluationId, summary: true });
      const ranking = await t.call(s.lead.id, 'ranking.get', { evaluationId });
      const { csv } = await t.call(s.lead.id, 'export.scoresCsv', { evaluationId });
      const csvRows = (parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]).filter((r) => r.kind === 'score that counts');
      const { framework } = await t.call(s.lead.id, 'evaluations.get', { evaluationId });
      const label = (criterionId: string) => {
        const [areaId, stageId] = criterionId.split('/');
        return `${framework.areas.find((a) => a.id === areaId)!.title} / ${framework.stages.find((x) => x.id === stageId)!.label}`;
      };
      for (const bidder of [s.bidder, s.other]) {
        const own = (await t.call(s.lead.id, 'moderation.board', { evaluationId, bidderId: bidder.id })).bidders[0]!;
        const summary = overview.bidders.find((b) => b.bidderId === bidder.id)!;
        const row = [...ranking.ranked, ...ranking.failed].find((r) => r.bidderId === bidder.id);
        for (const c of own.criteria) {
          const where = `run ${run} (${rule}) ${bidder.name} ${c.criterionId}`;
          expect(summary.criteria.find((x) => x.criterionId === c.criterionId)!.aggregated, where).toBe(c.aggregated);
          if (row) expect(row.profile.find((p) => `${p.areaId}/${p.stageId}` === c.criterionId)!.score, where).toBe(c.aggregated);
          else expect(c.aggregated, where).toBeNull();
          expect(ranking.missing.some((m) => m.bidderId === bidder.id && m.criterionId === c.criterionId), where).toBe(c.aggregated === null);
          const inCsv = csvRows.find((r) => r.bidder === bidder.name && `${r.capability_area} / ${r.stage}` === label(c.criterionId));
          expect(inCsv ? Number(inCsv.score) : null, where).toBe(c.aggregated === null ? null : Number(String(c.aggregated)));
        }
      }
    }
  }, 240_000);
});
