import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { validateDraft } from '../../../renderer/src/features/frameworks/validation';
import { leadWithEvaluation, makeCore, refusedAndUnchanged, type TestCore } from '../support/core';

/*
 * Panels, workbooks and score sheets tell capability areas and stages apart by their titles and labels,
 * so within one framework no two may read the same, whatever their case ("Ärzte" and "äRZTE" are one
 * title). A title may still start with = + - or @: it is only ever text.
 */

const indicators = (stages: readonly string[]) => Object.fromEntries(stages.map((s) => [s, []]));

/** A small framework with these capability area titles and stage labels. */
function frameworkWith(titles: readonly string[], labels: readonly string[]): Framework {
  const stageIds = labels.map((_, i) => `stage-${i + 1}`);
  return {
    schemaVersion: 1,
    id: 'hostile-words',
    name: 'Framework with hostile words',
    source: '',
    notes: [],
    stages: labels.map((label, i) => ({ id: stageIds[i]!, label, horizon: '' })),
    areas: titles.map((title, i) => ({ id: `area-${i + 1}`, title, questions: [], indicators: indicators(stageIds) })),
  };
}

async function lead(t: TestCore) {
  return (await leadWithEvaluation(t)).lead;
}

describe('capability area titles and stage labels within a framework', () => {
  it('importing a framework whose area titles differ only in case is refused, naming both titles, and nothing is stored', async () => {
    const t = makeCore();
    const person = await lead(t);
    const json = JSON.stringify(frameworkWith(['Ärzte Verbund', 'Managing resources', 'äRZTE VERBUND'], ['Developing', 'Thriving']));
    const error = await refusedAndUnchanged(t, person.id, 'frameworks.import', { json });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.message).toContain('areas.2.title');
    expect(error.message).toContain('"äRZTE VERBUND" is already the title of capability area 1 ("Ärzte Verbund")');
  });

  it('importing a framework whose stage labels read the same once case is folded (ß and SS) is refused, naming both labels', async () => {
    const t = makeCore();
    const person = await lead(t);
    const json = JSON.stringify(frameworkWith(['Governance'], ['Straße', 'Maturing', 'STRASSE']));
    const error = await refusedAndUnchanged(t, person.id, 'frameworks.import', { json });
    expect(error.message).toContain('stages.2.label');
    expect(error.message).toContain('"STRASSE" is already the label of stage 1 ("Straße")');
  });

  it('saving a revision that repeats a stage label is refused, and the framework stays at its revision', async () => {
    const t = makeCore();
    const person = await lead(t);
    const [builtIn] = await t.call(person.id, 'frameworks.list', {});
    const copy = await t.call(person.id, 'frameworks.duplicate', { frameworkId: builtIn!.id, name: 'Merton (local)' });
    const { framework } = await t.call(person.id, 'frameworks.get', { frameworkId: copy.id });
    const edited = { ...framework, stages: framework.stages.map((s, i) => (i === 2 ? { ...s, label: 'MATURING' } : s)) };
    const error = await refusedAndUnchanged(t, person.id, 'frameworks.saveRevision', { frameworkId: copy.id, basedOnRevision: 1, framework: edited });
    expect(error.message).toContain('"MATURING" is already the label of stage 2 ("Maturing")');
    expect((await t.call(person.id, 'frameworks.get', { frameworkId: copy.id })).summary.revision).toBe(1);
  });

  it('titles and labels that start like a formula are accepted and kept exactly as written', async () => {
    const t = makeCore();
    const person = await lead(t);
    const framework = frameworkWith(['=SUM(1,2)', '-Resources', '@Culture', '+Governance'], ['=Now', '-Next', '@Later']);
    const imported = await t.call(person.id, 'frameworks.import', { json: JSON.stringify(framework) });
    expect((await t.call(person.id, 'frameworks.get', { frameworkId: imported.id })).framework).toEqual(framework);
  });

  it('the framework editor names the repeated title on its field, with the message the core gives', () => {
    const checked = validateDraft(frameworkWith(['Ärzte Verbund', 'äRZTE VERBUND'], ['Developing', 'developing']));
    const refusal = checked.ok ? null : checked.result;
    if (!refusal || refusal.ok) throw new Error('the draft was accepted');
    expect(refusal.issues.map((i) => i.message)).toEqual([
      'Label of stage 2: the label "developing" is already the label of stage 1 ("Developing"); stage labels must differ, whatever their case',
      'Title of capability area 2: the title "äRZTE VERBUND" is already the title of capability area 1 ("Ärzte Verbund"); capability area titles must differ, whatever their case',
    ]);
  });
});
