import { describe, expect, it } from 'vitest';
import { listCriteria } from '../../../shared/domain/framework';
import { makeCore, queryRows } from '../support/core';
import {
  declareAll,
  exchangeScene,
  exportPack,
  exportReturn,
  importReturn,
  openPack,
  rationaleOf,
  recordWithoutAudit,
  scoreOf,
  scoreOnLaptop,
} from './scene';

/*
 * The whole journey across two real installations: the procurement lead's pack, opened on the evaluator's
 * own laptop, scored and sealed there in the app's own workflow, and the score return imported back.
 */

describe('an evaluator pack and its score return, between two installations', () => {
  it('carries the evaluation out, the declarations back, then the bids out and the sealed scores back, exactly as entered', async () => {
    const s = await exchangeScene();
    const [eve] = s.evaluators;
    // Eve has not declared yet: the first pack carries no bid, and says whose declarations it waits for.
    const first = await exportPack(s, eve.id);
    expect(first.fileName).toBe('Community-services-2026-Eve-Evaluator.capack');
    expect(first).toMatchObject({ withheldBidders: [], awaitingDeclaration: ['Wandle Health Alliance', 'Riverside Partnership'], documents: 0 });
    expect(first.fingerprint).toMatch(/^[a-z]+( [a-z]+){5}$/);

    const laptop = makeCore();
    const opened = await openPack(laptop, first.file);
    expect(opened).toMatchObject({
      outcome: 'opened',
      evaluationId: s.evaluationId,
      evaluatorId: eve.id,
      evaluatorName: 'Eve Evaluator',
      bidders: 2,
      withheldBidders: 2,
      documents: 0,
      fingerprint: first.fingerprint,
      firstPack: true,
    });
    // The laptop's audit trail files the opening under the evaluation it brought, as any other change to it.
    expect(queryRows(laptop.core.databaseFile, "SELECT evaluation_id FROM audit_log WHERE method = 'exchange.openPack'")).toEqual([{ evaluation_id: s.evaluationId }]);
    const there = await laptop.call(eve.id, 'evaluations.get', { evaluationId: s.evaluationId });
    expect(there).toMatchObject({ myRole: 'evaluator', status: 'scoring', name: 'Community services 2026' });
    expect(there.bidders.map((b) => b.id)).toEqual(s.bidders.map((b) => b.id));
    expect(there.panel.map((m) => [m.name, m.role])).toEqual([['Eve Evaluator', 'evaluator']]);

    // Eve declares on her laptop; the declarations travel back, and the second pack carries both bids.
    await declareAll(laptop, s.evaluationId, eve.id);
    expect((await laptop.call(eve.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.other.id })).documents).toEqual([]);
    const declared = await exportReturn(laptop, s.evaluationId, eve.id);
    expect(await importReturn(s, declared.file)).toMatchObject({ outcome: 'imported', added: { declarations: 5, scoreEntries: 0, seals: 0 } });
    const pack = await exportPack(s, eve.id);
    expect(pack).toMatchObject({ withheldBidders: [], awaitingDeclaration: [], documents: 2, fingerprint: first.fingerprint });
    expect(await openPack(laptop, pack.file)).toMatchObject({ outcome: 'updated', withheldBidders: 0, documents: 2, firstPack: false });

    // The evaluator's own workflow, unchanged: read the bid, score, seal.
    const bid = await laptop.call(eve.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.other.id });
    expect(bid.documents.map((d) => d.fileName)).toEqual(['riverside-minutes.pdf']);
    const content = await laptop.call(eve.id, 'documents.content', { evaluationId: s.evaluationId, documentId: s.documents.riverside });
    expect(Buffer.from(content.content).toString()).toContain('Riverside board minutes');
    for (const [b, bidder] of s.bidders.entries()) {
      await scoreOnLaptop(laptop, {
        evaluationId: s.evaluationId,
        evaluatorId: eve.id,
        bidderId: bidder.id,
        framework: s.framework,
        score: (c) => scoreOf(0, b, c),
        seal: true,
      });
    }
    const ret = await exportReturn(laptop, s.evaluationId, eve.id);
    expect(ret.fileName).toMatch(/^Community-services-2026-Eve-Evaluator-\d{4}-\d\d-\d\d-\d\d-\d\d\.careturn$/);
    expect(ret.counts).toEqual({ declarations: 5, scoreEntries: 24, seals: 2 });

    const imported = await importReturn(s, ret.file);
    expect(imported).toMatchObject({
      outcome: 'imported',
      evaluatorId: eve.id,
      packId: pack.packId,
      added: { declarations: 0, scoreEntries: 24, seals: 2 },
    });

    const board = await s.t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId });
    const criteria = listCriteria(s.framework);
    for (const [b, bidder] of s.bidders.entries()) {
      const row = board.bidders.find((x) => x.bidderId === bidder.id)!;
      for (const [c, criterion] of criteria.entries()) {
        const sealed = row.criteria.find((x) => x.criterionId === criterion.id)!.sealed;
        expect(sealed.map((x) => [x.evaluatorId, x.score, x.rationale])).toEqual([[eve.id, scoreOf(0, b, c), rationaleOf(criterion.id)]]);
      }
    }
    const provenance = queryRows<{ provenance: string; n: number }>(
      s.t.core.databaseFile,
      'SELECT provenance, COUNT(*) AS n FROM score_entries GROUP BY provenance',
    );
    expect(provenance).toEqual([{ provenance: 'score-return', n: 24 }]);

    // The same file again changes nothing in the record (the audit trail notes the attempt).
    const before = recordWithoutAudit(s.t.core.databaseFile);
    expect(await importReturn(s, ret.file)).toMatchObject({ outcome: 'already-imported', added: { declarations: 0, scoreEntries: 0, seals: 0 } });
    expect(recordWithoutAudit(s.t.core.databaseFile)).toStrictEqual(before);
    const packs = await s.t.call(s.lead.id, 'exchange.listPacks', { evaluationId: s.evaluationId });
    expect(packs).toMatchObject([
      // Newest first.
      { packId: pack.packId, evaluatorName: 'Eve Evaluator', revoked: null, awaitingDeclaration: [], imports: [{ fileSha256: ret.sha256, added: { scoreEntries: 24 } }] },
      { packId: first.packId, evaluatorName: 'Eve Evaluator', revoked: null, awaitingDeclaration: ['Wandle Health Alliance', 'Riverside Partnership'], imports: [{ fileSha256: declared.sha256 }] },
    ]);
  });

  it('adds only what is new from a later return, and records each distinct file with its hash', async () => {
    const s = await exchangeScene();
    const [, evan] = s.evaluators;
    const laptop = makeCore();
    await openPack(laptop, (await exportPack(s, evan.id)).file);
    await declareAll(laptop, s.evaluationId, evan.id);
    const [wandle, riverside] = s.bidders;
    const p = { evaluationId: s.evaluationId, evaluatorId: evan.id, framework: s.framework };
    await scoreOnLaptop(laptop, { ...p, bidderId: wandle.id, score: () => 3, seal: true });
    await scoreOnLaptop(laptop, { ...p, bidderId: riverside.id, score: () => 2, only: 5 });
    const first = await exportReturn(laptop, s.evaluationId, evan.id);
    expect(await importReturn(s, first.file)).toMatchObject({ outcome: 'imported', added: { declarations: 5, scoreEntries: 17, seals: 1 } });

    // Unsealed scores are not on the moderation board yet.
    const early = await s.t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: riverside.id });
    expect(early.bidders[0]!.criteria.every((c) => c.sealed.length === 0)).toBe(true);

    await scoreOnLaptop(laptop, { ...p, bidderId: riverside.id, score: () => 4, round: 2, seal: true });
    const second = await exportReturn(laptop, s.evaluationId, evan.id);
    expect(await importReturn(s, second.file)).toMatchObject({ outcome: 'imported', added: { declarations: 0, scoreEntries: 12, seals: 1 } });
    expect(await importReturn(s, first.file)).toMatchObject({ outcome: 'already-imported' });
    const unchangedLaptop = await exportReturn(laptop, s.evaluationId, evan.id);
    expect(await importReturn(s, unchangedLaptop.file)).toMatchObject({
      outcome: 'nothing-new',
      added: { declarations: 0, scoreEntries: 0, seals: 0 },
    });

    const board = await s.t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: riverside.id });
    expect(board.bidders[0]!.criteria.map((c) => c.sealed.map((x) => x.score))).toEqual(listCriteria(s.framework).map(() => [4]));
    const imports = queryRows<{ file_sha256: string; score_entries_added: number }>(
      s.t.core.databaseFile,
      'SELECT file_sha256, score_entries_added FROM return_imports ORDER BY rowid',
    );
    expect(imports).toEqual([
      { file_sha256: first.sha256, score_entries_added: 17 },
      { file_sha256: second.sha256, score_entries_added: 12 },
      { file_sha256: unchangedLaptop.sha256, score_entries_added: 0 },
    ]);
    // The whole history travelled: 29 saves by Evan, in the order they were made.
    expect(queryRows(s.t.core.databaseFile, 'SELECT COUNT(*) AS n FROM score_entries WHERE evaluator_id = ?', evan.id)).toEqual([{ n: 29 }]);
  });

  it('merges three evaluators from three laptops into one board', async () => {
    const s = await exchangeScene();
    for (const [e, evaluator] of s.evaluators.entries()) {
      const laptop = makeCore();
      await openPack(laptop, (await exportPack(s, evaluator.id)).file);
      await declareAll(laptop, s.evaluationId, evaluator.id);
      for (const [b, bidder] of s.bidders.entries()) {
        await scoreOnLaptop(laptop, {
          evaluationId: s.evaluationId,
          evaluatorId: evaluator.id,
          bidderId: bidder.id,
          framework: s.framework,
          score: (c) => scoreOf(e, b, c),
          seal: true,
        });
      }
      await importReturn(s, (await exportReturn(laptop, s.evaluationId, evaluator.id)).file);
    }
    const board = await s.t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId });
    for (const [b, bidder] of s.bidders.entries()) {
      const row = board.bidders.find((x) => x.bidderId === bidder.id)!;
      expect(row.allSealed).toBe(true);
      row.criteria.forEach((criterion, c) => {
        const byEvaluator = Object.fromEntries(criterion.sealed.map((x) => [x.evaluatorId, x.score]));
        expect(byEvaluator).toEqual(Object.fromEntries(s.evaluators.map((ev, e) => [ev.id, scoreOf(e, b, c)])));
      });
    }
  });
});
