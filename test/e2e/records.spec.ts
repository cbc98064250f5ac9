import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { startHost } from './support/web-host';

const DB_FILE = 'capability-assessment.sqlite';

async function demoAsLead(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create the demo evaluation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo: Merton integrated community services' })).toBeVisible();
}

test('the procurement lead reads the audit trail, filtered, and it verifies', async ({ page, host }) => {
  await demoAsLead(page, host.url);
  await openTab(page, 'Weighting');
  await page.getByLabel('Weight of Governance and leadership (%)').fill('25');
  await page.getByRole('button', { name: 'Save weighting' }).click();
  await expect(page.getByText('Weighting saved.')).toBeVisible();
  await openTab(page, 'Audit trail');
  await expect(page.getByText(/The audit trail verifies: \d+ entries, unbroken\./)).toBeVisible();
  await expect(page.getByRole('row', { name: /evaluations\.saveWeights/ })).toBeVisible();
  await page.getByLabel('Kind of change').selectOption({ label: 'Set-up' });
  await expect(page.getByRole('row', { name: /demo\.create/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /evaluations\.saveWeights/ })).toBeVisible();
  await expectAccessible(page, 'audit trail');
});

test('an audit entry edited outside the app is detected and named when the evaluation opens', async ({ page, host }) => {
  await demoAsLead(page, host.url);
  const db = new Database(join(host.dataDir, DB_FILE));
  db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{"tampered":true}' WHERE seq = 1;`);
  db.close();
  await page.getByRole('button', { name: 'Evaluations' }).click();
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await expect(page.getByRole('alert')).toContainText('The audit trail has been tampered with');
  await expect(page.getByRole('alert')).toContainText('Entry 1 (demo.create');
  await expect(page.getByRole('alert')).toContainText('its content was changed after it was recorded');
  await expectAccessible(page, 'tampered audit banner');
});

test('backups: back up now, then restore an earlier backup after a confirmation', async ({ page, host }) => {
  await demoAsLead(page, host.url);
  await page.getByRole('button', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup made.')).toBeVisible();
  await expectAccessible(page, 'backups screen');
  await callApi(host, null, 'people.create', { name: 'Added After Backup' });
  await page.getByRole('row', { name: /Made by hand/ }).getByRole('button', { name: /Restore…/ }).click();
  await page.getByRole('button', { name: /Yes, restore the backup of/ }).click();
  await expect(page.getByText('Restored. The data as it was just before is kept as a backup too.')).toBeVisible();
  expect((await callApi(host, null, 'people.list', {})).map((p) => p.name)).not.toContain('Added After Backup');
  await expect(page.getByRole('row', { name: /Before a restore/ })).toBeVisible();
  await expectAccessible(page, 'backups after a restore');
});

test('a damaged data file opens in recovery, and restoring the newest backup brings the data back', async ({ page, host }) => {
  await demoAsLead(page, host.url);
  const [lead] = (await callApi(host, null, 'people.list', {})).filter((p) => p.name === 'Priya Shah (demo)');
  await callApi(host, lead!.id, 'backup.create', {});
  await host.stop();
  const fd = openSync(join(host.dataDir, DB_FILE), 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 0);
  closeSync(fd);
  const again = await startHost(host.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByRole('heading', { level: 1, name: 'The data needs recovering' })).toBeVisible();
    await expectAccessible(page, 'recovery screen');
    await page.getByRole('button', { name: /Restore the newest backup/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who is using the app?' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue as Priya Shah (demo)' }).click();
    await expect(page.getByRole('button', { name: 'Demo: Merton integrated community services' })).toBeVisible();
  } finally {
    await again.stop();
  }
});
