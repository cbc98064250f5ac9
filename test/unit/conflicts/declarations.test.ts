import { describe, expect, it } from 'vitest';
import { auditRows, makeCore, queryRows, refusedAndUnchanged } from '../support/core';
import { conflictScene, declareAbout } from './scene';

/*
 * A declaration is never edited or deleted: a re-declaration is a new record that supersedes the earlier
 * one, and the register keeps them all. Bad declarations are refused and change nothing.
 */

describe('declaring', () => {
  it('lists every bidder with a row for the bidder itself and one per current member, in role order', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const mine = await t.call(s.eve.id, 'conflicts.mine', { evaluationId: s.evaluationId });
    expect(mine.map((b) => ({ bidder: b.bidderName, access: b.access, subjects: b.subjects.map((x) => [x.subject, x.role, x.current]) }))).toEqual([
      {
        bidder: 'Wandle Health Alliance',
        access: 'undeclared',
        subjects: [
          ['Wandle Health Alliance', 'bidder', null],
          ['Wandle Valley NHS Trust', 'lead', null],
          ['Mitcham Carers Network', 'partner', null],
        ],
      },
      {
        bidder: 'Riverside Care Partnership',
        access: 'undeclared',
        subjects: [
          ['Riverside Care Partnership', 'bidder', null],
          ['Riverside Healthcare NHS Foundation Trust', 'lead', null],
          ['Raynes Park Community Interest Company', 'partner', null],
          ['Beddington Digital Health Ltd', 'subcontractor', null],
        ],
      },
    ]);
  });

  it('a description is required for a conflict, and nothing is recorded without one', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    for (const description of ['', '   ']) {
      const error = await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bPartner.id, kind: 'actual', description });
      expect(error).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'description', message: 'Describe the conflict of interest' }] });
    }
    const mine = await t.call(s.eve.id, 'conflicts.declare', { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bPartner.id, kind: 'actual', description: '  I am a trustee.  ' });
    expect(mine[1]!.subjects[2]!.current).toMatchObject({ kind: 'actual', description: 'I am a trustee.', personName: 'Eve Evaluator' });
  });

  it('an unknown or removed member, or another evaluation’s bidder, is refused and nothing changes', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const declare = (bidderId: string, memberId: string | null) => ({ evaluationId: s.evaluationId, bidderId, memberId, kind: 'none', description: '' });
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', declare(s.b.id, 'no-such-member-0001'))).toMatchObject({ code: 'NOT_FOUND' });
    // A real member, but of the other bidder.
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', declare(s.a.id, s.bPartner.id))).toMatchObject({ code: 'NOT_FOUND' });

    await t.call(s.lead.id, 'bidders.removeMember', { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bSubcontractor.id, reason: 'Replaced' });
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', declare(s.b.id, s.bSubcontractor.id))).toEqual({
      code: 'RULE_VIOLATION',
      message: 'Beddington Digital Health Ltd has been removed from this bid, so there is nothing to declare about it.',
    });

    const other = await t.call(s.lead.id, 'evaluations.create', { name: 'Other', reference: '', frameworkId: s.frameworkId });
    const otherBidder = (
      await t.call(s.lead.id, 'bidders.add', { evaluationId: other.id, name: 'Elsewhere Ltd', reference: '', members: [{ organisation: 'Elsewhere Ltd', role: 'lead' }] })
    ).bidders[0]!;
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', declare(otherBidder.id, null))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('invalid params change nothing', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const valid = { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: null, kind: 'none', description: '' };
    for (const bad of [
      { ...valid, kind: 'maybe' },
      { ...valid, memberId: undefined },
      { ...valid, description: 'x'.repeat(2001) },
      { ...valid, personId: s.evan.id },
      { ...valid, bidderId: '../etc' },
    ]) {
      expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', bad)).toMatchObject({ code: 'INVALID_PARAMS' });
    }
  });

  it('only moderators and evaluators declare; the lead, outsiders and nobody are refused', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const params = { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: null, kind: 'none' as const, description: '' };
    expect(await refusedAndUnchanged(t, s.lead.id, 'conflicts.declare', params)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(t, s.outsider.id, 'conflicts.declare', params)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(t, null, 'conflicts.declare', params)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await t.fail(s.lead.id, 'conflicts.mine', { evaluationId: s.evaluationId })).toMatchObject({ code: 'FORBIDDEN' });
    await t.call(s.moderator.id, 'conflicts.declare', params);
  });

  it('every declaration appends exactly one audit row, naming who declared what', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const before = auditRows(t).length;
    await declareAbout(t, s.eve.id, s.evaluationId, s.b, { [s.bPartner.id]: { kind: 'perceived', description: 'Former employer.' } });
    const added = auditRows(t).slice(before);
    expect(added).toHaveLength(4);
    expect(added.every((r) => r.method === 'conflicts.declare' && r.actor_id === s.eve.id && r.evaluation_id === s.evaluationId)).toBe(true);
    expect(JSON.parse(added[2]!.detail)).toMatchObject({ memberId: s.bPartner.id, kind: 'perceived', description: 'Former employer.' });
  });
});

describe('re-declaring', () => {
  it('a re-declaration supersedes but never changes the earlier one; the register shows both', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const subject = { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bPartner.id };
    await t.call(s.eve.id, 'conflicts.declare', { ...subject, kind: 'none', description: '' });
    const firstRow = queryRows(t.core.databaseFile, 'SELECT * FROM declarations');
    const mine = await t.call(s.eve.id, 'conflicts.declare', { ...subject, kind: 'potential', description: 'I have applied for a job there.' });

    const rows = queryRows<{ id: string; kind: string; supersedes: string | null }>(t.core.databaseFile, 'SELECT * FROM declarations ORDER BY seq');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toStrictEqual(firstRow[0]); // untouched, column for column
    expect(rows[1]).toMatchObject({ kind: 'potential', supersedes: rows[0]!.id });

    const partner = mine[1]!.subjects.find((x) => x.memberId === s.bPartner.id)!;
    expect(partner.current).toMatchObject({ id: rows[1]!.id, kind: 'potential', supersededBy: null });
    expect(mine[1]!.access).toBe('recused');
    expect(mine[1]!.history.map((d) => [d.kind, d.supersededBy])).toEqual([
      ['potential', null],
      ['none', rows[1]!.id],
    ]);

    const register = await t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId });
    expect(register.map((d) => ({ person: d.personName, bidder: d.bidderName, subject: d.subject, role: d.memberRole, kind: d.kind, supersededBy: d.supersededBy }))).toEqual([
      { person: 'Eve Evaluator', bidder: 'Riverside Care Partnership', subject: 'Raynes Park Community Interest Company', role: 'partner', kind: 'none', supersededBy: rows[1]!.id },
      { person: 'Eve Evaluator', bidder: 'Riverside Care Partnership', subject: 'Raynes Park Community Interest Company', role: 'partner', kind: 'potential', supersededBy: null },
    ]);
  });

  it('each re-declaration supersedes the one just before it, so the history is one unbroken chain', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const subject = { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: null };
    await t.call(s.eve.id, 'conflicts.declare', { ...subject, kind: 'none', description: '' });
    await t.call(s.eve.id, 'conflicts.declare', { ...subject, kind: 'potential', description: 'Job interview next month.' });
    await t.call(s.eve.id, 'conflicts.declare', { ...subject, kind: 'actual', description: 'I accepted the job.' });
    const rows = queryRows<{ id: string; supersedes: string | null }>(t.core.databaseFile, 'SELECT id, supersedes FROM declarations ORDER BY seq');
    expect(rows.map((r) => r.supersedes)).toEqual([null, rows[0]!.id, rows[1]!.id]);
    const register = await t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId });
    expect(register.map((d) => [d.kind, d.supersededBy])).toEqual([
      ['none', rows[1]!.id],
      ['potential', rows[2]!.id],
      ['actual', null],
    ]);
  });

  it('the latest declaration counts, and only for the same person and subject', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    await declareAbout(t, s.eve.id, s.evaluationId, s.b, { [s.bPartner.id]: { kind: 'actual', description: 'Shareholder.' } });
    await declareAbout(t, s.evan.id, s.evaluationId, s.b);
    const mine = await t.call(s.eve.id, 'conflicts.declare', {
      evaluationId: s.evaluationId,
      bidderId: s.b.id,
      memberId: s.bPartner.id,
      kind: 'none',
      description: 'I sold the shares in January; the declaration was a mistake about the date.',
    });
    expect(mine[1]!.access).toBe('clear');
    const rows = queryRows<{ person_id: string; supersedes: string | null }>(t.core.databaseFile, 'SELECT person_id, supersedes FROM declarations WHERE supersedes IS NOT NULL');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.person_id).toBe(s.eve.id);
  });

  it('withdrawing a conflict needs a reason; after the lead upheld the recusal, it is refused', async () => {
    const t = makeCore();
    const s = await conflictScene(t);
    const subject = { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bPartner.id };
    await declareAbout(t, s.eve.id, s.evaluationId, s.b, { [s.bPartner.id]: { kind: 'actual', description: 'Trustee.' } });
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', { ...subject, kind: 'none', description: '' })).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'You declared a conflict here before: say why it no longer applies.',
    });
    const conflict = (await t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId })).find((d) => d.kind === 'actual')!;
    await t.call(s.lead.id, 'conflicts.recordMitigation', { evaluationId: s.evaluationId, declarationId: conflict.id, decision: 'recused', reason: 'Trustees have a duty to the charity.' });
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.declare', { ...subject, kind: 'none', description: 'I resigned.' })).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'The procurement lead has upheld your recusal on the conflict you declared here; ask them to review it.',
    });
    // A new conflict may still be declared: it is a new record and keeps the person recused.
    const mine = await t.call(s.eve.id, 'conflicts.declare', { ...subject, kind: 'potential', description: 'I resigned as trustee in May.' });
    expect(mine[1]!.access).toBe('recused');
  });
});
