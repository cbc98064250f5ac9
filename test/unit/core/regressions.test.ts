import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings } from '../../../shared/domain/settings';
import { BUILT_IN_FRAMEWORKS } from '../../../electron/core/frameworks/built-in';
import { evaluationWithPanel, makeCore, refusedAndUnchanged } from '../support/core';

describe('a procurement lead leaving the panel', () => {
  it('cannot remove themselves, even when another lead remains, and is told who can', async () => {
    const t = makeCore();
    const { lead, evaluation } = await evaluationWithPanel(t);
    const second = await t.profile('Second Lead');
    await t.call(lead.id, 'panel.add', { evaluationId: evaluation.id, personId: second.id, role: 'lead' });
    const error = await refusedAndUnchanged(t, lead.id, 'panel.remove', { evaluationId: evaluation.id, personId: lead.id, reason: 'Leaving the council' });
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: 'You cannot remove yourself; ask another procurement lead to do it.' });
    const detail = await t.call(second.id, 'panel.remove', { evaluationId: evaluation.id, personId: lead.id, reason: 'Leaving the council' });
    expect(detail.panel.map((m) => m.name)).not.toContain(lead.name);
  });
});

describe('the spread tolerance', () => {
  it('is refused when it exceeds the widest possible spread of a scale that does not start at 0', () => {
    const framework = BUILT_IN_FRAMEWORKS[0]!;
    const settings = defaultSettings(framework);
    settings.scale = { points: [1, 2, 3, 4].map((value) => ({ value, label: `Point ${value}`, descriptor: `Descriptor ${value}` })) };
    settings.rules = { ...settings.rules, spreadTolerance: 4 };
    expect(checkSettings(settings, framework)).toEqual([
      { path: 'rules.spreadTolerance', message: 'the spread tolerance is larger than the widest possible spread on the scale' },
    ]);
    settings.rules = { ...settings.rules, spreadTolerance: 3 };
    expect(checkSettings(settings, framework)).toEqual([]);
  });
});
