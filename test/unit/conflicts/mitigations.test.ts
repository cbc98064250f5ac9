import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { accessTo } from '../../../electron/core/conflicts/access';
import { auditRows, makeCore, queryRows, readDatabase, refusedAndUnchanged, type TestCore } from '../support/core';
import { conflictScene, declareAbout, type ConflictScene } from './scene';

/*
 * The procurement lead records a decision, with a reason, on a declared conflict. Decisions are appended,
 * never replacing an earlier one; the latest counts. 'permitted' lifts the recusal, 'recused' upholds it.
 */

async function eveConflictedWithB(t: TestCore) {
  const s = await conflictScene(t);
  await declareAbout(t, s.eve.id, s.evaluationId, s.b, { [s.bPartner.id]: { kind: 'perceived', description: 'My sister chairs its board.' } });
  const conflict = (await t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId })).find((d) => d.kind !== 'none')!;
  return { ...s, conflict };
}
const access = (t: TestCore, s: ConflictScene, personId: string) => readDatabase(t.core.databaseFile, (db) => accessTo(db, s.evaluationId, personId, s.b.id));

describe('mitigation decisions', () => {
  it('a permitted mitigation lifts the recusal; a later recused decision restores it; both stay on the register', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    expect(access(t, s, s.eve.id)).toBe('recused');
    const decide = (decision: 'permitted' | 'recused', reason: string) =>
      t.call(s.lead.id, 'conflicts.recordMitigation', { evaluationId: s.evaluationId, declarationId: s.conflict.id, decision, reason });

    await decide('permitted', 'Her sister has no role in the service; Eve will not score the partner’s sections alone.');
    expect(access(t, s, s.eve.id)).toBe('clear');
    const firstRow = queryRows(t.core.databaseFile, 'SELECT * FROM mitigations');

    const register = await decide('recused', 'The sister turns out to lead the bid team.');
    expect(access(t, s, s.eve.id)).toBe('recused');
    expect(queryRows(t.core.databaseFile, 'SELECT * FROM mitigations ORDER BY seq')[0]).toStrictEqual(firstRow[0]);
    expect(register.find((d) => d.id === s.conflict.id)!.mitigations.map((m) => [m.decision, m.decidedBy])).toEqual([
      ['permitted', 'Lee Lead'],
      ['recused', 'Lee Lead'],
    ]);
    // Eve sees the decisions on her own declaration.
    const mine = await t.call(s.eve.id, 'conflicts.mine', { evaluationId: s.evaluationId });
    expect(mine[1]!.subjects[2]!.current!.mitigations.map((m) => m.reason)).toEqual([
      'Her sister has no role in the service; Eve will not score the partner’s sections alone.',
      'The sister turns out to lead the bid team.',
    ]);
  });

  it('only the lead records mitigations; the moderator and evaluators are refused and nothing changes', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    const params = { evaluationId: s.evaluationId, declarationId: s.conflict.id, decision: 'permitted', reason: 'Fine by me.' };
    for (const who of [s.eve, s.evan, s.moderator, s.outsider]) {
      expect(await refusedAndUnchanged(t, who.id, 'conflicts.recordMitigation', params)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(access(t, s, s.eve.id)).toBe('recused');
  });

  it('the register is the lead’s: moderators and evaluators cannot read it', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    for (const who of [s.moderator, s.evan, s.eve]) {
      expect(await t.fail(who.id, 'conflicts.register', { evaluationId: s.evaluationId })).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('needs a reason, and a conflict that is current and not the lead’s own', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    const base = { evaluationId: s.evaluationId, declarationId: s.conflict.id, decision: 'permitted' };
    expect(await refusedAndUnchanged(t, s.lead.id, 'conflicts.recordMitigation', { ...base, reason: '  ' })).toMatchObject({ code: 'INVALID_PARAMS' });
    expect(await refusedAndUnchanged(t, s.lead.id, 'conflicts.recordMitigation', { ...base, decision: 'waived', reason: 'x' })).toMatchObject({ code: 'INVALID_PARAMS' });
    expect(await refusedAndUnchanged(t, s.lead.id, 'conflicts.recordMitigation', { ...base, declarationId: 'no-such-declaration', reason: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
    });

    const register = await t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId });
    const none = register.find((d) => d.kind === 'none')!;
    expect(await refusedAndUnchanged(t, s.lead.id, 'conflicts.recordMitigation', { ...base, declarationId: none.id, reason: 'x' })).toEqual({
      code: 'RULE_VIOLATION',
      message: 'This declaration is of no conflict, so there is nothing to decide.',
    });

    // Superseded by a new declaration: the decision belongs on the new one.
    await t.call(s.eve.id, 'conflicts.declare', { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bPartner.id, kind: 'actual', description: 'I now also advise them.' });
    expect(await refusedAndUnchanged(t, s.lead.id, 'conflicts.recordMitigation', { ...base, reason: 'x' })).toEqual({
      code: 'RULE_VIOLATION',
      message: 'Eve Evaluator has since made a new declaration here; record the decision on that one.',
    });
  });

  it('a decision on one declaration does not carry over to the next one', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    await t.call(s.lead.id, 'conflicts.recordMitigation', { evaluationId: s.evaluationId, declarationId: s.conflict.id, decision: 'permitted', reason: 'Remote link.' });
    expect(access(t, s, s.eve.id)).toBe('clear');
    await t.call(s.eve.id, 'conflicts.declare', { evaluationId: s.evaluationId, bidderId: s.b.id, memberId: s.bPartner.id, kind: 'actual', description: 'Now a paid adviser.' });
    expect(access(t, s, s.eve.id)).toBe('recused');
  });

  it('a lead cannot decide on a conflict they declared themselves as an evaluator', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    await t.call(s.lead.id, 'panel.remove', { evaluationId: s.evaluationId, personId: s.eve.id, reason: 'Becomes joint procurement lead' });
    await t.call(s.lead.id, 'panel.add', { evaluationId: s.evaluationId, personId: s.eve.id, role: 'lead' });
    const params = { evaluationId: s.evaluationId, declarationId: s.conflict.id, decision: 'permitted' as const, reason: 'I am fine.' };
    expect(await refusedAndUnchanged(t, s.eve.id, 'conflicts.recordMitigation', params)).toMatchObject({ code: 'RULE_VIOLATION' });
    await t.call(s.lead.id, 'conflicts.recordMitigation', params);
  });

  it('each decision appends one audit row; nothing on the register is ever updated or deleted', async () => {
    const t = makeCore();
    const s = await eveConflictedWithB(t);
    const before = auditRows(t).length;
    await t.call(s.lead.id, 'conflicts.recordMitigation', { evaluationId: s.evaluationId, declarationId: s.conflict.id, decision: 'permitted', reason: 'Remote link.' });
    expect(auditRows(t).slice(before).map((r) => [r.method, r.actor_id])).toEqual([['conflicts.recordMitigation', s.lead.id]]);
    // Even a tool outside the app cannot rewrite the register: the schema's triggers refuse.
    const writer = new Database(t.core.databaseFile);
    try {
      writer.pragma('busy_timeout = 5000');
      expect(() => writer.prepare(`UPDATE declarations SET kind = 'none'`).run()).toThrow('declarations is append-only');
      expect(() => writer.prepare('DELETE FROM declarations').run()).toThrow('declarations is append-only');
      expect(() => writer.prepare(`UPDATE mitigations SET decision = 'recused'`).run()).toThrow('mitigations is append-only');
      expect(() => writer.prepare('DELETE FROM mitigations').run()).toThrow('mitigations is append-only');
    } finally {
      writer.close();
    }
  });
});
