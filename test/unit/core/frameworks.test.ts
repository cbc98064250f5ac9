import { describe, expect, it } from 'vitest';
import { FrameworkSchema, listCriteria, walkIndicators, type Framework } from '../../../shared/domain/framework';
import { leadWithEvaluation, makeCore, queryRows } from '../support/core';

/*
 * A procurement lead keeps a library of capability frameworks: the built-in Merton one, files shared by
 * other councils (export / import as JSON), and their own edited copies, whose every revision is kept.
 */

const countIndicators = (fw: Framework) => {
  let n = 0;
  for (const area of fw.areas) for (const items of Object.values(area.indicators)) walkIndicators(items, () => n++);
  return n;
};

describe('the built-in Merton framework in the library', () => {
  it('has four capability areas, three stages (12 criteria) and every evidence indicator', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const { summary, framework } = await t.call(lead.id, 'frameworks.get', { frameworkId });
    expect(summary).toMatchObject({
      id: 'builtin-merton-ics-2020',
      key: 'merton-ics-2020',
      builtIn: true,
      revision: 1,
      areaCount: 4,
      stageCount: 3,
      updatedBy: null,
    });
    expect(framework.stages.map((s) => s.label)).toEqual(['Developing', 'Maturing', 'Thriving']);
    expect(listCriteria(framework)).toHaveLength(12);
    // Appendix 2 by hand: Governance 9+7+3, Transformation 8+14+2, Culture 6+4+2, Resources 5+8+1 = 69.
    expect(countIndicators(framework)).toBe(69);
  });
});

describe('sharing a framework as a file', () => {
  it('exports Merton as pretty JSON with a file name from its name and revision', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const original = (await t.call(lead.id, 'frameworks.get', { frameworkId })).framework;
    const file = await t.call(lead.id, 'frameworks.export', { frameworkId });
    expect(file.fileName).toBe('merton-integrated-community-services-capability-assessment-r1.framework.json');
    expect(file.json.endsWith('}\n')).toBe(true);
    expect(file.json).toContain('\n  "schemaVersion": 1,');
    expect(JSON.parse(file.json)).toEqual(original);
  });

  it('imports the exported file back as a library framework equal to the original', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const original = (await t.call(lead.id, 'frameworks.get', { frameworkId })).framework;
    const { json } = await t.call(lead.id, 'frameworks.export', { frameworkId });

    const imported = await t.call(lead.id, 'frameworks.import', { json });
    expect(imported).toMatchObject({
      key: 'merton-ics-2020',
      name: original.name,
      builtIn: false,
      revision: 1,
      areaCount: 4,
      stageCount: 3,
      updatedBy: 'Lee Lead',
    });
    expect(imported.id).not.toBe(frameworkId);
    expect((await t.call(lead.id, 'frameworks.get', { frameworkId: imported.id })).framework).toEqual(original);
    // Exporting the imported copy gives the very same file.
    expect(await t.call(lead.id, 'frameworks.export', { frameworkId: imported.id })).toEqual(
      await t.call(lead.id, 'frameworks.export', { frameworkId }),
    );

    const library = await t.call(lead.id, 'frameworks.list', {});
    expect(library.map((f) => [f.id, f.builtIn])).toEqual([
      [frameworkId, true],
      [imported.id, false],
    ]);
  });

  it('fills in an optional source and notes a hand-written file leaves out', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const { source: _source, notes: _notes, ...bare } = (await t.call(lead.id, 'frameworks.get', { frameworkId })).framework;
    const imported = await t.call(lead.id, 'frameworks.import', { json: JSON.stringify({ ...bare, name: 'Bare Merton' }) });
    const stored = (await t.call(lead.id, 'frameworks.get', { frameworkId: imported.id })).framework;
    expect(stored.source).toBe('');
    expect(stored.notes).toEqual([]);
    expect(stored.areas).toEqual(bare.areas);
  });

  it('lets an evaluation be run on an imported framework', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const { json } = await t.call(lead.id, 'frameworks.export', { frameworkId });
    const imported = await t.call(lead.id, 'frameworks.import', { json });
    const evaluation = await t.call(lead.id, 'evaluations.create', { name: 'Imported run', reference: 'IR-1', frameworkId: imported.id });
    const detail = await t.call(lead.id, 'evaluations.get', { evaluationId: evaluation.id });
    expect(detail.framework).toEqual(FrameworkSchema.parse(JSON.parse(json)));
  });
});

describe('editing a copy of a framework', () => {
  it('duplicates the built-in framework under a new name, leaving the built-in untouched', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const original = (await t.call(lead.id, 'frameworks.get', { frameworkId })).framework;
    const copy = await t.call(lead.id, 'frameworks.duplicate', { frameworkId, name: 'Merton (local)' });
    expect(copy).toMatchObject({ name: 'Merton (local)', builtIn: false, revision: 1, updatedBy: 'Lee Lead' });
    expect((await t.call(lead.id, 'frameworks.get', { frameworkId: copy.id })).framework).toEqual({ ...original, name: 'Merton (local)' });
    expect(await t.call(lead.id, 'frameworks.get', { frameworkId })).toMatchObject({
      summary: { revision: 1, name: original.name },
      framework: original,
    });
  });

  it('saves an edit as revision 2 and keeps revision 1 readable in framework_revisions', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const copy = await t.call(lead.id, 'frameworks.duplicate', { frameworkId, name: 'Merton (local)' });
    const revision1 = (await t.call(lead.id, 'frameworks.get', { frameworkId: copy.id })).framework;
    const edited: Framework = {
      ...revision1,
      areas: revision1.areas.map((a, i) => (i === 0 ? { ...a, questions: [...a.questions, 'How will the board hear from residents?'] } : a)),
    };

    const saved = await t.call(lead.id, 'frameworks.saveRevision', { frameworkId: copy.id, basedOnRevision: 1, framework: edited });
    expect(saved).toMatchObject({ id: copy.id, revision: 2, name: 'Merton (local)' });
    expect((await t.call(lead.id, 'frameworks.get', { frameworkId: copy.id })).framework).toEqual(edited);

    const rows = queryRows<{ revision: number; body: string; saved_by: string }>(
      t.core.databaseFile,
      'SELECT revision, body, saved_by FROM framework_revisions WHERE framework_id = ? ORDER BY revision',
      copy.id,
    );
    expect(rows.map((r) => [r.revision, r.saved_by])).toEqual([
      [1, lead.id],
      [2, lead.id],
    ]);
    expect(FrameworkSchema.parse(JSON.parse(rows[0]!.body))).toEqual(revision1);
    expect(FrameworkSchema.parse(JSON.parse(rows[1]!.body)).areas[0]?.questions.at(-1)).toBe('How will the board hear from residents?');
    // The export names the revision it came from.
    expect((await t.call(lead.id, 'frameworks.export', { frameworkId: copy.id })).fileName).toBe('merton-local-r2.framework.json');
  });

  it('does not add a revision of the built-in framework each time the app starts', async () => {
    const t = makeCore();
    const { lead, frameworkId } = await leadWithEvaluation(t);
    const again = t.reopen().reopen();
    expect((await again.call(lead.id, 'frameworks.get', { frameworkId })).summary.revision).toBe(1);
    expect(queryRows(again.core.databaseFile, 'SELECT COUNT(*) AS n FROM framework_revisions')).toEqual([{ n: 1 }]);
  });
});
