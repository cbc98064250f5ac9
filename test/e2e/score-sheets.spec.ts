import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi, demoOpenForScoring } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';
import type { RunningHost } from './support/web-host';

/*
 * An evaluator scores in Excel: the procurement lead generates their score sheet in the Export tab, the
 * evaluator fills it in (here with exceljs), and the lead imports it; an altered file is refused with
 * every problem by sheet and cell.
 */

const WANDLE = 'Wandle Community Health…';
const SOUTH_LONDON = 'South London Integrated Care…';
const RATIONALE = 'Section 3 of the response evidences a joint board with published terms of reference and minutes.';

/** Alice declares no conflict with any bidder or consortium member, so her score sheet has both bidders. */
async function aliceClear(host: RunningHost) {
  const demo = await demoOpenForScoring(host);
  const alice = demo.person('Alice');
  for (const bidder of await callApi(host, alice, 'conflicts.mine', { evaluationId: demo.evaluationId })) {
    for (const subject of bidder.subjects) {
      await callApi(host, alice, 'conflicts.declare', {
        evaluationId: demo.evaluationId,
        bidderId: bidder.bidderId,
        memberId: subject.memberId,
        kind: 'none',
        description: '',
      });
    }
  }
  return { ...demo, alice };
}

async function fillIn(path: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const wandle = workbook.getWorksheet(WANDLE)!;
  for (let row = 6; row < 18; row++) {
    wandle.getCell(`E${row}`).value = 1 + (row % 5);
    wandle.getCell(`F${row}`).value = `${RATIONALE} (row ${row})`;
  }
  wandle.getCell('E19').value = 'Yes';
  const southLondon = workbook.getWorksheet(SOUTH_LONDON)!;
  southLondon.getCell('E6').value = 3;
  southLondon.getCell('F6').value = RATIONALE;
  edit(workbook);
  const out = join(tmpdir(), `filled-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`);
  await workbook.xlsx.writeFile(out);
  return out;
}

test('the lead generates an evaluator’s Excel score sheet, imports it filled in, and sees an altered one refused cell by cell', async ({
  page,
  host,
}) => {
  const demo = await aliceClear(host);
  await page.goto(host.url);
  await signInAs(page, host, 'Priya Shah (demo)');
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await openTab(page, 'Export');
  await expect(page.getByRole('heading', { name: 'Score sheets for evaluators working in Excel' })).toBeVisible();
  await expectAccessible(page, 'export tab with score sheets');

  await page.getByLabel('Evaluator', { exact: true }).selectOption({ label: 'Alice Jones (demo)' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Generate score sheet (Excel)' }).click();
  const sheet = await download;
  expect(sheet.suggestedFilename()).toBe('Demo-Merton-integrated-community-services-Alice-Jones-demo-score-sheet.xlsx');
  const generated = (await sheet.path())!;
  expect(readFileSync(generated).subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByText('Saved Demo-Merton-integrated-community-services-Alice-Jones-demo-score-sheet.xlsx: 2 bidders.')).toBeVisible();

  // An altered copy first: a score off the scale, a criterion row reworded, a rationale missing.
  const altered = await fillIn(generated, (wb) => {
    wb.getWorksheet(WANDLE)!.getCell('E7').value = 6;
    wb.getWorksheet(WANDLE)!.getCell('A8').value = 'Our governance';
    wb.getWorksheet(SOUTH_LONDON)!.getCell('F6').value = null;
  });
  await page.getByLabel('Completed score sheet for Alice Jones (demo)').setInputFiles(altered);
  await page.getByRole('button', { name: 'Import a completed score sheet' }).click();
  const problems = page.getByRole('alert');
  await expect(problems.getByRole('heading', { name: 'The score sheet was not imported' })).toBeVisible();
  await expect(problems).toContainText('3 problems were found. Nothing was changed.');
  await expect(problems.getByText(`Sheet '${WANDLE}', cell E7: 6 is not on the scale (0–5)`)).toBeVisible();
  await expect(
    problems.getByText(`Sheet '${WANDLE}', cell A8: expected “Governance and leadership” but found “Our governance”`, { exact: false }),
  ).toBeVisible();
  await expect(problems.getByText(`Sheet '${SOUTH_LONDON}', cell F6: the rationale is missing`, { exact: false })).toBeVisible();
  await expect(problems).toBeFocused();
  await expectAccessible(page, 'score sheet refused');
  const untouched = await callApi(host, demo.alice, 'scoring.mine', {
    evaluationId: demo.evaluationId,
    bidderId: demo.evaluation.bidders.find((b) => b.name.startsWith('Wandle'))!.id,
  });
  expect(untouched).toEqual({ scores: [], sealedAt: null });

  // The evaluator's real answers.
  const filled = await fillIn(generated, () => {});
  await page.getByLabel('Completed score sheet for Alice Jones (demo)').setInputFiles(filled);
  await page.getByRole('button', { name: 'Import a completed score sheet' }).click();
  const table = page.getByRole('table', { name: 'Imported as Alice Jones (demo)’s scores' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /Wandle Community Health Alliance/ })).toContainText(/12 of 12\s*Sealed/);
  await expect(table.getByRole('row', { name: /South London Integrated Care Partnership/ })).toContainText(/1 of 12\s*Not sealed/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'score sheet imported');

  const wandle = await callApi(host, demo.alice, 'scoring.mine', {
    evaluationId: demo.evaluationId,
    bidderId: demo.evaluation.bidders.find((b) => b.name.startsWith('Wandle'))!.id,
  });
  expect(wandle.sealedAt).not.toBeNull();
  expect(wandle.scores).toHaveLength(12);
  expect(new Set(wandle.scores.map((s) => s.provenance))).toEqual(new Set(['excel-import']));
});

test('a file that is not a workbook is refused before it is sent', async ({ page, host }) => {
  await aliceClear(host);
  await page.goto(host.url);
  await signInAs(page, host, 'Priya Shah (demo)');
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await openTab(page, 'Export');
  const notes = join(tmpdir(), `notes-${Date.now()}.txt`);
  writeFileSync(notes, 'Scores to follow.');
  await page.getByLabel('Completed score sheet for Alice Jones (demo)').setInputFiles(notes);
  await page.getByRole('button', { name: 'Import a completed score sheet' }).click();
  await expect(page.getByRole('alert')).toContainText(/“notes-\d+\.txt” is not an Excel workbook \(\.xlsx\)/);
  const renamed = join(tmpdir(), `renamed-${Date.now()}.xlsx`);
  writeFileSync(renamed, 'Scores to follow.');
  await page.getByLabel('Completed score sheet for Alice Jones (demo)').setInputFiles(renamed);
  await page.getByRole('button', { name: 'Import a completed score sheet' }).click();
  await expect(page.getByRole('alert')).toContainText('This file is not an Excel workbook (.xlsx): it is not a zip archive');
  await expectAccessible(page, 'not a workbook');
});
