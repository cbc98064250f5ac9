import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReturnPayload } from '../../../../electron/core/exchange/return-payload';
import { DECLARATION_KINDS } from '../../../../shared/domain/conflicts';
import { listCriteria } from '../../../../shared/domain/framework';
import { makeCore, queryRows, refusedAndUnchanged } from '../../support/core';
import { forgeReturn } from '../forge';
import { declareAll, exchangeScene, exportPack, exportReturn, importReturn, openPack, scoreOf, scoreOnLaptop, type ExchangeScene } from '../scene';

/*
 * Someone holding a pack's passphrase (and so its return key) can make a validly encrypted score return
 * saying anything. A return is accepted only where it says what the app itself would have accepted: every
 * crafted return below — scores for a bidder the evaluator has not declared against or is recused from,
 * another person speaking, times before the evaluator had a pack or in the future, a declaration that
 * replaces someone else's or one about another subject, a replay from a revoked pack — is refused whole
 * with a message saying why, and the lead's database is left exactly as it was, table for table.
 *
 * The scene: Eve has a first pack (now revoked), declared against Wandle only and sent that back, then
 * opened a second pack carrying Wandle's bid and scored and sealed Wandle there. Riverside she has not
 * declared against. Evan, Eva and the moderator have declared at the lead's installation.
 */

const RUNS = 25;
const MINUTE = 60_000;
const YEARS = 10 * 365 * 24 * 60;

type Edit = (p: ReturnPayload) => ReturnPayload;
interface Expected {
  code: string;
  message: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function craftedReturnScene() {
  const s = await exchangeScene();
  const { evaluationId } = s;
  const [eve, evan, eva] = s.evaluators;
  await declareAll(s.t, evaluationId, evan.id);
  await declareAll(s.t, evaluationId, eva.id, [s.other.id]);

  const laptop = makeCore();
  const first = await exportPack(s, eve.id);
  await openPack(laptop, first.file);
  const wandle = (await laptop.call(eve.id, 'conflicts.mine', { evaluationId })).find((b) => b.bidderId === s.bidder.id)!;
  for (const subject of wandle.subjects) {
    await laptop.call(eve.id, 'conflicts.declare', {
      evaluationId,
      bidderId: s.bidder.id,
      memberId: subject.memberId,
      kind: 'none',
      description: '',
    });
  }
  const declared = await exportReturn(laptop, evaluationId, eve.id);
  await importReturn(s, declared.file);
  const second = await exportPack(s, eve.id);
  await openPack(laptop, second.file);
  await scoreOnLaptop(laptop, {
    evaluationId,
    evaluatorId: eve.id,
    bidderId: s.bidder.id,
    framework: s.framework,
    score: (c) => scoreOf(0, 0, c),
    seal: true,
  });
  const genuine = await exportReturn(laptop, evaluationId, eve.id);
  await s.t.call(s.lead.id, 'exchange.revokePack', { evaluationId, packId: first.packId, reason: 'Replaced by the pack with the bids' });

  const packs = await s.t.call(s.lead.id, 'exchange.listPacks', { evaluationId });
  const firstPackAt = packs.find((p) => p.packId === first.packId)!.createdAt;
  const detail = await s.t.call(s.lead.id, 'evaluations.get', { evaluationId });
  const riversideMembers = detail.bidders.find((b) => b.id === s.other.id)!.members.map((m) => m.id);
  const db = s.t.core.databaseFile;
  const othersDeclarations = queryRows<{ id: string }>(db, 'SELECT id FROM declarations WHERE person_id <> ? ORDER BY seq', eve.id).map((r) => r.id);
  const evesDeclarations = queryRows<{ id: string; bidderId: string; memberId: string | null }>(
    db,
    'SELECT id, bidder_id AS bidderId, member_id AS memberId FROM declarations WHERE person_id = ? ORDER BY seq',
    eve.id,
  );
  const subjects = [
    { bidderId: s.bidder.id, memberId: null },
    ...s.bidder.members.map((m) => ({ bidderId: s.bidder.id, memberId: m.id })),
    { bidderId: s.other.id, memberId: null },
    ...riversideMembers.map((id) => ({ bidderId: s.other.id, memberId: id })),
  ];
  return { s, eve, laptop, declared, genuine, firstPackAt, riversideMembers, othersDeclarations, evesDeclarations, subjects };
}
type Scene = Awaited<ReturnType<typeof craftedReturnScene>>;

/** Imports the file at the lead's installation, expecting a refusal that changes nothing at all. */
async function refusedWhole(s: ExchangeScene, file: Buffer) {
  return refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', { evaluationId: s.evaluationId, file: { content: file } });
}

/** A property: every return crafted by `craft` from Eve's genuine (second) return is refused as expected. */
async function everyRefused<T>(
  scene: Scene,
  what: fc.Arbitrary<T>,
  craft: (value: T) => { edit: Edit; header?: { evaluatorId?: string }; expected: Expected },
) {
  await fc.assert(
    fc.asyncProperty(what, async (value) => {
      const { edit, header, expected } = craft(value);
      const error = await refusedWhole(scene.s, forgeReturn(scene.s, scene.genuine.file, edit, header));
      expect(error).toMatchObject({ code: expected.code, message: expect.stringMatching(expected.message) });
    }),
    { numRuns: RUNS },
  );
}

/** Some of the genuine return's Wandle scores, given to Riverside instead (times kept: the times are possible). */
const scoresFor = (p: ReturnPayload, bidderId: string, picks: number[]) =>
  picks.map((i) => ({ ...p.scoreEntries[i % p.scoreEntries.length]!, bidderId }));

const declaration = (
  id: string,
  subject: { bidderId: string; memberId: string | null },
  declaredAt: string,
  more: Partial<ReturnPayload['declarations'][number]> = {},
) => ({
  id,
  ...subject,
  kind: 'none' as const,
  description: '',
  declaredAt,
  supersedes: null,
  ...more,
});

const TIME_FIELDS = ['savedAt', 'sealedAt', 'declaredAt', 'exportedAt'] as const;
type TimeField = (typeof TIME_FIELDS)[number];

/** The return with one time of the chosen field replaced (declaredAt: on a new declaration, since recorded ones are held to the record). */
function withTime(scene: Scene, field: TimeField, index: number, value: string, id: string): Edit {
  return (p) => {
    if (field === 'exportedAt') p.exportedAt = value;
    if (field === 'savedAt') p.scoreEntries[index % p.scoreEntries.length]!.savedAt = value;
    if (field === 'sealedAt') p.seals[index % p.seals.length]!.sealedAt = value;
    if (field === 'declaredAt') p.declarations.push(declaration(id, { bidderId: scene.s.other.id, memberId: null }, value));
    return p;
  };
}

describe('a crafted score return', () => {
  it('is refused whole, saying why, and changes nothing', async () => {
    const scene = await craftedReturnScene();
    const { s, eve } = scene;
    const riverside = 'Riverside Partnership';
    const riversideSubjects = scene.subjects.filter((x) => x.bidderId === s.other.id);
    const picks = fc.uniqueArray(fc.nat({ max: 100 }), { minLength: 1, maxLength: 12 });

    // Scores for a bidder Eve has not declared against — with none, or only some, of its subjects declared in the return.
    await everyRefused(
      scene,
      fc.record({
        picks,
        seal: fc.boolean(),
        declared: fc.subarray(riversideSubjects, { maxLength: riversideSubjects.length - 1 }),
        ids: fc.uniqueArray(fc.uuid(), { minLength: 4, maxLength: 4 }),
      }),
      ({ picks, seal, declared, ids }) => ({
        edit: (p) => {
          p.declarations.push(...declared.map((subject, i) => declaration(ids[i]!, subject, p.exportedAt)));
          p.scoreEntries.push(...scoresFor(p, s.other.id, picks));
          if (seal) p.seals.push({ bidderId: s.other.id, sealedAt: p.exportedAt });
          return p;
        },
        expected: { code: 'RULE_VIOLATION', message: new RegExp(`has not declared against ${riverside}`) },
      }),
    );

    // Scores for a bidder the return itself declares a conflict with: declared in order, the evaluator is recused.
    await everyRefused(
      scene,
      fc.record({
        picks,
        seal: fc.boolean(),
        conflictOn: fc.nat({ max: riversideSubjects.length - 1 }),
        kind: fc.constantFrom(...DECLARATION_KINDS.filter((k) => k !== 'none')),
        ids: fc.uniqueArray(fc.uuid(), { minLength: 4, maxLength: 4 }),
      }),
      ({ picks, seal, conflictOn, kind, ids }) => ({
        edit: (p) => {
          p.declarations.push(
            ...riversideSubjects.map((subject, i) =>
              declaration(
                ids[i]!,
                subject,
                p.exportedAt,
                i === conflictOn ? { kind, description: 'My sister is a director of this organisation.' } : {},
              ),
            ),
          );
          p.scoreEntries.push(...scoresFor(p, s.other.id, picks));
          if (seal) p.seals.push({ bidderId: s.other.id, sealedAt: p.exportedAt });
          return p;
        },
        expected: { code: 'RULE_VIOLATION', message: new RegExp(`the evaluator is recused from ${riverside} here`) },
      }),
    );

    // Someone other than the pack's evaluator speaking in it: off the panel, another evaluator, the moderator, the lead.
    const others = [s.outsider, s.moderator, s.lead, s.evaluators[1], s.evaluators[2]];
    await everyRefused(scene, fc.record({ who: fc.constantFrom(...others), inHeader: fc.boolean() }), ({ who, inHeader }) => ({
      edit: (p) => ({ ...p, evaluatorId: who.id }),
      header: inHeader ? { evaluatorId: who.id } : {},
      expected: {
        code: 'FORBIDDEN',
        message: new RegExp(`^This score return speaks for ${who.name}, but the pack it comes from was issued to ${eve.name}`),
      },
    }));

    // A time before Eve had any pack (allowing five minutes of clock skew), up to ten years before.
    await everyRefused(
      scene,
      fc.record({ field: fc.constantFrom(...TIME_FIELDS), index: fc.nat(), minutes: fc.integer({ min: 6, max: YEARS }), id: fc.uuid() }),
      ({ field, index, minutes, id }) => {
        const value = new Date(Date.parse(scene.firstPackAt) - minutes * MINUTE).toISOString();
        return {
          edit: withTime(scene, field, index, value, id),
          expected: { code: 'RULE_VIOLATION', message: new RegExp(`has ${field} ${escape(value)}, before the`) },
        };
      },
    );

    // A time in the future, beyond the five minutes of clock skew.
    await everyRefused(
      scene,
      fc.record({ field: fc.constantFrom(...TIME_FIELDS), index: fc.nat(), minutes: fc.integer({ min: 7, max: YEARS }), id: fc.uuid() }),
      ({ field, index, minutes, id }) => {
        const value = new Date(Date.now() + minutes * MINUTE).toISOString();
        return {
          edit: withTime(scene, field, index, value, id),
          expected: { code: 'RULE_VIOLATION', message: new RegExp(`has ${field} ${escape(value)}, later than the time here`) },
        };
      },
    );

    // A time the app never writes: an offset instead of Z, or no milliseconds (text comparisons in the record rely on the form).
    await everyRefused(
      scene,
      fc.record({ field: fc.constantFrom(...TIME_FIELDS), index: fc.nat(), form: fc.constantFrom('+00:00', '+05:30', 'no-millis'), id: fc.uuid() }),
      ({ field, index, form, id }) => {
        const at = new Date(Date.now() - MINUTE);
        const value =
          form === 'no-millis'
            ? at.toISOString().replace(/\.\d{3}Z$/, 'Z')
            : form === '+00:00'
              ? at.toISOString().replace('Z', '+00:00')
              : new Date(at.getTime() + 330 * MINUTE).toISOString().replace('Z', '+05:30');
        return {
          edit: withTime(scene, field, index, value, id),
          expected: { code: 'RULE_VIOLATION', message: new RegExp(`has ${field} “${escape(value)}”, which is not a time as the app records one`) },
        };
      },
    );

    // A declaration that replaces (supersedes) someone else's — Evan's, Eva's, the moderator's — about any subject.
    await everyRefused(
      scene,
      fc.record({ subject: fc.constantFrom(...scene.subjects), target: fc.constantFrom(...scene.othersDeclarations), id: fc.uuid() }),
      ({ subject, target, id }) => ({
        edit: (p) => (p.declarations.push(declaration(id, subject, p.exportedAt, { supersedes: target })), p),
        expected: { code: 'RULE_VIOLATION', message: /replaces \(supersedes\) someone else’s declaration/ },
      }),
    );

    // A declaration that replaces one of Eve's own about a different bidder or consortium member.
    const mismatched = scene.subjects.flatMap((subject) =>
      scene.evesDeclarations
        .filter((d) => d.bidderId !== subject.bidderId || d.memberId !== subject.memberId)
        .map((d) => ({ subject, target: d.id })),
    );
    await everyRefused(scene, fc.record({ pair: fc.constantFrom(...mismatched), id: fc.uuid() }), ({ pair, id }) => ({
      edit: (p) => (p.declarations.push(declaration(id, pair.subject, p.exportedAt, { supersedes: pair.target })), p),
      expected: { code: 'RULE_VIOLATION', message: /replaces \(supersedes\) one about a different bidder or consortium member/ },
    }));

    // A replay of the return made from the revoked first pack, as sent or edited.
    const wandleScore = {
      bidderId: s.bidder.id,
      criterionId: listCriteria(s.framework)[0]!.id,
      score: 3,
      rationale: 'A sound answer.',
      evidenceRefs: [],
      indicatorMarks: {},
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('as sent', 'a score added', 'a newer time'), async (edit) => {
        const file =
          edit === 'as sent'
            ? scene.declared.file
            : forgeReturn(s, scene.declared.file, (p) => {
                if (edit === 'a newer time') p.exportedAt = new Date().toISOString();
                else p.scoreEntries.push({ ...wandleScore, savedAt: p.exportedAt });
                return p;
              });
        const error = await refusedWhole(s, file);
        expect(error).toMatchObject({
          code: 'RULE_VIOLATION',
          message: expect.stringMatching(
            /^This score return comes from Eve Evaluator’s pack that Lee Lead revoked on .* \(“Replaced by the pack with the bids”\)/,
          ),
        });
      }),
      { numRuns: RUNS },
    );

    // Controls: the genuine return, with a re-declaration replacing Eve's own about the same subject, is accepted…
    const own = scene.evesDeclarations.find((d) => d.bidderId === s.bidder.id && d.memberId === null)!;
    const redeclared = forgeReturn(s, scene.genuine.file, (p) => {
      p.declarations.push(declaration('redeclared-wandle-1', { bidderId: s.bidder.id, memberId: null }, p.exportedAt, { supersedes: own.id }));
      return p;
    });
    expect(await importReturn(s, redeclared)).toMatchObject({ outcome: 'imported', added: { declarations: 1, scoreEntries: 12, seals: 1 } });
    // …and so is a return that declares against Riverside and scores it in one file, as the app allows.
    await declareAll(scene.laptop, s.evaluationId, eve.id);
    await scoreOnLaptop(scene.laptop, {
      evaluationId: s.evaluationId,
      evaluatorId: eve.id,
      bidderId: s.other.id,
      framework: s.framework,
      score: () => 2,
      only: 3,
    });
    const both = await exportReturn(scene.laptop, s.evaluationId, eve.id);
    expect(await importReturn(s, both.file)).toMatchObject({
      outcome: 'imported',
      added: { declarations: riversideSubjects.length, scoreEntries: 3, seals: 0 },
    });
  }, 120_000);
});
