import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCore, refusedAndUnchanged, type TestCore } from '../support/core';
import { fillSheet, generate, importAs, save, sheetScene, SOUTH_LONDON, WANDLE, type Scene } from './scene';

/*
 * Each bidder sheet names its bidder in locked cells (name in A1, id in B4). Excel cannot lock a workbook's
 * sheet tabs, so someone can swap, rename or drag them: the import holds each sheet's name, those cells and
 * its place to what was generated, so one bidder's scores are never recorded as another's.
 */

const MOVED = 'sheets may not be renamed or reordered';
const EDITED = 'the bidder’s name and id must not be changed';

/** Alice fills both sheets (Wandle completely and sealed, South London in part), then `edit` tampers with the file. */
async function filledThen(t: TestCore, s: Scene, edit: (workbook: ExcelJS.Workbook) => void) {
  const { workbook } = await generate(t, s);
  fillSheet(workbook.getWorksheet(WANDLE)!, 12, { seal: 'Yes', scoreOf: () => 5 });
  fillSheet(workbook.getWorksheet(SOUTH_LONDON)!, 12, { rows: 4, scoreOf: () => 1 });
  edit(workbook);
  return importAs(s, await save(workbook));
}

function swapTabNames(workbook: ExcelJS.Workbook, a: string, b: string) {
  const [first, second] = [workbook.getWorksheet(a)!, workbook.getWorksheet(b)!];
  first.name = 'swapping';
  second.name = a;
  first.name = b;
}

describe('a bidder sheet belongs to its bidder', () => {
  it('two sheets whose tab names were swapped are refused, each naming the bidder whose scores it holds, and no score is recorded', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => swapTabNames(wb, WANDLE, SOUTH_LONDON)),
    );
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: 'The score sheet was not imported: 2 problems were found. Nothing was changed.' });
    // Neither sheet is read for scores: its rows would be judged as the wrong bidder's.
    expect(error.issues).toEqual([
      {
        path: `${SOUTH_LONDON}!B4`,
        message: `Sheet '${SOUTH_LONDON}', cell B4: this sheet holds the scores of bidder “${s.wandle.name}”, whose sheet was generated as “${WANDLE}”: ${MOVED}`,
      },
      {
        path: `${WANDLE}!B4`,
        message: `Sheet '${WANDLE}', cell B4: this sheet holds the scores of bidder “${s.southLondon.name}”, whose sheet was generated as “${SOUTH_LONDON}”: ${MOVED}`,
      },
    ]);
    for (const bidder of [s.wandle, s.southLondon]) {
      const mine = await t.call(s.alice, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: bidder.id });
      expect(mine.scores.filter((e) => e.score !== null)).toEqual([]);
    }

    // The same sheets under their own names import, each bidder's scores as its own.
    const imported = await t.call(s.leadId, 'scoreSheets.import', await filledThen(t, s, () => {}));
    expect(imported.bidders.map((b) => [b.bidderName, b.filled])).toEqual([
      [s.southLondon.name, 4],
      [s.wandle.name, 12],
    ]);
    const wandle = await t.call(s.alice, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.wandle.id });
    expect(new Set(wandle.scores.map((e) => e.score))).toEqual(new Set([5]));
  });

  it('a renamed sheet is refused, naming its new name and the bidder it holds', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => (wb.getWorksheet(SOUTH_LONDON)!.name = 'SLIC')),
    );
    expect(error.issues).toEqual([
      {
        path: 'SLIC!B4',
        message: `Sheet 'SLIC', cell B4: this sheet holds the scores of bidder “${s.southLondon.name}”, whose sheet was generated as “${SOUTH_LONDON}”: ${MOVED}`,
      },
    ]);
  });

  it('a deleted sheet is refused as missing', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => wb.removeWorksheet(wb.getWorksheet(SOUTH_LONDON)!.id)),
    );
    expect(error.issues).toEqual([
      { path: SOUTH_LONDON, message: `Sheet '${SOUTH_LONDON}': this sheet is missing: sheets must not be renamed or deleted` },
    ]);
  });

  it('an edited bidder id is refused at its cell, whether made up or another bidder’s', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const madeUp = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => (wb.getWorksheet(WANDLE)!.getCell('B4').value = 'bidder-1')),
    );
    expect(madeUp.issues).toEqual([
      { path: `${WANDLE}!B4`, message: `Sheet '${WANDLE}', cell B4: expected the id of bidder “${s.wandle.name}” but found “bidder-1”: ${EDITED}` },
    ]);
    const borrowed = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => (wb.getWorksheet(WANDLE)!.getCell('B4').value = s.southLondon.id)),
    );
    expect(borrowed.issues).toEqual([
      {
        path: `${WANDLE}!B4`,
        message: `Sheet '${WANDLE}', cell B4: expected the id of bidder “${s.wandle.name}” but found “${s.southLondon.id}”: ${EDITED}`,
      },
    ]);
    const emptied = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => (wb.getWorksheet(WANDLE)!.getCell('B4').value = null)),
    );
    expect(emptied.issues![0]!.message).toBe(`Sheet '${WANDLE}', cell B4: expected the id of bidder “${s.wandle.name}” but found nothing: ${EDITED}`);
  });

  it('an edited bidder name is refused at its cell', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => (wb.getWorksheet(WANDLE)!.getCell('A1').value = s.southLondon.name)),
    );
    expect(error.issues).toEqual([
      { path: `${WANDLE}!A1`, message: `Sheet '${WANDLE}', cell A1: expected “${s.wandle.name}” but found “${s.southLondon.name}”: ${EDITED}` },
    ]);
  });

  it('reordered sheets are refused, each moved sheet named with where it was', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => {
        // exceljs orders sheets by orderNo, which it does not type.
        const [wandle, southLondon] = [WANDLE, SOUTH_LONDON].map((name) => wb.getWorksheet(name) as unknown as { orderNo: number });
        [wandle!.orderNo, southLondon!.orderNo] = [southLondon!.orderNo, wandle!.orderNo];
      }),
    );
    expect(error.issues).toEqual([
      { path: SOUTH_LONDON, message: `Sheet '${SOUTH_LONDON}': this sheet has been moved to position 3; it was generated at position 2: ${MOVED}` },
      { path: WANDLE, message: `Sheet '${WANDLE}': this sheet has been moved to position 2; it was generated at position 3: ${MOVED}` },
    ]);
  });

  it('a score sheet from before sheets carried their bidder’s id is refused, asking for a new one', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const error = await refusedAndUnchanged(
      t,
      s.leadId,
      'scoreSheets.import',
      await filledThen(t, s, (wb) => (wb.getWorksheet('_meta')!.getCell('B2').value = 'capability-assessment/score-sheet/1')),
    );
    expect(error.issues).toEqual([
      {
        path: '_meta!B2',
        message:
          "Sheet '_meta', cell B2: this score sheet was made by an earlier version of the app, whose sheets do not carry their bidder’s id: generate a new score sheet for this evaluator",
      },
    ]);
  });
});
