import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCore, refusedAndUnchanged, type TestCore } from '../support/core';
import { fillSheet, generate, importAs, RATIONALE, save, sealAddress, sheetScene, SOUTH_LONDON, WANDLE, type Scene } from './scene';

/*
 * Every tampered or wrong file is refused as a whole, with a message that names the sheet and cell,
 * and the database stays exactly as it was — every table row for row, and no audit entry.
 */

async function refusedAfter(t: TestCore, s: Scene, edit: (workbook: ExcelJS.Workbook) => void, evaluatorId = s.alice) {
  const { workbook } = await generate(t, s);
  fillSheet(workbook.getWorksheet(WANDLE)!, 12, { seal: 'Yes' });
  fillSheet(workbook.getWorksheet(SOUTH_LONDON)!, 12, { rows: 4 });
  edit(workbook);
  return refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(workbook), evaluatorId));
}

const paths = (error: { issues?: { path: string }[] }) => error.issues?.map((i) => i.path) ?? [];

describe('a tampered score sheet is refused, cell by cell, and changes nothing', () => {
  it('a changed criterion row', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => (wb.getWorksheet(WANDLE)!.getCell('A7').value = 'Leadership (our own wording)'));
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: 'The score sheet was not imported: 1 problem was found. Nothing was changed.' });
    expect(error.issues).toEqual([
      {
        path: `${WANDLE}!A7`,
        message: `Sheet '${WANDLE}', cell A7: expected “Governance and leadership” but found “Leadership (our own wording)”: criterion rows and headings must not be changed, moved or deleted`,
      },
    ]);
  });

  it('a row inserted above the criteria: the first changed cells are listed and the rest counted', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => wb.getWorksheet(SOUTH_LONDON)!.spliceRows(6, 0, ['An extra row']));
    const messages = error.issues!.map((i) => i.message);
    expect(
      messages.filter((m) => m.startsWith(`Sheet '${SOUTH_LONDON}', cell `) && m.includes('must not be changed, moved or deleted')),
    ).toHaveLength(5);
    expect(messages).toContainEqual(
      expect.stringMatching(new RegExp(`^Sheet '${SOUTH_LONDON}': \\d+ more cells of its criterion rows or headings differ`)),
    );
  });

  it('a score that is not on the scale, or not a score at all', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => {
      const sheet = wb.getWorksheet(WANDLE)!;
      sheet.getCell('E7').value = 6;
      sheet.getCell('E8').value = 'three';
      sheet.getCell('E9').value = { formula: '1+2', result: 3 };
      sheet.getCell('E10').value = 2.5;
    });
    expect(error.issues!.map((i) => i.message)).toEqual([
      `Sheet '${WANDLE}', cell E7: 6 is not on the scale (0–5)`,
      `Sheet '${WANDLE}', cell E8: “three” is not a score: enter a point of the scale (0–5)`,
      `Sheet '${WANDLE}', cell E9: a formula is not a score: enter a point of the scale (0–5)`,
      `Sheet '${WANDLE}', cell E10: 2.5 is not on the scale (0–5)`,
    ]);
  });

  it('another evaluator’s metadata', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => (wb.getWorksheet('_meta')!.getCell('B5').value = s.ben));
    expect(error.issues).toEqual([
      {
        path: '_meta!B5',
        message:
          "Sheet '_meta', cell B5: the metadata names Ben Carter (demo) as the evaluator, but this score sheet was generated for Alice Jones (demo)",
      },
    ]);
  });

  it('one evaluator’s genuine sheet imported as another’s', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, () => {}, s.ben);
    expect(error.issues).toEqual([
      {
        path: '_meta!B5',
        message: "Sheet '_meta', cell B5: this score sheet was generated for Alice Jones (demo), not Ben Carter (demo): import it as theirs",
      },
    ]);
  });

  it('metadata whose check value no longer matches (a changed date, or a re-signed structure)', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const dated = await refusedAfter(t, s, (wb) => (wb.getWorksheet('_meta')!.getCell('B6').value = '2020-01-01T00:00:00.000Z'));
    expect(paths(dated)).toEqual(['_meta!B6']);
    const checked = await refusedAfter(t, s, (wb) => (wb.getWorksheet('_meta')!.getCell('B8').value = 'f'.repeat(64)));
    expect(checked.issues![0]!.message).toContain('the metadata’s check value does not match');
  });

  it('a missing or too-short rationale for a scored criterion', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => {
      const sheet = wb.getWorksheet(SOUTH_LONDON)!;
      sheet.getCell('F6').value = null;
      sheet.getCell('F7').value = 'Good.';
    });
    expect(error.issues!.map((i) => i.message)).toEqual([
      `Sheet '${SOUTH_LONDON}', cell F6: the rationale is missing: every score needs one of at least 50 characters`,
      `Sheet '${SOUTH_LONDON}', cell F7: the rationale has 5 characters; at least 50 are required`,
    ]);
  });

  it('a renamed sheet, and an added one', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => {
      wb.getWorksheet(WANDLE)!.name = 'Wandle';
      wb.addWorksheet('My notes');
    });
    expect(error.issues!.map((i) => i.message)).toEqual([
      `Sheet 'Wandle', cell B4: this sheet holds the scores of bidder “${s.wandle.name}”, whose sheet was generated as “${WANDLE}”: sheets may not be renamed or reordered`,
      "Sheet 'My notes': this sheet is not part of the score sheet that was generated: sheets must not be added or renamed",
    ]);
  });

  it('seal set to Yes while criteria are unscored, and a seal that is neither Yes nor No', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => {
      wb.getWorksheet(SOUTH_LONDON)!.getCell(sealAddress(12)).value = 'Yes';
      wb.getWorksheet(WANDLE)!.getCell(sealAddress(12)).value = 'Maybe';
    });
    const messages = error.issues!.map((i) => i.message);
    expect(messages.filter((m) => m.includes('no score, but Seal (cell E19) is Yes'))).toHaveLength(8);
    expect(messages[0]).toBe(
      `Sheet '${SOUTH_LONDON}', cell E10: no score, but Seal (cell E19) is Yes: a bidder can be sealed only when every criterion has a score and a rationale`,
    );
    expect(messages).toContain(`Sheet '${WANDLE}', cell E19: “Maybe” is not Yes or No: choose Yes to seal these scores, or No`);
  });

  it('lists every problem at once, across sheets', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAfter(t, s, (wb) => {
      wb.getWorksheet(WANDLE)!.getCell('E6').value = 9;
      wb.getWorksheet(SOUTH_LONDON)!.getCell('F9').value = null;
      wb.getWorksheet(SOUTH_LONDON)!.getCell('B11').value = 'Thriving';
    });
    expect(paths(error)).toEqual([`${SOUTH_LONDON}!F9`, `${SOUTH_LONDON}!B11`, `${WANDLE}!E6`]);
    expect(error.message).toBe('The score sheet was not imported: 3 problems were found. Nothing was changed.');
  });
});

describe('what changed in the app since the sheet was generated', () => {
  it('refuses to import again once the evaluator has sealed the bidder', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { workbook } = await generate(t, s);
    fillSheet(workbook.getWorksheet(WANDLE)!, 12, { seal: 'Yes' });
    const file = await save(workbook);
    await t.call(s.leadId, 'scoreSheets.import', importAs(s, file));
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, file));
    expect(error.issues).toEqual([
      {
        path: `${WANDLE}!E19`,
        message: expect.stringMatching(
          new RegExp(
            `^Sheet '${WANDLE}', cell E19: Alice Jones \\(demo\\) sealed the scores for this bidder on .* UTC; sealed scores cannot be changed by anyone$`,
          ),
        ),
      },
    ]);
  });

  it('refuses a criterion saved differently in the app after the sheet was made', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { workbook } = await generate(t, s);
    const criterionId = s.criteria[1]!;
    await t.call(s.alice, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId: s.wandle.id,
      criterionId,
      score: 1,
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: {},
    });
    fillSheet(workbook.getWorksheet(WANDLE)!, 12, { rows: 3, scoreOf: () => 4 });
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(workbook)));
    expect(error.issues).toEqual([
      { path: `${WANDLE}!E7`, message: expect.stringContaining('Alice Jones (demo) saved this criterion in the app on') },
    ]);
  });

  it('refuses a rationale without a score where the app has a score, which would otherwise clear it', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const criterionId = s.criteria[0]!;
    await t.call(s.alice, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId: s.wandle.id,
      criterionId,
      score: 2,
      rationale: '',
      evidenceRefs: [],
      indicatorMarks: {},
    });
    const { workbook } = await generate(t, s);
    workbook.getWorksheet(WANDLE)!.getCell('F6').value = RATIONALE;
    workbook.getWorksheet(WANDLE)!.getCell('F7').value = RATIONALE; // no score in the app: kept as a draft rationale
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(workbook)));
    expect(error.issues).toEqual([
      {
        path: `${WANDLE}!E6`,
        message: `Sheet '${WANDLE}', cell E6: a rationale without a score, but there is a score for this criterion in the app: enter the score here too`,
      },
    ]);
  });

  it('refuses a bidder the evaluator has since declared a conflict with', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { workbook } = await generate(t, s);
    await s.declare(s.alice, s.wandle.id, 'actual');
    fillSheet(workbook.getWorksheet(WANDLE)!, 12, { rows: 1 });
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(workbook)));
    expect(error.issues).toEqual([
      { path: WANDLE, message: `Sheet '${WANDLE}': Alice Jones (demo) is now recused from this bidder, so none of this sheet can be imported` },
    ]);
  });

  it('refuses a sheet generated for another evaluation, or by another installation', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    // A second evaluation here, same lead, same evaluator, same bidders (the demo is made once per installation).
    const frameworkId = (await t.call(s.leadId, 'frameworks.list', {}))[0]!.id;
    const second = await t.call(s.leadId, 'evaluations.create', { name: 'Community services 2027', reference: 'CS-27', frameworkId });
    await t.call(s.leadId, 'panel.add', { evaluationId: second.id, personId: s.alice, role: 'evaluator' });
    for (const b of s.evaluation.bidders) {
      await t.call(s.leadId, 'bidders.add', {
        evaluationId: second.id,
        name: b.name,
        reference: b.reference,
        members: b.members.map((m) => ({ organisation: m.organisation, role: m.role })),
      });
    }
    const opened = await t.call(s.leadId, 'evaluations.openScoring', { evaluationId: second.id });
    const other = { ...s, evaluationId: second.id, evaluation: opened };
    for (const bidder of await t.call(s.alice, 'conflicts.mine', { evaluationId: second.id })) {
      for (const subject of bidder.subjects) {
        await t.call(s.alice, 'conflicts.declare', { evaluationId: second.id, bidderId: bidder.bidderId, memberId: subject.memberId, kind: 'none', description: '' });
      }
    }
    const { workbook } = await generate(t, other);
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(workbook)));
    expect(error.issues).toEqual([{ path: '_meta!B3', message: "Sheet '_meta', cell B3: this score sheet was generated for another evaluation" }]);

    const elsewhere = makeCore();
    const there = await sheetScene(elsewhere);
    const foreign = await generate(elsewhere, there);
    const unknown = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(foreign.workbook)));
    expect(unknown.issues![0]!.message).toContain('was not generated by this installation');
  });
});

describe('who may generate and import', () => {
  it('only the procurement lead, for an evaluator on the panel', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { file } = await generate(t, s);
    expect((await refusedAndUnchanged(t, s.alice, 'scoreSheets.generate', { evaluationId: s.evaluationId, evaluatorId: s.alice })).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusedAndUnchanged(t, s.alice, 'scoreSheets.import', importAs(s, file.content))).code).toBe('FORBIDDEN');
    const lead = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.generate', { evaluationId: s.evaluationId, evaluatorId: s.leadId });
    expect(lead).toMatchObject({ code: 'NOT_FOUND', message: 'Priya Shah (demo) is not an evaluator on this evaluation’s panel.' });
  });
});
