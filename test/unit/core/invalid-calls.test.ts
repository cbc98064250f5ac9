import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { auditRows, dumpDatabase, leadWithEvaluation, makeCore, refusedAndUnchanged, type TestCore } from '../support/core';

/*
 * Whatever a host sends, a bad call is answered with a structured error that says what is wrong, and
 * leaves the database exactly as it was: every table row for row, and no new audit entry.
 */

async function scene(t: TestCore) {
  const { lead, evaluation, frameworkId } = await leadWithEvaluation(t);
  const merton = (await t.call(lead.id, 'frameworks.get', { frameworkId })).framework;
  return { lead, evaluationId: evaluation.id, builtInId: frameworkId, merton };
}

describe('the before/after comparison itself', () => {
  it('notices a change to any table, so "nothing changed" is a real claim', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await scene(t);
    const before = dumpDatabase(t.core.databaseFile);
    expect(Object.keys(before.tables)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'bidders',
        'consortium_members',
        'evaluation_settings',
        'evaluations',
        'framework_revisions',
        'frameworks',
        'panel_memberships',
        'people',
        'sqlite_master',
      ]),
    );
    expect(before.tables.evaluations).toHaveLength(1);
    await t.call(lead.id, 'evaluations.saveDetails', { evaluationId, name: 'Community services 2026', reference: 'CS-26' }); // same values
    const after = dumpDatabase(t.core.databaseFile);
    expect(after.tables.evaluations).toStrictEqual(before.tables.evaluations);
    expect(after).not.toStrictEqual(before); // the audit trail still records the save
    await expect(refusedAndUnchanged(t, lead.id, 'evaluations.saveDetails', { evaluationId, name: 'X', reference: '' })).rejects.toThrow(
      'unexpectedly succeeded',
    );
  });
});

describe('a method that does not exist', () => {
  it.each(['evaluations.delete', 'scores.save', '', 'constructor', '__proto__', 'toString'])('refuses "%s" with UNKNOWN_METHOD', async (method) => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, method, {});
    expect(error).toEqual({ code: 'UNKNOWN_METHOD', message: `There is no method "${method}".` });
  });
});

describe('params that do not match the contract', () => {
  it('refuses a value of the wrong type, naming the field', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'people.create', { name: 42 });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues?.map((i) => i.path)).toEqual(['name']);
    expect(error.message).toMatch(/^Invalid request: name: /);
  });

  it('refuses missing fields, listing each one', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.create', { name: 'Community services 2027' });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['frameworkId', 'reference']);
  });

  it('refuses a blank name with the wording a user can act on', async () => {
    const t = makeCore();
    const { lead, builtInId } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.create', { name: '   ', reference: '', frameworkId: builtInId });
    expect(error.issues).toEqual([{ path: 'name', message: 'An evaluation name is required' }]);
  });

  it('refuses fields the contract does not have, because every params schema is strict', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveDetails', { evaluationId, name: 'X', reference: 'Y', status: 'closed' });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues).toHaveLength(1);
    expect(error.issues?.[0]?.message).toContain('status');
  });

  it('refuses extra fields on methods that take no params', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.list', { all: true });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues?.[0]?.message).toContain('all');
  });

  it('points into nested params: a weight given as text', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveWeights', {
      evaluationId,
      weights: { areas: [{ areaId: 'governance-and-leadership', weight: '40', stages: [] }] },
    });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues?.map((i) => i.path)).toEqual(['weights.areas.0.weight']);
  });

  it('refuses a weight with three decimal places before any rule is checked', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveWeights', {
      evaluationId,
      weights: { areas: [{ areaId: 'governance-and-leadership', weight: 33.333, stages: [] }] },
    });
    expect(error.issues).toEqual([{ path: 'weights.areas.0.weight', message: 'use at most two decimal places' }]);
  });

  it('refuses an identifier that is not one', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.get', { evaluationId: "x'; DROP TABLE people; --" });
    expect(error.issues).toEqual([{ path: 'evaluationId', message: 'not a valid identifier' }]);
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 7],
    ['a list', []],
  ])('refuses params that are %s rather than an object', async (_what, params) => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'people.list', params);
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues?.map((i) => i.path)).toEqual(['']);
  });

  it('validates params before looking at who is calling', async () => {
    const t = makeCore();
    await scene(t);
    expect((await refusedAndUnchanged(t, null, 'evaluations.get', {})).code).toBe('INVALID_PARAMS');
  });
});

describe('importing a framework file that is not a framework', () => {
  it('refuses text that is not JSON', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'frameworks.import', { json: 'Capability area,Stage\nGovernance,Developing' });
    expect(error).toEqual({ code: 'INVALID_PARAMS', message: 'The file is not valid JSON, so it cannot be a capability framework.' });
  });

  it('refuses JSON that is not a framework, listing every problem', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'frameworks.import', { json: JSON.stringify({ name: 'Budget 2026', areas: [] }) });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.message).toMatch(/^The file is not a valid capability framework: /);
    const paths = error.issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'stages', 'areas']));
    expect(error.issues?.find((i) => i.path === 'areas')?.message).toBe('a framework needs at least one capability area');
  });

  it('refuses a JSON list or number outright', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    for (const json of ['[]', '42', 'null']) {
      const error = await refusedAndUnchanged(t, lead.id, 'frameworks.import', { json });
      expect({ json, code: error.code, paths: error.issues?.map((i) => i.path) }).toEqual({ json, code: 'INVALID_PARAMS', paths: [''] });
    }
  });

  it('refuses a framework in which two evidence indicators share an id', async () => {
    const t = makeCore();
    const { lead, merton } = await scene(t);
    const clash: Framework = structuredClone(merton);
    const [first, second] = [clash.areas[0]!.indicators.developing![0]!, clash.areas[1]!.indicators.thriving![0]!];
    second.id = first.id;
    const error = await refusedAndUnchanged(t, lead.id, 'frameworks.import', { json: JSON.stringify(clash) });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues).toEqual([{ path: 'areas', message: `duplicate evidence indicator id "${first.id}"` }]);
  });

  it('refuses a framework whose area has no indicators for a stage', async () => {
    const t = makeCore();
    const { lead, merton } = await scene(t);
    const gap: Framework = structuredClone(merton);
    delete gap.areas[3]!.indicators.maturing;
    const error = await refusedAndUnchanged(t, lead.id, 'frameworks.import', { json: JSON.stringify(gap) });
    expect(error.issues).toEqual([{ path: 'areas.3.indicators', message: 'capability area "Managing resources" has no entry for stage "maturing"' }]);
  });
});

describe('editing frameworks in the library', () => {
  it('never edits a built-in framework in place', async () => {
    const t = makeCore();
    const { lead, builtInId, merton } = await scene(t);
    const error = await refusedAndUnchanged(t, lead.id, 'frameworks.saveRevision', {
      frameworkId: builtInId,
      basedOnRevision: 1,
      framework: { ...merton, name: 'Merton, improved' },
    });
    expect(error).toEqual({ code: 'RULE_VIOLATION', message: 'A built-in framework cannot be edited. Duplicate it and edit the copy.' });
  });

  it('refuses a save based on a revision someone else has since replaced', async () => {
    const t = makeCore();
    const { lead, builtInId, merton } = await scene(t);
    const copy = await t.call(lead.id, 'frameworks.duplicate', { frameworkId: builtInId, name: 'Merton (local)' });
    // Two people open revision 1; the first saves revision 2; the second's save is then stale.
    await t.call(lead.id, 'frameworks.saveRevision', { frameworkId: copy.id, basedOnRevision: 1, framework: { ...merton, name: 'First edit' } });
    const error = await refusedAndUnchanged(t, lead.id, 'frameworks.saveRevision', {
      frameworkId: copy.id,
      basedOnRevision: 1,
      framework: { ...merton, name: 'Second edit' },
    });
    expect(error).toEqual({
      code: 'CONFLICT',
      message: 'This framework was changed since you opened it (now revision 2). Reopen it and edit again.',
    });
    expect((await t.call(lead.id, 'frameworks.get', { frameworkId: copy.id })).framework.name).toBe('First edit');
  });

  it('refuses to duplicate or export a framework that does not exist', async () => {
    const t = makeCore();
    const { lead } = await scene(t);
    expect((await refusedAndUnchanged(t, lead.id, 'frameworks.duplicate', { frameworkId: 'no-such-framework', name: 'X' })).code).toBe('NOT_FOUND');
    expect((await refusedAndUnchanged(t, lead.id, 'frameworks.export', { frameworkId: 'no-such-framework' })).code).toBe('NOT_FOUND');
  });
});

describe('failed calls leave no trace in the audit trail', () => {
  it('keeps the audit trail to the successful calls only', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await scene(t);
    const before = auditRows(t).map((r) => r.method);
    await t.fail(lead.id, 'evaluations.saveWeights', { evaluationId, weights: { areas: [] } });
    await t.fail(lead.id, 'frameworks.import', { json: '{' });
    await t.fail(lead.id, 'no.such.method', {});
    await t.fail(null, 'evaluations.create', { name: 'X', reference: '', frameworkId: 'builtin-merton-ics-2020' });
    expect(auditRows(t).map((r) => r.method)).toEqual(before);
    expect(before).toEqual(['session.register', 'evaluations.create']);
  });
});
