import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackPayload } from '../../../electron/core/exchange/pack-payload';
import { makeCore, queryRows, refusedAndUnchanged, TEST_PASSPHRASE, type TestCore } from '../support/core';
import { sealForgedPack, signingKeyOf, strangerKey, unsealPack } from './forge';
import { declareAll, exchangeScene, exportPack, exportReturn, handOver, importReturn, openPack, PASSPHRASE } from './scene';

/*
 * Someone holding a pack's passphrase can make a validly encrypted pack with any contents; someone holding
 * the lead's data folder can even sign it with the lead's key, and anyone can sign packs for an evaluation
 * of their own making. Whatever such a pack says, opening it writes only its own evaluation: every crafted
 * pack below is refused, and the database is left exactly as it was, table for table.
 */

type Target = 'lead' | 'laptop';
type Base = 'later pack' | 'new evaluation';
interface Stolen {
  bidders: string[];
  members: string[];
  documents: string[];
  declarations: string[];
  mitigations: string[];
  memberships: string[];
}
interface Craft {
  name: string;
  targets: Target[];
  base: Base;
  signer: 'lead' | 'stranger';
  edit(p: PackPayload, stolen: Stolen, pick: <T>(from: T[]) => T): PackPayload;
  refusal: RegExp;
}

/** Every occurrence of one id replaced by another, references included, so the pack stays consistent. */
const renamed = (p: PackPayload, from: string, to: string): PackPayload => JSON.parse(JSON.stringify(p).replaceAll(`"${from}"`, `"${to}"`));

/** The same pack as a brand-new evaluation: every id fresh, people kept (they are not part of an evaluation). */
function asNewEvaluation(p: PackPayload): PackPayload {
  const ids = [
    p.packId,
    p.evaluation.id,
    p.membership.id,
    ...p.bidders.flatMap((b) => [b.id, ...b.members.map((m) => m.id), ...(b.bid?.documents.map((d) => d.id) ?? [])]),
    ...p.declarations.flatMap((d) => [d.id, ...d.mitigations.map((m) => m.id)]),
  ];
  return ids.reduce((pack, id) => renamed(pack, id, randomUUID()), p);
}

const own = {
  bidder: (p: PackPayload) => p.bidders[0]!.id,
  member: (p: PackPayload) => p.bidders[0]!.members[0]!.id,
  document: (p: PackPayload) => p.bidders.flatMap((b) => b.bid?.documents ?? [])[0]!.id,
  declaration: (p: PackPayload) => p.declarations[0]!.id,
  mitigation: (p: PackPayload) => p.declarations.flatMap((d) => d.mitigations)[0]!.id,
};

const NEW_EVALUATION = { targets: ['lead', 'laptop'] as Target[], base: 'new evaluation' as const, signer: 'stranger' as const };
const LATER_PACK = { targets: ['laptop'] as Target[], base: 'later pack' as const, signer: 'lead' as const };

const CRAFTS: Craft[] = [
  { ...NEW_EVALUATION, name: 'a bidder id of another evaluation', edit: (p, s, pick) => renamed(p, own.bidder(p), pick(s.bidders)), refusal: /bidder .* another evaluation/ },
  { ...NEW_EVALUATION, name: 'a consortium member id of another evaluation', edit: (p, s, pick) => renamed(p, own.member(p), pick(s.members)), refusal: /member .* another bidder/ },
  { ...NEW_EVALUATION, name: 'a document id of another evaluation', edit: (p, s, pick) => renamed(p, own.document(p), pick(s.documents)), refusal: /document .* already held here/ },
  {
    ...NEW_EVALUATION,
    name: 'a declaration id of another evaluation (someone else’s, on the lead’s installation)',
    edit: (p, s, pick) => renamed(p, own.declaration(p), pick(s.declarations)),
    refusal: /declaration that is already recorded here differently, or for someone else/,
  },
  {
    ...NEW_EVALUATION,
    name: 'a decision id of another evaluation',
    edit: (p, s, pick) => renamed(p, own.mitigation(p), pick(s.mitigations)),
    refusal: /decision on a conflict that is recorded here against another declaration/,
  },
  { ...NEW_EVALUATION, name: 'a panel membership id of another evaluation', edit: (p, s, pick) => renamed(p, p.membership.id, pick(s.memberships)), refusal: /membership that belongs to someone else/ },
  {
    ...NEW_EVALUATION,
    name: 'a declaration that replaces one of another evaluation',
    edit: (p, s, pick) => ({ ...p, declarations: p.declarations.map((d, i) => (i === 0 ? { ...d, supersedes: pick(s.declarations) } : d)) }),
    refusal: /replaces a conflict declaration that is not the evaluator’s own earlier one/,
  },
  {
    ...NEW_EVALUATION,
    name: 'a declaration about a bidder of another evaluation',
    edit: (p, s, pick) => ({ ...p, declarations: p.declarations.map((d, i) => (i === 0 ? { ...d, bidderId: pick(s.bidders), memberId: null } : d)) }),
    refusal: /declaration about a bidder outside its evaluation/,
  },
  {
    ...LATER_PACK,
    name: 'the removal of a bidder’s lead organisation',
    edit: (p) => withMember(p, (m) => m.role === 'lead', (m) => ({ ...m, removed: { at: p.createdAt, by: p.createdBy, reason: 'Left the consortium' } })),
    refusal: /removes the lead organisation/,
  },
  {
    ...LATER_PACK,
    name: 'the lead organisation relabelled a partner, then removed',
    edit: (p) => withMember(p, (m) => m.role === 'lead', (m) => ({ ...m, role: 'partner', removed: { at: p.createdAt, by: p.createdBy, reason: 'Left' } })),
    refusal: /removes the lead organisation/,
  },
  {
    ...LATER_PACK,
    name: 'a declaration already recorded here, rewritten',
    edit: (p) => ({ ...p, declarations: p.declarations.map((d, i) => (i === 0 ? { ...d, kind: d.kind === 'none' ? 'actual' : 'none', description: 'Rewritten' } : d)) }),
    refusal: /declaration that is already recorded here differently/,
  },
  {
    ...LATER_PACK,
    name: 'a decision moved under another declaration',
    edit: (p) => {
      const decided = p.declarations.findIndex((d) => d.mitigations.length > 0);
      const other = p.declarations.findIndex((d) => d.mitigations.length === 0);
      return {
        ...p,
        declarations: p.declarations.map((d, i) =>
          i === decided ? { ...d, mitigations: [] } : i === other ? { ...d, mitigations: p.declarations[decided]!.mitigations } : d,
        ),
      };
    },
    refusal: /decision on a conflict that is recorded here against another declaration/,
  },
  {
    ...LATER_PACK,
    name: 'a decision by someone the pack does not name',
    edit: (p) => ({
      ...p,
      declarations: p.declarations.map((d, i) =>
        i === 0 ? { ...d, mitigations: [...d.mitigations, { id: randomUUID(), decision: 'permitted', reason: 'Fine', decidedAt: p.createdAt, decidedBy: randomUUID() }] } : d,
      ),
    }),
    refusal: /decision on a conflict by someone it does not name/,
  },
  {
    ...LATER_PACK,
    name: 'a new declaration replacing the evaluator’s own about another organisation',
    edit: (p) => {
      const [first, second] = p.declarations.filter((d) => d.supersedes === null && d.memberId !== null);
      const replacement = { ...first!, id: randomUUID(), kind: 'none' as const, description: '', declaredAt: p.createdAt, supersedes: second!.id, mitigations: [] };
      return { ...p, declarations: [...p.declarations, replacement] };
    },
    refusal: /replaces a conflict declaration that is not the evaluator’s own earlier one about the same organisation/,
  },
  {
    ...LATER_PACK,
    name: 'a declaration about an organisation of another bidder',
    edit: (p) => {
      const elsewhere = p.bidders.find((b) => b.id !== p.declarations[0]!.bidderId)!.members[0]!.id;
      return { ...p, declarations: p.declarations.map((d, i) => (i === 0 ? { ...d, id: randomUUID(), memberId: elsewhere, mitigations: [] } : d)) };
    },
    refusal: /organisation that is not part of that bidder/,
  },
  { ...LATER_PACK, signer: 'stranger', name: 'a genuine later pack re-signed by another installation', edit: (p) => p, refusal: /signed by a different installation/ },
  {
    targets: ['lead'],
    base: 'later pack',
    signer: 'lead',
    name: 'a permitted decision on another evaluator’s conflict, opened on the lead’s own installation',
    edit: (p) => ({ ...p, declarations: p.declarations.map((d, i) => (i === 0 ? { ...d, mitigations: [...d.mitigations, { id: randomUUID(), decision: 'permitted', reason: 'Fine', decidedAt: p.createdAt, decidedBy: p.createdBy }] } : d)) }),
    refusal: /was set up on this installation/,
  },
];

function withMember(p: PackPayload, which: (m: PackPayload['bidders'][number]['members'][number]) => boolean, change: (m: PackPayload['bidders'][number]['members'][number]) => PackPayload['bidders'][number]['members'][number]): PackPayload {
  return { ...p, bidders: p.bidders.map((b) => ({ ...b, members: b.members.map((m) => (which(m) ? change(m) : m)) })) };
}

function stolenFrom(t: TestCore, evaluationId: string): Stolen {
  const ids = (sql: string) => queryRows<{ id: string }>(t.core.databaseFile, sql, evaluationId).map((r) => r.id);
  return {
    bidders: ids('SELECT id FROM bidders WHERE evaluation_id = ?'),
    members: ids('SELECT m.id FROM consortium_members m JOIN bidders b ON b.id = m.bidder_id WHERE b.evaluation_id = ?'),
    documents: ids('SELECT d.id FROM documents d JOIN bidders b ON b.id = d.bidder_id WHERE b.evaluation_id = ?'),
    declarations: ids('SELECT id FROM declarations WHERE evaluation_id = ?'),
    mitigations: ids('SELECT m.id FROM mitigations m JOIN declarations d ON d.id = m.declaration_id WHERE d.evaluation_id = ?'),
    memberships: ids('SELECT id FROM panel_memberships WHERE evaluation_id = ?'),
  };
}

/**
 * The lead's installation with Evan's conflict decided there, and Eve's laptop holding the evaluation from
 * two packs, with her own conflict declared, decided (permitted) and carried back to her.
 */
async function scene() {
  const s = await exchangeScene();
  const [eve, evan] = s.evaluators;
  await declareAll(s.t, s.evaluationId, evan.id, [s.other.id]);
  const evans = (await s.t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId })).find((d) => d.personId === evan.id && d.kind !== 'none')!;
  await s.t.call(s.lead.id, 'conflicts.recordMitigation', { evaluationId: s.evaluationId, declarationId: evans.id, decision: 'recused', reason: 'A director until last year.' });

  const laptop = makeCore();
  await openPack(laptop, (await exportPack(s, eve.id)).file);
  await declareAll(laptop, s.evaluationId, eve.id, [s.other.id]);
  await importReturn(s, (await exportReturn(laptop, s.evaluationId, eve.id)).file);
  const eves = (await s.t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId })).find((d) => d.personId === eve.id && d.kind !== 'none')!;
  await s.t.call(s.lead.id, 'conflicts.recordMitigation', { evaluationId: s.evaluationId, declarationId: eves.id, decision: 'permitted', reason: 'A past role, declared and managed.' });
  await openPack(laptop, (await exportPack(s, eve.id)).file);

  const later = await unsealPack((await exportPack(s, eve.id)).file);
  return { s, eve, laptop, later, leadKey: signingKeyOf(s.t), stranger: strangerKey() };
}

/** The attempt to open a crafted pack, as the person who would open it there. */
async function setting() {
  const { s, eve, laptop, later, leadKey, stranger } = await scene();
  const installations = { lead: s.t, laptop };
  const stolen = { lead: stolenFrom(s.t, s.evaluationId), laptop: stolenFrom(laptop, s.evaluationId) };
  const newEvaluation = asNewEvaluation(later.payload);
  const mallory = { id: randomUUID(), name: 'Mallory Example', createdAt: later.payload.createdAt };

  /**
   * On the lead's installation a crafted pack for a new evaluation names a new evaluator, who would get a
   * profile (nobody signed in); one for the lead's own evaluation is opened by Eve, signed in there.
   */
  function attempt(target: Target, payload: PackPayload, signer: 'lead' | 'stranger') {
    const forOutsider = target === 'lead' && payload.evaluation.id !== s.evaluationId;
    const pack = forOutsider ? { ...payload, evaluatorId: mallory.id, people: [...payload.people, mallory] } : payload;
    const file = sealForgedPack(later, pack, signer === 'lead' ? leadKey : stranger);
    const params = { passphrase: PASSPHRASE, file: { content: file }, ...(forOutsider ? { profilePassphrase: TEST_PASSPHRASE } : {}) };
    return { params, actor: forOutsider ? null : eve.id };
  }
  return { s, eve, laptop, later, leadKey, installations, stolen, newEvaluation, attempt };
}

describe('a crafted evaluator pack', () => {
  it('is refused whole, whatever it brings, and leaves each installation’s database exactly as it was', async () => {
    const { later, installations, stolen, newEvaluation, attempt } = await setting();
    const cases = CRAFTS.flatMap((craft) => craft.targets.map((target) => ({ craft, target })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.nat(), async ({ craft, target }, seed) => {
        const pick = <T,>(from: T[]): T => from[seed % from.length]!;
        const base = craft.base === 'new evaluation' ? newEvaluation : later.payload;
        const { params, actor } = attempt(target, craft.edit(structuredClone(base), stolen[target], pick), craft.signer);
        const refusal = await refusedAndUnchanged(installations[target], actor, 'exchange.openPack', params);
        expect(refusal.message, `${craft.name}, on the ${target}’s installation`).toMatch(craft.refusal);
      }),
      { numRuns: 40, examples: CRAFTS.flatMap((craft) => craft.targets.map((target) => [{ craft, target }, 0] as [{ craft: Craft; target: Target }, number])) },
    );
  }, 300_000);

  it('is refused when a byte of a genuinely signed pack is changed anywhere, before the passphrase is tried', async () => {
    const { eve, laptop, later, leadKey } = await setting();
    const genuine = sealForgedPack(later, later.payload, leadKey);
    await fc.assert(
      fc.asyncProperty(fc.nat(genuine.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const altered = Buffer.from(genuine);
        altered[at] = altered[at]! ^ xor;
        const refusal = await refusedAndUnchanged(laptop, eve.id, 'exchange.openPack', { passphrase: PASSPHRASE, file: { content: altered } });
        expect(refusal.message).toMatch(/altered|corrupted|not an evaluator pack|different installation|not signed/);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('opens when it brings nothing of another evaluation: the control that shows the refusals above were for what they brought', async () => {
    const { laptop, later, leadKey, installations, newEvaluation, attempt } = await setting();
    expect(await openPack(laptop, sealForgedPack(later, later.payload, leadKey))).toMatchObject({ outcome: 'updated' });
    for (const target of ['lead', 'laptop'] as const) {
      const { params, actor } = attempt(target, structuredClone(newEvaluation), 'stranger');
      const opened = await installations[target].call(actor, 'exchange.openPack', params);
      expect(opened).toMatchObject({ outcome: 'opened', firstPack: true, evaluationId: newEvaluation.evaluation.id });
    }
  });
});

describe('a pack made before the evaluator has declared', () => {
  it('carries no bid at all: the passphrase alone opens nothing of any bidder’s response or documents', async () => {
    const s = await exchangeScene();
    const laptop = makeCore();
    const first = await exportPack(s, s.evaluators[0].id);
    const { payload } = await unsealPack(first.file);
    expect(payload.bidders.map((b) => b.bid)).toEqual([null, null]);
    expect(first.awaitingDeclaration).toEqual(['Wandle Health Alliance', 'Riverside Partnership']);
    const second = await handOver(s, laptop, s.evaluators[0].id, [s.other.id]);
    // Still none for Riverside, where Eve declared a conflict; Wandle's bid now travels.
    expect((await unsealPack(second.file)).payload.bidders.map((b) => b.bid !== null)).toEqual([true, false]);
  });
});
