import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { addProfile, expect, expectAccessible, openTab, test } from './support/fixtures';
import { E2E_PASSPHRASE, rememberPassphrase, signInAs } from './support/people';
import { startHost, type RunningHost } from './support/web-host';

const DB_FILE = 'capability-assessment.sqlite';

/** Makes the demo on the first screen, notes the lead's passphrase from the table shown once, and opens the demo as the lead. */
async function demoAsLead(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create the demo evaluation' }).click();
  const lead = page.getByRole('table', { name: 'Demo profiles and their passphrases' }).getByRole('row', { name: /Priya Shah \(demo\)/ });
  rememberPassphrase(host, 'Priya Shah (demo)', await lead.locator('code').innerText({ timeout: 45_000 })); // five passphrases hashed first
  await lead.getByRole('button', { name: 'Sign in as Priya Shah (demo)' }).click();
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo: Merton integrated community services' })).toBeVisible();
}

const personNamed = async (host: RunningHost, name: string) => (await callApi(host, null, 'people.list', {})).find((p) => p.name === name)!;

test('the procurement lead reads the audit trail, filtered, and it verifies', async ({ page, host }) => {
  await demoAsLead(page, host);
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
  await demoAsLead(page, host);
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
  // Backups are the installation administrator's: the first profile added on this computer.
  await page.goto(host.url);
  await addProfile(page, 'Pat Admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup made.')).toBeVisible();
  await expectAccessible(page, 'backups screen');
  const admin = await personNamed(host, 'Pat Admin');
  await callApi(host, admin.id, 'people.create', { name: 'Added After Backup' });
  await page.getByRole('row', { name: /Made by hand/ }).getByRole('button', { name: /Restore…/ }).click();
  await page.getByRole('button', { name: /Yes, restore the backup of/ }).click();
  // The restored record has its own people and passphrases: everyone signs in again.
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using the app?' })).toBeVisible();
  expect((await callApi(host, null, 'people.list', {})).map((p) => p.name)).not.toContain('Added After Backup');
  await signInAs(page, host, 'Pat Admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByRole('row', { name: /Before a restore/ })).toBeVisible();
  await expectAccessible(page, 'backups after a restore');
});

test('a damaged data file opens in recovery, and restoring the newest backup brings the data back', async ({ page, host }) => {
  await demoAsLead(page, host);
  // The installation administrator (the first profile that is not the demo's) makes the backup, and signs for its restore.
  await callApi(host, null, 'session.register', { name: 'Pat Admin', passphrase: E2E_PASSPHRASE });
  await callApi(host, (await personNamed(host, 'Pat Admin')).id, 'backup.create', {});
  await host.stop();
  const fd = openSync(join(host.dataDir, DB_FILE), 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 0);
  closeSync(fd);
  const again = await startHost(host.dataDir);
  try {
    await page.goto('about:blank'); // the host kept its port: load the app afresh, not just a new fragment
    await page.goto(again.url);
    await expect(page.getByRole('heading', { level: 1, name: 'The data needs recovering' })).toBeVisible();
    await expectAccessible(page, 'recovery screen');
    await page.getByLabel('Administrator’s name').fill('Pat Admin');
    await page.getByLabel('Administrator’s passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: /Restore the newest backup/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who is using the app?' })).toBeVisible();
    await signInAs(page, again, 'Priya Shah (demo)');
    await expect(page.getByRole('button', { name: 'Demo: Merton integrated community services' })).toBeVisible();
  } finally {
    await again.stop();
  }
});
