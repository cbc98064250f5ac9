/*
 * An evaluator at work on the big evaluation, through the running web host: saving one score (the
 * autosave round trip) and sealing one bidder.
 *
 * Every seeded evaluator has sealed every bidder, and sealed scores cannot change, so these run as a 13th
 * evaluator added to the panel after the read measurements (added earlier, they would have left every
 * bidder waiting for a seal, and no mean score would count). They declare clear for every subject (untimed),
 * then make 30 untimed warm-up saves (bidder 11), then the timed saves: every criterion of bidders 1–10 in
 * turn, each with a fresh ~500-character rationale, an evidence reference and indicator marks, so each save
 * adds a score entry and an audit entry (an unchanged autosave would be answered without writing). Then the
 * timed seals: bidders 1–10, each fully scored (one untimed warm-up seal of bidder 11 first).
 */
import { listCriteria } from '../shared/domain/framework';
import type { Host } from './host';
import type { Measured } from './reads';
import { figure, NO_TARGET, TARGETS, timeRuns, under } from './stats';
import { declareClear, rationaleFor, scoreFor, type Seeded } from './synthetic';

export async function measureWrites(host: Host, seed: Seeded, sealRuns: number): Promise<Measured> {
  const { evaluationId, leadId } = seed;
  // Their profile was made while seeding; they sign in (once, untimed) when they first act.
  const person = { id: seed.laterEvaluatorId };
  await host.call(leadId, 'panel.add', { evaluationId, personId: person.id, role: 'evaluator' });
  await declareClear(host.call, evaluationId, person.id);

  const criteria = listCriteria(seed.framework);
  const e = seed.evaluatorIds.length; // the 13th evaluator's index, for the score and rationale generators
  const save = (b: number, k: number, round: number) => {
    const bidder = seed.bidders[b]!;
    const criterion = criteria[k]!;
    const area = seed.framework.areas.find((a) => a.id === criterion.areaId)!;
    const indicators = area.indicators[criterion.stageId] ?? [];
    const score = scoreFor(e + round, b, k);
    return host.call(person.id, 'scoring.save', {
      evaluationId,
      bidderId: bidder.id,
      criterionId: criterion.id,
      score,
      rationale: rationaleFor(e + round, bidder.name, `${area.title} — criterion ${k + 1}`, score),
      evidenceRefs: [{ documentId: bidder.pdfId, location: `section ${1 + (k % 12)}` }],
      indicatorMarks: Object.fromEntries(indicators.slice(0, 2).map((ind, i) => [ind.id, i === 0 ? 'evidenced' : 'partly'] as const)),
    });
  };

  const warmBidder = sealRuns;
  const saves = await host.operation('save one score', async () => {
    for (let k = 0; k < criteria.length; k++) await save(warmBidder, k, 0);
    return timeRuns(sealRuns * criteria.length, (i) => save(Math.floor(i / criteria.length), i % criteria.length, 1));
  });
  const seals = await host.operation('seal one bidder', async () => {
    await host.call(person.id, 'scoring.seal', { evaluationId, bidderId: seed.bidders[warmBidder]!.id });
    return timeRuns(sealRuns, (b) => host.call(person.id, 'scoring.seal', { evaluationId, bidderId: seed.bidders[b]!.id }));
  });
  return {
    measures: [
      figure('save', 'save one score (web host round trip)', saves, under(saves.p95, TARGETS.saveP95Ms[seed.size.scale], 'ms', 'p95')),
      figure('seal', 'seal one bidder (web host round trip)', seals, NO_TARGET),
    ],
    notes: [`saves: ${saves.samples.length} timed (every criterion of ${sealRuns} bidders, ~${rationaleFor(e, seed.bidders[0]!.name, 'x', 3).length}-character rationales); seals: ${seals.samples.length}`],
  };
}
