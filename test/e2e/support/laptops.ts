import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { RunningHost } from './web-host';

/** Clicks, waits for the download it starts, and saves it in the folder under its suggested name. */
export async function saveDownload(page: Page, click: () => Promise<void>, folder: string) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

/** Another person's laptop: its own browser context (downloads allowed) on its own host, at 1366×768. */
export async function laptopPage(browser: Browser, host: RunningHost) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return { context, page };
}
