import { readFileSync } from 'node:fs';
import { scoredDemo, callApi } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';

test('the procurement lead exports the ranked results to Excel and the scores to CSV, with sensible file names', async ({ page, host }) => {
  test.slow(); // the real host hashes the demo's five passphrases, and each person's sign-in, at full scrypt cost
  const demo = await scoredDemo(host);
  await callApi(host, demo.leadPersonId, 'evaluations.saveDetails', { evaluationId: demo.evaluationId, name: 'ICS 2026 & beyond', reference: 'ICS-26' });
  await page.goto(host.url);
  await signInAs(page, host, 'Priya Shah (demo)');
  await page.getByRole('button', { name: 'ICS 2026 & beyond' }).click();
  await openTab(page, 'Export');
  await expectAccessible(page, 'export tab');

  await page.getByLabel('Security marking').fill('OFFICIAL-SENSITIVE: COMMERCIAL — BOARD');
  const workbookDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ranked results (Excel)' }).click();
  const workbook = await workbookDownload;
  expect(workbook.suggestedFilename()).toMatch(/^ICS-2026-beyond-\d{4}-\d{2}-\d{2}-ranked-results\.xlsx$/);
  const bytes = readFileSync((await workbook.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByText(/Saved ICS-2026-beyond-.*-ranked-results\.xlsx\./)).toBeVisible();

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scores (CSV)' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^ICS-2026-beyond-\d{4}-\d{2}-\d{2}-scores\.csv$/);
  expect(readFileSync((await csv.path())!, 'utf8')).toContain('kind,bidder,capability_area,stage,by,score');
  await expectAccessible(page, 'export tab after exporting');
});
