import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { DEFAULT_RULES, type Rules, type Threshold } from '../../../shared/domain/rules';
import { DEFAULT_SCALE, type Scale } from '../../../shared/domain/scale';
import { EvaluationSettingsSchema } from '../../../shared/domain/settings';
import { defaultWeights, effectiveWeights } from '../../../shared/domain/weights';
import { auditRows, dumpDatabase, leadWithEvaluation, makeCore, queryRows, refusedAndUnchanged, withDemoPassphrases, type TestCore } from '../support/core';
import { GOV, TRANSFORM, RESOURCES, stages, leadsWeights } from '../support/merton-weights';

/*
 * Lee, a procurement lead, sets up the "Community services 2026" evaluation on the built-in Merton
 * framework: publishes a scale, weights, thresholds and rules, builds a panel and records the bidders.
 * Every call goes through the core's one door (dispatch) onto a real SQLite file.
 */

/** A 1–4 scale with no zero, as some councils publish. */
const FOUR_POINT_SCALE: Scale = {
  points: [
    { value: 1, label: 'Poor', descriptor: 'Little or no relevant evidence.' },
    { value: 2, label: 'Fair', descriptor: 'Some evidence with significant gaps.' },
    { value: 3, label: 'Good', descriptor: 'Clear evidence with minor gaps.' },
    { value: 4, label: 'Excellent', descriptor: 'Comprehensive, verifiable evidence.' },
  ],
};
const DEVELOPING_MIN_2: Threshold = { id: 'developing-min-2', areaId: null, stageId: 'developing', minScore: 2 };
const MEDIAN_RULES: Rules = {
  aggregation: 'median',
  tieBreak: { kind: 'stage-subtotal', stageId: 'developing' },
  spreadTolerance: 2,
  rationaleMinLength: 100,
};

interface SettingsRow {
  evaluation_id: string;
  version: number;
  body: string;
  saved_at: string;
  saved_by: string;
}
const settingsRows = (t: TestCore, evaluationId: string) =>
  queryRows<SettingsRow>(t.core.databaseFile, 'SELECT * FROM evaluation_settings WHERE evaluation_id = ? ORDER BY version', evaluationId);

const mertonFramework = async (t: TestCore, actorId: string, frameworkId: string): Promise<Framework> =>
  (await t.call(actorId, 'frameworks.get', { frameworkId })).framework;

describe('a procurement lead creates an evaluation', () => {
  it('from the built-in Merton framework, becoming its procurement lead', async () => {
    const t = makeCore();
    const lead = await t.profile('Lee Lead');
    const library = await t.call(lead.id, 'frameworks.list', {});
    const merton = library.find((f) => f.builtIn && f.key === 'merton-ics-2020');
    expect(merton).toBeDefined();

    const summary = await t.call(lead.id, 'evaluations.create', { name: '  Community services 2026 ', reference: 'CS-26', frameworkId: merton!.id });
    expect(summary).toMatchObject({
      name: 'Community services 2026',
      reference: 'CS-26',
      status: 'setup',
      frameworkName: 'Merton Integrated Community Services capability assessment',
      myRole: 'lead',
      bidderCount: 0,
    });

    const detail = await t.call(lead.id, 'evaluations.get', { evaluationId: summary.id });
    expect(detail.framework).toEqual(await mertonFramework(t, lead.id, merton!.id));
    expect(detail.panel).toEqual([expect.objectContaining({ personId: lead.id, name: 'Lee Lead', role: 'lead', addedBy: 'Lee Lead' })]);
    expect(detail.bidders).toEqual([]);
  });

  it('starts with settings version 1: the 0–5 scale, even weights, no thresholds and the default rules', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const detail = await t.call(lead.id, 'evaluations.get', { evaluationId: evaluation.id });
    expect(detail.settingsVersion).toBe(1);
    expect(detail.settingsSavedBy).toBe('Lee Lead');
    expect(detail.settings).toEqual({ scale: DEFAULT_SCALE, weights: defaultWeights(detail.framework), thresholds: [], rules: DEFAULT_RULES });
    expect(detail.settings.weights.areas.map((a) => a.weight)).toEqual([25, 25, 25, 25]);
    expect(detail.settings.weights.areas[0]?.stages.map((s) => s.weight)).toEqual([33.34, 33.33, 33.33]);
  });

  it('refuses a framework that does not exist', async () => {
    const t = makeCore();
    const { lead } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.create', { name: 'X', reference: '', frameworkId: 'no-such-framework' });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('the framework of an evaluation is a frozen copy', () => {
  it('keeps its copy when the library framework it came from gets a new revision', async () => {
    const t = makeCore();
    const { lead, frameworkId: builtInId } = await leadWithEvaluation(t);
    // Lee duplicates Merton into the library to adapt it, and runs an evaluation on revision 1 of the copy.
    const copy = await t.call(lead.id, 'frameworks.duplicate', { frameworkId: builtInId, name: 'Merton (local)' });
    expect(copy).toMatchObject({ revision: 1, builtIn: false, name: 'Merton (local)' });
    const revision1 = await mertonFramework(t, lead.id, copy.id);
    const evaluation = await t.call(lead.id, 'evaluations.create', { name: 'Local services', reference: 'LS-1', frameworkId: copy.id });

    // Later Lee edits the library copy: renames an area and drops the Thriving stage.
    const edited: Framework = {
      ...revision1,
      name: 'Merton (local) v2',
      stages: revision1.stages.filter((s) => s.id !== 'thriving'),
      areas: revision1.areas.map((a) => {
        const { thriving: _dropped, ...indicators } = a.indicators;
        return { ...a, title: a.id === GOV ? 'Leadership' : a.title, indicators };
      }),
    };
    const saved = await t.call(lead.id, 'frameworks.saveRevision', { frameworkId: copy.id, basedOnRevision: 1, framework: edited });
    expect(saved.revision).toBe(2);
    expect((await mertonFramework(t, lead.id, copy.id)).stages).toHaveLength(2);

    const detail = await t.call(lead.id, 'evaluations.get', { evaluationId: evaluation.id });
    expect(detail.framework).toEqual(revision1);
    expect(detail.frameworkName).toBe('Merton (local)');
    expect(detail.framework.areas[0]?.title).toBe('Governance and leadership');
    expect(detail.framework.stages.map((s) => s.id)).toEqual(['developing', 'maturing', 'thriving']);
    expect(
      queryRows(t.core.databaseFile, 'SELECT framework_source_id, framework_source_revision FROM evaluations WHERE id = ?', evaluation.id),
    ).toEqual([{ framework_source_id: copy.id, framework_source_revision: 1 }]);
  });

  it('checks weights against the frozen copy, not the newer library revision', async () => {
    const t = makeCore();
    const { lead, frameworkId: builtInId } = await leadWithEvaluation(t);
    const copy = await t.call(lead.id, 'frameworks.duplicate', { frameworkId: builtInId, name: 'Merton (local)' });
    const revision1 = await mertonFramework(t, lead.id, copy.id);
    const evaluation = await t.call(lead.id, 'evaluations.create', { name: 'Local services', reference: 'LS-1', frameworkId: copy.id });
    await t.call(lead.id, 'frameworks.saveRevision', {
      frameworkId: copy.id,
      basedOnRevision: 1,
      framework: { ...revision1, areas: revision1.areas.filter((a) => a.id !== RESOURCES) },
    });
    // Weights for all four frozen areas are still what the evaluation needs.
    const detail = await t.call(lead.id, 'evaluations.saveWeights', { evaluationId: evaluation.id, weights: leadsWeights() });
    expect(detail.settingsVersion).toBe(2);
  });
});

describe('publishing scale, weights, thresholds and rules', () => {
  it('saves each change as a new settings version and keeps every earlier version', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const evaluationId = evaluation.id;

    const v2 = await t.call(lead.id, 'evaluations.saveScale', { evaluationId, scale: FOUR_POINT_SCALE });
    expect(v2.settingsVersion).toBe(2);
    expect(v2.settings.scale).toEqual(FOUR_POINT_SCALE);

    const v3 = await t.call(lead.id, 'evaluations.saveWeights', { evaluationId, weights: leadsWeights() });
    expect(v3.settingsVersion).toBe(3);
    // Governance 40% × Developing 25% = 10% of the whole; Transformation 30% × Maturing 30% = 9%.
    const effective = effectiveWeights(v3.settings.weights);
    expect(effective.get(`${GOV}/developing`)).toBe(10);
    expect(effective.get(`${TRANSFORM}/maturing`)).toBe(9);

    const v4 = await t.call(lead.id, 'evaluations.saveThresholds', { evaluationId, thresholds: [DEVELOPING_MIN_2] });
    expect(v4.settingsVersion).toBe(4);
    const v5 = await t.call(lead.id, 'evaluations.saveRules', { evaluationId, rules: MEDIAN_RULES });
    expect(v5.settingsVersion).toBe(5);
    // Each save changes only its own part; the rest is carried forward from the version before.
    expect(v5.settings).toEqual({ scale: FOUR_POINT_SCALE, weights: leadsWeights(), thresholds: [DEVELOPING_MIN_2], rules: MEDIAN_RULES });

    const rows = settingsRows(t, evaluationId);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.saved_by === lead.id)).toBe(true);
    const bodies = rows.map((r) => EvaluationSettingsSchema.parse(JSON.parse(r.body)));
    expect(bodies[0]?.scale).toEqual(DEFAULT_SCALE);
    expect(bodies[1]).toMatchObject({ scale: FOUR_POINT_SCALE, thresholds: [], rules: DEFAULT_RULES });
    expect(bodies[1]?.weights.areas.map((a) => a.weight)).toEqual([25, 25, 25, 25]);
    expect(bodies[2]).toMatchObject({ weights: leadsWeights(), thresholds: [] });
    expect(bodies[3]).toMatchObject({ thresholds: [DEVELOPING_MIN_2], rules: DEFAULT_RULES });
    expect(bodies[4]?.rules).toEqual(MEDIAN_RULES);
  });

  it('refuses weights that do not total 100% with a clear message, and changes nothing', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const weights = leadsWeights();
    weights.areas[3]!.weight = 5; // 40 + 30 + 20 + 5 = 95
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveWeights', { evaluationId: evaluation.id, weights });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toBe('capability area weights total 95%; they must total 100%');
    expect(error.issues).toEqual([{ path: 'weights.areas', message: 'capability area weights total 95%; they must total 100%' }]);
    expect((await t.call(lead.id, 'evaluations.get', { evaluationId: evaluation.id })).settingsVersion).toBe(1);
  });

  it('refuses stage weights that do not total 100% within an area, naming the area', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const weights = leadsWeights();
    weights.areas[2]!.stages = stages(60, 30, 20); // Culture: 110%
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveWeights', { evaluationId: evaluation.id, weights });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toBe('stage weights within "Commitment to culture change/continuous improvement" total 110%; they must total 100%');
    expect(error.issues?.map((i) => i.path)).toEqual(['weights.areas.2.stages']);
  });

  it('refuses a threshold below a point that is not on the published scale', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveThresholds', {
      evaluationId: evaluation.id,
      thresholds: [{ ...DEVELOPING_MIN_2, minScore: 6 }],
    });
    expect(error).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'thresholds.0.minScore', message: 'minimum score 6 is not a point on the scoring scale' }],
    });
  });

  it('refuses a new scale that would leave a published threshold off the scale', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    await t.call(lead.id, 'evaluations.saveThresholds', { evaluationId: evaluation.id, thresholds: [{ ...DEVELOPING_MIN_2, minScore: 0 }] });
    // The 1–4 scale has no 0, so "no Developing criterion below 0" would no longer make sense.
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveScale', { evaluationId: evaluation.id, scale: FOUR_POINT_SCALE });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toBe('minimum score 0 is not a point on the scoring scale');
  });

  it('refuses a tie-break on a stage the framework does not have', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveRules', {
      evaluationId: evaluation.id,
      rules: { ...MEDIAN_RULES, tieBreak: { kind: 'stage-subtotal', stageId: 'embedding' } },
    });
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'rules.tieBreak.stageId' }] });
  });

  it('renames the evaluation and its reference', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const detail = await t.call(lead.id, 'evaluations.saveDetails', {
      evaluationId: evaluation.id,
      name: 'Community services 2026/27',
      reference: 'CS-26B',
    });
    expect(detail).toMatchObject({ name: 'Community services 2026/27', reference: 'CS-26B', settingsVersion: 1 });
  });
});

describe('building the panel', () => {
  async function withPeople(t: TestCore) {
    const { lead, evaluation } = await leadWithEvaluation(t);
    const person = (name: string) => t.profile(name);
    return {
      lead,
      evaluationId: evaluation.id,
      moderator: await person('Mo Moderator'),
      alice: await person('Alice Jones'),
      ben: await person('Ben Carter'),
      chen: await person('Chen Li'),
    };
  }

  it('adds three evaluators and a moderator, listed lead first, then moderator, then evaluators by name', async () => {
    const t = makeCore();
    const { lead, evaluationId, moderator, alice, ben, chen } = await withPeople(t);
    await t.call(lead.id, 'panel.add', { evaluationId, personId: chen.id, role: 'evaluator' });
    await t.call(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'evaluator' });
    await t.call(lead.id, 'panel.add', { evaluationId, personId: moderator.id, role: 'moderator' });
    const detail = await t.call(lead.id, 'panel.add', { evaluationId, personId: ben.id, role: 'evaluator' });
    expect(detail.panel.map((m) => [m.name, m.role])).toEqual([
      ['Lee Lead', 'lead'],
      ['Mo Moderator', 'moderator'],
      ['Alice Jones', 'evaluator'],
      ['Ben Carter', 'evaluator'],
      ['Chen Li', 'evaluator'],
    ]);
    expect(detail.panel.every((m) => m.addedBy === 'Lee Lead')).toBe(true);
    // Each of them now sees the evaluation with their own role.
    expect((await t.call(moderator.id, 'evaluations.get', { evaluationId })).myRole).toBe('moderator');
    expect((await t.call(ben.id, 'evaluations.get', { evaluationId })).myRole).toBe('evaluator');
  });

  it('lets one person hold only one role on the panel', async () => {
    const t = makeCore();
    const { lead, evaluationId, alice } = await withPeople(t);
    await t.call(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'evaluator' });
    const error = await refusedAndUnchanged(t, lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'moderator' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Alice Jones is already on the panel as evaluator; one person holds one role.');
    const again = await refusedAndUnchanged(t, lead.id, 'panel.add', { evaluationId, personId: lead.id, role: 'evaluator' });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Lee Lead is already on the panel as procurement lead; one person holds one role.' });
  });

  it('refuses to add someone who has no profile here', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await withPeople(t);
    const error = await refusedAndUnchanged(t, lead.id, 'panel.add', { evaluationId, personId: 'nobody-at-all', role: 'evaluator' });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('does not let the last procurement lead be removed', async () => {
    const t = makeCore();
    const { lead, evaluationId } = await withPeople(t);
    const error = await refusedAndUnchanged(t, lead.id, 'panel.remove', { evaluationId, personId: lead.id, reason: 'Leaving the council' });
    expect(error).toEqual({ code: 'RULE_VIOLATION', message: 'An evaluation must keep at least one procurement lead.' });
  });

  it('lets a second lead remove the first, once there are two', async () => {
    const t = makeCore();
    const { lead, evaluationId, moderator } = await withPeople(t);
    const deputy = await t.profile('Dee Deputy');
    await t.call(lead.id, 'panel.add', { evaluationId, personId: deputy.id, role: 'lead' });
    await t.call(lead.id, 'panel.add', { evaluationId, personId: moderator.id, role: 'moderator' });
    const detail = await t.call(deputy.id, 'panel.remove', { evaluationId, personId: lead.id, reason: 'Moved to another directorate' });
    expect(detail.panel.map((m) => m.name)).toEqual(['Dee Deputy', 'Mo Moderator']);
    // Now Dee is the last lead and cannot be removed.
    expect((await t.fail(deputy.id, 'panel.remove', { evaluationId, personId: deputy.id, reason: 'x' })).code).toBe('RULE_VIOLATION');
  });

  it('keeps a removed member’s row with who removed them, when and why', async () => {
    const t = makeCore();
    const { lead, evaluationId, alice, ben } = await withPeople(t);
    await t.call(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'evaluator' });
    await t.call(lead.id, 'panel.add', { evaluationId, personId: ben.id, role: 'evaluator' });
    const detail = await t.call(lead.id, 'panel.remove', { evaluationId, personId: alice.id, reason: 'Declared a conflict with a bidder' });
    expect(detail.panel.map((m) => m.name)).toEqual(['Lee Lead', 'Ben Carter']);
    // Alice can no longer open the evaluation.
    expect((await t.fail(alice.id, 'evaluations.get', { evaluationId })).code).toBe('FORBIDDEN');

    const rows = queryRows<{ role: string; ended_at: string | null; ended_by: string | null; end_reason: string | null; added_by: string }>(
      t.core.databaseFile,
      'SELECT role, added_by, ended_at, ended_by, end_reason FROM panel_memberships WHERE evaluation_id = ? AND person_id = ?',
      evaluationId,
      alice.id,
    );
    expect(rows).toEqual([
      { role: 'evaluator', added_by: lead.id, ended_at: expect.any(String), ended_by: lead.id, end_reason: 'Declared a conflict with a bidder' },
    ]);
    expect(Date.parse(rows[0]!.ended_at!)).not.toBeNaN();
  });

  it('can bring a removed member back in a new role, keeping the old membership as history', async () => {
    const t = makeCore();
    const { lead, evaluationId, alice } = await withPeople(t);
    await t.call(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'evaluator' });
    await t.call(lead.id, 'panel.remove', { evaluationId, personId: alice.id, reason: 'Needed as moderator instead' });
    const detail = await t.call(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'moderator' });
    expect(detail.panel.find((m) => m.personId === alice.id)?.role).toBe('moderator');
    const rows = queryRows<{ role: string; end_reason: string | null }>(
      t.core.databaseFile,
      'SELECT role, end_reason FROM panel_memberships WHERE person_id = ? ORDER BY ended_at IS NULL, added_at',
      alice.id,
    );
    expect(rows).toEqual([
      { role: 'evaluator', end_reason: 'Needed as moderator instead' },
      { role: 'moderator', end_reason: null },
    ]);
  });

  it('refuses to remove someone who is not on the panel', async () => {
    const t = makeCore();
    const { lead, evaluationId, alice } = await withPeople(t);
    expect((await refusedAndUnchanged(t, lead.id, 'panel.remove', { evaluationId, personId: alice.id, reason: 'x' })).code).toBe('NOT_FOUND');
  });
});

describe('recording bidders and their consortium members', () => {
  const alliance = {
    name: 'Wandle Community Health Alliance',
    reference: 'BID-001',
    members: [
      { organisation: 'Colliers Wood Therapy Services Ltd', role: 'subcontractor' as const },
      { organisation: 'Mitcham Carers Network', role: 'partner' as const },
      { organisation: 'Wandle Valley Community NHS Trust', role: 'lead' as const },
    ],
  };

  it('records a consortium bid, listing the lead organisation first, then partners, then subcontractors', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const detail = await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance });
    expect(detail.bidders).toHaveLength(1);
    expect(detail.bidders[0]).toMatchObject({ name: 'Wandle Community Health Alliance', reference: 'BID-001' });
    expect(detail.bidders[0]?.members.map((m) => [m.organisation, m.role])).toEqual([
      ['Wandle Valley Community NHS Trust', 'lead'],
      ['Mitcham Carers Network', 'partner'],
      ['Colliers Wood Therapy Services Ltd', 'subcontractor'],
    ]);
    expect((await t.call(lead.id, 'evaluations.list', {}))[0]?.bidderCount).toBe(1);
  });

  it('needs exactly one lead organisation per bidder', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const noLead = await refusedAndUnchanged(t, lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      ...alliance,
      members: alliance.members.filter((m) => m.role !== 'lead'),
    });
    expect(noLead).toEqual({ code: 'RULE_VIOLATION', message: 'A bidder has exactly one lead organisation; 0 were given.' });
    const twoLeads = await refusedAndUnchanged(t, lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      ...alliance,
      members: [...alliance.members, { organisation: 'Riverside Healthcare NHS FT', role: 'lead' }],
    });
    expect(twoLeads.message).toBe('A bidder has exactly one lead organisation; 2 were given.');
  });

  it('refuses a second bidder with the same name, whatever the case', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance });
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      ...alliance,
      name: ' wandle community health alliance ',
      reference: 'BID-002',
    });
    expect(error).toEqual({ code: 'CONFLICT', message: 'There is already a bidder called “wandle community health alliance” in this evaluation.' });
  });

  it('allows the same bidder name in a different evaluation', async () => {
    const t = makeCore();
    const { lead, evaluation, frameworkId } = await leadWithEvaluation(t);
    const other = await t.call(lead.id, 'evaluations.create', { name: 'Other lot', reference: 'CS-27', frameworkId });
    await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance });
    const detail = await t.call(lead.id, 'bidders.add', { evaluationId: other.id, ...alliance });
    expect(detail.bidders.map((b) => b.name)).toEqual([alliance.name]);
  });

  it('adds a partner later, but never a second lead organisation', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const bidderId = (await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance })).bidders[0]!.id;
    const detail = await t.call(lead.id, 'bidders.addMember', {
      evaluationId: evaluation.id,
      bidderId,
      member: { organisation: 'Raynes Park CIC', role: 'partner' },
    });
    expect(detail.bidders[0]?.members.map((m) => m.organisation)).toEqual([
      'Wandle Valley Community NHS Trust',
      'Mitcham Carers Network',
      'Raynes Park CIC',
      'Colliers Wood Therapy Services Ltd',
    ]);
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.addMember', {
      evaluationId: evaluation.id,
      bidderId,
      member: { organisation: 'Another Trust', role: 'lead' },
    });
    expect(error.code).toBe('RULE_VIOLATION');
  });

  it('removes a member from the bid but keeps its row with who, when and why', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const bidder = (await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance })).bidders[0]!;
    const subcontractor = bidder.members.find((m) => m.role === 'subcontractor')!;
    const detail = await t.call(lead.id, 'bidders.removeMember', {
      evaluationId: evaluation.id,
      bidderId: bidder.id,
      memberId: subcontractor.id,
      reason: 'Withdrew from the consortium before the deadline',
    });
    expect(detail.bidders[0]?.members.map((m) => m.role)).toEqual(['lead', 'partner']);
    expect(
      queryRows(
        t.core.databaseFile,
        'SELECT organisation, removed_by, removal_reason, removed_at IS NOT NULL AS removed FROM consortium_members WHERE id = ?',
        subcontractor.id,
      ),
    ).toEqual([
      {
        organisation: 'Colliers Wood Therapy Services Ltd',
        removed_by: lead.id,
        removal_reason: 'Withdrew from the consortium before the deadline',
        removed: 1,
      },
    ]);
    // Removing it again finds nothing to remove.
    const again = await refusedAndUnchanged(t, lead.id, 'bidders.removeMember', {
      evaluationId: evaluation.id,
      bidderId: bidder.id,
      memberId: subcontractor.id,
      reason: 'x',
    });
    expect(again.code).toBe('NOT_FOUND');
  });

  it('never removes the lead organisation', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const bidder = (await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance })).bidders[0]!;
    const leadOrg = bidder.members.find((m) => m.role === 'lead')!;
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.removeMember', {
      evaluationId: evaluation.id,
      bidderId: bidder.id,
      memberId: leadOrg.id,
      reason: 'x',
    });
    expect(error).toEqual({ code: 'RULE_VIOLATION', message: 'The lead organisation cannot be removed from a bidder.' });
  });

  it('does not touch a bidder through another evaluation', async () => {
    const t = makeCore();
    const { lead, evaluation, frameworkId } = await leadWithEvaluation(t);
    const other = await t.call(lead.id, 'evaluations.create', { name: 'Other lot', reference: 'CS-27', frameworkId });
    const bidder = (await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, ...alliance })).bidders[0]!;
    const partner = bidder.members.find((m) => m.role === 'partner')!;
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.removeMember', {
      evaluationId: other.id,
      bidderId: bidder.id,
      memberId: partner.id,
      reason: 'x',
    });
    expect(error.code).toBe('NOT_FOUND');
    const add = await refusedAndUnchanged(t, lead.id, 'bidders.addMember', {
      evaluationId: other.id,
      bidderId: bidder.id,
      member: { organisation: 'X Ltd', role: 'partner' },
    });
    expect(add.code).toBe('NOT_FOUND');
  });
});

describe('closing and reopening the app', () => {
  it('keeps the whole set-up: settings history, panel history, bidders, removed members and the audit trail', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const evaluationId = evaluation.id;
    const alice = await t.profile('Alice Jones');
    const mo = await t.profile('Mo Moderator');
    await t.call(lead.id, 'evaluations.saveScale', { evaluationId, scale: FOUR_POINT_SCALE });
    await t.call(lead.id, 'evaluations.saveWeights', { evaluationId, weights: leadsWeights() });
    await t.call(lead.id, 'evaluations.saveThresholds', { evaluationId, thresholds: [DEVELOPING_MIN_2] });
    await t.call(lead.id, 'evaluations.saveRules', { evaluationId, rules: MEDIAN_RULES });
    await t.call(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'evaluator' });
    await t.call(lead.id, 'panel.add', { evaluationId, personId: mo.id, role: 'moderator' });
    await t.call(lead.id, 'panel.remove', { evaluationId, personId: mo.id, reason: 'On leave' });
    const withBidder = await t.call(lead.id, 'bidders.add', {
      evaluationId,
      name: 'Wandle Alliance',
      reference: 'BID-001',
      members: [
        { organisation: 'Wandle Trust', role: 'lead' },
        { organisation: 'Mitcham Carers', role: 'partner' },
      ],
    });
    const bidder = withBidder.bidders[0]!;
    const before = await t.call(lead.id, 'bidders.removeMember', {
      evaluationId,
      bidderId: bidder.id,
      memberId: bidder.members[1]!.id,
      reason: 'Left the consortium',
    });
    const dumpBefore = dumpDatabase(t.core.databaseFile);
    const auditBefore = auditRows(t);

    const reopened = t.reopen();
    // Opening the file again changes nothing; everyone then signs in again, each sign-in an entry of its own.
    expect(dumpDatabase(reopened.core.databaseFile)).toStrictEqual(dumpBefore);
    expect(auditRows(reopened)).toEqual(auditBefore);
    const after = await reopened.call(lead.id, 'evaluations.get', { evaluationId });
    expect(after).toEqual(before);
    expect(after.settingsVersion).toBe(5);
    expect(after.settings).toEqual({ scale: FOUR_POINT_SCALE, weights: leadsWeights(), thresholds: [DEVELOPING_MIN_2], rules: MEDIAN_RULES });
    expect(after.panel.map((m) => m.name)).toEqual(['Lee Lead', 'Alice Jones']);
    expect(after.bidders[0]?.members.map((m) => m.organisation)).toEqual(['Wandle Trust']);
    expect(await reopened.call(alice.id, 'evaluations.list', {})).toEqual([
      expect.objectContaining({ id: evaluationId, myRole: 'evaluator', bidderCount: 1 }),
    ]);
  });
});

describe('the demo evaluation for a newcomer', () => {
  it('creates a Merton evaluation with a lead, a moderator, three evaluators and two consortium bidders', async () => {
    const t = makeCore();
    expect((await t.call(null, 'app.info', {})).firstRun).toBe(true);
    const demo = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
    expect((await t.call(null, 'app.info', {})).firstRun).toBe(false);
    const detail = await t.call(demo.leadPersonId, 'evaluations.get', { evaluationId: demo.evaluationId });
    expect(detail.framework.areas).toHaveLength(4);
    expect(detail.myRole).toBe('lead');
    expect(detail.panel.map((m) => m.role)).toEqual(['lead', 'moderator', 'evaluator', 'evaluator', 'evaluator']);
    expect(detail.bidders).toHaveLength(2);
    expect(detail.bidders.every((b) => b.members.filter((m) => m.role === 'lead').length === 1)).toBe(true);
    expect(detail.settings.thresholds).toEqual([DEVELOPING_MIN_2]);
  });
});
