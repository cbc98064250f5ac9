import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addProfile, expect, expectAccessible, test } from './support/fixtures';

// The editor shows every field of a whole framework (hundreds of controls), so each axe check takes a few seconds.
test.describe.configure({ timeout: 120_000 });

const MERTON = 'Merton Integrated Community Services capability assessment';
const COPY = `${MERTON} (copy)`;

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Capability frameworks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capability frameworks' })).toBeVisible();
}

async function startAs(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await addProfile(page, name);
  await openLibrary(page);
}

async function duplicateMerton(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Duplicate ${MERTON}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: COPY })).toBeVisible();
}

const frameworkRows = (page: Page) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });

test('a procurement lead duplicates the Merton framework, renames an area, adds a stage, a question and a nested evidence indicator, saves, and sees them after reopening', async ({
  page,
  host,
}) => {
  await startAs(page, host.url, 'Pat Lead');
  await expectAccessible(page, 'framework library');
  await duplicateMerton(page);
  await expect(page.getByText('All changes are saved.')).toBeVisible();
  await expectAccessible(page, 'framework editor');

  // Rename a capability area: its heading and the names of its controls follow.
  const area = 'Governance, leadership and accountability';
  await page.getByLabel('Title of capability area 1').fill(area);
  await expect(page.getByRole('heading', { level: 3, name: `1. ${area}` })).toBeVisible();
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();

  // Add a stage: every capability area gets an (empty) list of evidence indicators for it.
  await page.getByLabel('New stage label').fill('Sustaining');
  await page.getByLabel('New stage horizon (optional)').fill('from 2025');
  await page.getByRole('button', { name: 'Add stage', exact: true }).click();
  await expect(page.getByLabel('Label of stage 4')).toHaveValue('Sustaining');
  await expect(page.getByRole('heading', { level: 4, name: /^Evidence indicators under Sustaining/ })).toHaveCount(4);

  // Add a guidance question: focus moves to the new, empty question.
  await page.getByRole('button', { name: `Add guidance question to ${area}`, exact: true }).click();
  const question = page.getByLabel(`Guidance question 5 in ${area}`, { exact: true });
  await expect(question).toBeFocused();
  await page.keyboard.type('How will the partners hold each other to account?');

  // Add an evidence indicator under the new stage, and a sub-item under it, all from the keyboard.
  await page.getByRole('button', { name: `Add evidence indicator under Sustaining in ${area}`, exact: true }).click();
  const indicator = page.getByLabel(`Text of evidence indicator 1 under Sustaining in ${area}`, { exact: true });
  await expect(indicator).toBeFocused();
  await page.keyboard.type('A shared outcomes framework is reviewed every year');
  await page.getByRole('button', { name: `Add sub-item to evidence indicator 1 under Sustaining in ${area}`, exact: true }).press('Enter');
  const subItem = page.getByLabel(`Text of evidence indicator 1.1 under Sustaining in ${area}`, { exact: true });
  await expect(subItem).toBeFocused();
  await page.keyboard.type('The review includes service users and carers');
  await expect(indicator).toHaveValue('A shared outcomes framework is reviewed every year');
  await expectAccessible(page, 'framework editor with unsaved changes');

  await page.getByRole('button', { name: 'Save framework' }).click();
  await expect(page.getByText('Saved as revision 2.')).toBeVisible();
  await expect(page.getByText('All changes are saved.')).toBeVisible();
  await expectAccessible(page, 'framework editor after saving');

  // Reopen it from the library.
  await openLibrary(page);
  await expect(page.getByRole('row', { name: new RegExp(`${escape(COPY)}.*4 areas × 4 stages.*2, by Pat Lead`) })).toBeVisible();
  await expectAccessible(page, 'framework library after saving');
  await page.getByRole('button', { name: `Edit ${COPY}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: COPY })).toBeVisible();
  await expect(page.getByLabel('Title of capability area 1')).toHaveValue(area);
  await expect(page.getByLabel('Label of stage 4')).toHaveValue('Sustaining');
  await expect(page.getByLabel('Horizon of stage 4')).toHaveValue('from 2025');
  await expect(page.getByLabel(`Guidance question 5 in ${area}`, { exact: true })).toHaveValue('How will the partners hold each other to account?');
  await expect(page.getByLabel(`Text of evidence indicator 1 under Sustaining in ${area}`, { exact: true })).toHaveValue(
    'A shared outcomes framework is reviewed every year',
  );
  await expect(page.getByLabel(`Text of evidence indicator 1.1 under Sustaining in ${area}`, { exact: true })).toHaveValue(
    'The review includes service users and carers',
  );
  await expect(page.getByText('All changes are saved.')).toBeVisible();
  await expectAccessible(page, 'reopened framework editor');
});

test('removing a stage or a capability area asks first, a draft that is not valid is refused with each problem named, and discarding restores the saved framework', async ({
  page,
  host,
}) => {
  await startAs(page, host.url, 'Pat Lead');
  await duplicateMerton(page);

  // Removing a stage asks first and says what else goes.
  await page.getByRole('button', { name: 'Remove stage Thriving', exact: true }).click();
  await expect(page.getByText('Removing the stage “Thriving” also removes its 8 evidence indicators from every capability area.')).toBeFocused();
  await expectAccessible(page, 'confirm removing a stage');
  await page.getByRole('button', { name: 'Cancel removing Thriving', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove stage Thriving', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Remove stage Thriving', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, remove stage Thriving', exact: true }).click();
  await expect(page.getByLabel('Label of stage 3')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 4, name: /^Evidence indicators under Thriving/ })).toHaveCount(0);

  // Moving and removing capability areas.
  await page.getByRole('button', { name: 'Move down capability area Governance and leadership', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: '2. Governance and leadership' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move down capability area Governance and leadership', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Remove capability area Managing resources', exact: true }).click();
  await expect(
    page.getByText('Removing the capability area “Managing resources” also removes its 4 guidance questions and 13 evidence indicators.'),
  ).toBeVisible();
  await expectAccessible(page, 'confirm removing a capability area');
  await page.getByRole('button', { name: 'Yes, remove capability area Managing resources', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Managing resources/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(3);

  // Empty text is refused before anything is saved, with each problem named.
  await page.getByLabel('Title of capability area 1').fill('');
  await page.getByRole('button', { name: 'Add evidence indicator under Developing in Governance and leadership', exact: true }).click();
  await page.getByRole('button', { name: 'Save framework' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('The framework was not saved: there are 2 problems to put right.');
  await expect(problems).toContainText('Title of capability area 1: a capability area needs a title');
  await expect(problems).toContainText('Evidence indicator 10 under Developing in Governance and leadership: an evidence indicator needs text');
  await expect(problems).toBeFocused();
  await expectAccessible(page, 'framework editor with problems');

  // Unsaved changes are kept while the user looks elsewhere in the app.
  await openLibrary(page);
  await expect(page.getByRole('row', { name: new RegExp(`${escape(COPY)} ?Unsaved changes`) })).toBeVisible();
  await expectAccessible(page, 'framework library with unsaved changes');
  await page.getByRole('button', { name: `Edit ${COPY}`, exact: true }).click();
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(page.getByLabel('Title of capability area 1')).toHaveValue('');

  // Discarding puts back the framework as last saved.
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByText('Your changes were discarded.')).toBeVisible();
  await expect(page.getByText('All changes are saved.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Label of stage 3')).toHaveValue('Thriving');
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(4);
  await expect(page.getByRole('heading', { level: 3, name: '1. Governance and leadership' })).toBeVisible();

  // Evidence indicators nest at most four deep; removing one takes its sub-items with it.
  const place = 'under Thriving in Managing resources';
  await page.getByRole('button', { name: `Add sub-item to evidence indicator 1 ${place}`, exact: true }).click();
  await page.keyboard.type('Level 2');
  await page.getByRole('button', { name: `Add sub-item to evidence indicator 1.1 ${place}`, exact: true }).click();
  await page.keyboard.type('Level 3');
  await page.getByRole('button', { name: `Add sub-item to evidence indicator 1.1.1 ${place}`, exact: true }).click();
  await expect(page.getByLabel(`Text of evidence indicator 1.1.1.1 ${place}`, { exact: true })).toBeFocused();
  await page.keyboard.type('Level 4');
  await expect(page.getByRole('button', { name: `Add sub-item to evidence indicator 1.1.1.1 ${place}`, exact: true })).toHaveCount(0);
  await expectAccessible(page, 'framework editor with nested evidence indicators');
  await page.getByRole('button', { name: `Remove evidence indicator 1.1.1.1 ${place}`, exact: true }).click();
  await expect(page.getByLabel(`Text of evidence indicator 1.1.1 ${place}`, { exact: true })).toBeFocused();
  await page.getByRole('button', { name: `Remove evidence indicator 1 ${place} with its 2 sub-items`, exact: true }).click();
  await expect(page.getByRole('button', { name: `Add evidence indicator ${place}`, exact: true })).toBeFocused();
  await expect(page.getByText('No evidence indicators yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByLabel(`Text of evidence indicator 1 ${place}`, { exact: true })).toHaveValue(/^Efficient use of resources/);

  await openLibrary(page);
  await expect(page.getByRole('row', { name: new RegExp(`${escape(COPY)}.*4 areas × 3 stages.*1, by Pat Lead`) })).toBeVisible();
  await expectAccessible(page, 'framework library with nothing unsaved');
});

test('the built-in framework cannot be edited, and "Duplicate to edit" opens an editable copy', async ({ page, host }) => {
  await startAs(page, host.url, 'Pat Lead');
  await page.getByRole('button', { name: `View ${MERTON}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: MERTON })).toBeVisible();
  await expect(page.getByText('This is a built-in framework, so it cannot be edited')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^\d\. / })).toHaveCount(4);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save framework' })).toHaveCount(0);
  await expectAccessible(page, 'built-in framework');

  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: COPY })).toBeVisible();
  await expect(page.getByLabel('Framework name')).toHaveValue(COPY);
  await expect(page.getByRole('button', { name: 'Save framework' })).toBeVisible();
  await expectAccessible(page, 'editable copy of the built-in framework');
  await openLibrary(page);
  await expect(page.getByRole('row', { name: new RegExp(`^${escape(MERTON)} ?Built-in`) })).toBeVisible();
  await expect(frameworkRows(page)).toHaveCount(2);
  await expectAccessible(page, 'framework library with the copy');
});

test('a framework file that is not valid is refused with a clear message and nothing is imported', async ({ page, host }) => {
  await startAs(page, host.url, 'Pat Lead');
  const fileInput = page.getByLabel('Framework file (JSON, at most 2 MB)');
  await expect(frameworkRows(page)).toHaveCount(1);

  await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('These are my notes, not a framework.') });
  await expect(page.getByRole('alert')).toContainText(
    '“notes.txt” was not imported. The file is not valid JSON, so it cannot be a capability framework.',
  );
  await expect(frameworkRows(page)).toHaveCount(1);
  await expectAccessible(page, 'library after refusing a file that is not JSON');

  const noAreas = {
    schemaVersion: 1,
    id: 'no-areas',
    name: 'A framework with no areas',
    stages: [{ id: 'developing', label: 'Developing', horizon: '' }],
  };
  await fileInput.setInputFiles({ name: 'no-areas.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(noAreas)) });
  await expect(page.getByRole('alert')).toContainText('“no-areas.json” was not imported. The file is not a valid capability framework');
  await expect(page.getByRole('alert')).toContainText('areas');
  await expect(frameworkRows(page)).toHaveCount(1);
  await expect(page.getByRole('row', { name: /A framework with no areas/ })).toHaveCount(0);
  await expectAccessible(page, 'library after refusing a framework with no areas');
});

test('a framework exported as JSON imports back', async ({ page, host }) => {
  await startAs(page, host.url, 'Pat Lead');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export JSON of ${MERTON}`, exact: true }).click();
  const download = await downloading;
  const fileName = download.suggestedFilename();
  expect(fileName).toMatch(/\.framework\.json$/);
  const json = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(json)).toMatchObject({ schemaVersion: 1, name: MERTON });
  await expect(page.getByText(`Exported ${fileName}.`)).toBeVisible();
  await expectAccessible(page, 'library after exporting');

  await page
    .getByLabel('Framework file (JSON, at most 2 MB)')
    .setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByText(`Imported “${fileName}”.`)).toBeVisible();
  await expect(frameworkRows(page)).toHaveCount(2);
  const imported = page.getByRole('row', { name: new RegExp(`^${escape(MERTON)} 4 areas × 3 stages 1, by Pat Lead`) });
  await expect(imported).toBeVisible();
  await expectAccessible(page, 'library after importing');

  // The imported copy is the user's own: it opens in the editor with the same content.
  await page.getByRole('button', { name: `Edit ${MERTON}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: MERTON })).toBeVisible();
  await expect(page.getByLabel('Title of capability area 4')).toHaveValue('Managing resources');
  await expect(page.getByLabel('Text of evidence indicator 1 under Thriving in Managing resources', { exact: true })).toHaveValue(
    /^Efficient use of resources/,
  );
  await expectAccessible(page, 'editor of the imported framework');
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
