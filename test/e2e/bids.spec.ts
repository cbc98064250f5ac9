import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../shared/api/submissions';
import { demoOpenForScoring } from './support/api';
import { onePagePdf, TINY_PNG, writeFolder } from './support/bid-folder';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';

const WANDLE = 'Wandle Community Health Alliance';

test('the procurement lead imports a folder of bids, records a response and opens evidence inside the app', async ({ page, host }) => {
  test.slow(); // the real host hashes the demo's five passphrases, and each person's sign-in, at full scrypt cost
  const { evaluation } = await demoOpenForScoring(host);
  // One sub-folder named after a bidder, one after the other bidder's reference, one matching nobody.
  const folder = writeFolder('Bids received', {
    [`${WANDLE}/governance-chart.png`]: TINY_PNG,
    [`${WANDLE}/method-statement.pdf`]: onePagePdf('Method statement'),
    [`${WANDLE}/finance.xlsx`]: Buffer.from('PK\u0003\u0004 fictional workbook', 'latin1'),
    [`${WANDLE}/copies/governance-chart (copy).png`]: TINY_PNG,
    ['bid-002/delivery-plan.pdf']: onePagePdf('Delivery plan'),
    ['bid-002/notes.txt']: 'Clarification notes',
    ['bid-002/site-video.bin']: Buffer.alloc(MAX_DOCUMENT_BYTES + 1),
    ['Late Bidder Ltd/letter.pdf']: onePagePdf('Late'),
  });

  try {
    await page.goto(host.url);
    await signInAs(page, host, 'Priya Shah (demo)');
    await page.getByRole('button', { name: evaluation.name }).click();
    await openTab(page, 'Bids and evidence');
    await page.getByRole('button', { name: `Show bid of ${WANDLE}` }).click();
    await expect(page.getByRole('heading', { level: 3, name: `Bid of ${WANDLE}` })).toBeVisible();
    await expect(page.getByLabel('Response to Governance and leadership')).toHaveValue(/joint board/);
    await expectAccessible(page, 'bids tab');

    // Every status the import announces, as a screen reader would hear them.
    const status = page.locator('.folder-import [role="status"]');
    await status.evaluate((element) => {
      const seen: string[] = [];
      (window as unknown as { importStatuses: string[] }).importStatuses = seen;
      new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, { childList: true, subtree: true, characterData: true });
    });
    const started = Date.now();
    await page.getByLabel('Folder of bids (one sub-folder per bidder)').setInputFiles(folder);
    await expect(status).toHaveText('Finished: 5 files imported, 1 already stored, 2 not stored.');
    const importMs = Date.now() - started;
    const statuses = await page.evaluate(() => (window as unknown as { importStatuses: string[] }).importStatuses);
    expect(statuses).toContain('Imported 1 of 6 files…');
    expect(statuses).toContain('Imported 5 of 6 files…');
    await expect(page.getByLabel('Progress of the folder import')).toHaveAttribute('value', '6');
    test.info().annotations.push({ type: 'timing', description: `imported 6 files (2 bidders) in ${importMs} ms` });

    const report = page.getByRole('region', { name: 'Report of the folder import' });
    await expect(report.getByRole('heading', { name: 'Imported: 5' })).toBeVisible();
    await expect(report.getByRole('heading', { name: 'Duplicates (already stored for this bidder): 1' })).toBeVisible();
    await expect(report.getByText(`${WANDLE}/copies/governance-chart (copy).png — ${WANDLE} (same content as “governance-chart.png”)`)).toBeVisible();
    await expect(report.getByRole('heading', { name: 'Skipped: the folder matches no bidder: 1' })).toBeVisible();
    await expect(report.getByText('Late Bidder Ltd/letter.pdf (no bidder is named “Late Bidder Ltd”)')).toBeVisible();
    await expect(report.getByRole('heading', { name: 'Too large (over 25 MB): 1' })).toBeVisible();
    await expect(report.getByText('bid-002/site-video.bin — South London Integrated Care Partnership (25.01 MB)')).toBeVisible();
    await expectAccessible(page, 'bids tab after a folder import');

    const overview = page.getByRole('table', { name: 'Bids received' });
    // Three documents for Wandle: the copy of the chart was not stored again.
    await expect(overview.getByRole('row', { name: new RegExp(WANDLE) }).getByRole('cell')).toHaveText(['4 of 4 capability areas', '3', 'Shown below']);
    await expect(overview.getByRole('row', { name: /South London/ }).getByRole('cell')).toHaveText(['4 of 4 capability areas', '2', /Show bid/]);

    // A new version of a response, showing who saved it.
    const response = page.getByLabel('Response to Governance and leadership');
    await response.fill('Revised after clarification: an independently chaired joint board meets monthly in public.');
    await page.getByRole('button', { name: 'Save response to Governance and leadership' }).click();
    await expect(page.getByText('Response to Governance and leadership saved.')).toBeVisible();
    await expect(page.getByText(/^Version 2, saved by Priya Shah \(demo\) on /)).toBeVisible();

    // The documents list identifies each document; images and PDFs open inside the app.
    const documents = page.getByRole('table', { name: `Evidence documents of ${WANDLE}` });
    const pngRow = documents.getByRole('row', { name: /governance-chart\.png/ });
    await expect(pngRow).toContainText('PNG image');
    await expect(pngRow).toContainText('Priya Shah (demo)');
    await expect(documents.getByRole('row', { name: /method-statement\.pdf/ })).toContainText('PDF');
    await expect(documents.getByRole('row', { name: /finance\.xlsx/ })).toContainText('Excel spreadsheet');

    await page.getByRole('button', { name: 'Open governance-chart.png' }).click();
    const image = page.getByRole('img', { name: 'governance-chart.png' });
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expectAccessible(page, 'an image evidence document open');

    await page.getByRole('button', { name: 'Open method-statement.pdf' }).click();
    const pdf = page.locator('iframe[title="method-statement.pdf"]');
    await expect(pdf).toBeVisible();
    await expect(pdf).toHaveAttribute('src', /^blob:/);
    // Chromium's own PDF viewer has taken the frame: the document is shown, not downloaded.
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://'))).toBe(true);
    await expectAccessible(page, 'a PDF evidence document open');

    await page.getByRole('button', { name: 'Open finance.xlsx' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Save a copy to open it in its own application/ }).click();
    expect((await download).suggestedFilename()).toBe('finance.xlsx');
    await expectAccessible(page, 'a spreadsheet evidence document offered as a copy');
  } finally {
    rmSync(dirname(folder), { recursive: true, force: true });
  }
});
