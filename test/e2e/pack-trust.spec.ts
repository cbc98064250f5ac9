import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, demoOpenForScoring } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { packSignedElsewhere } from './support/forge-pack';
import { E2E_PASSPHRASE, signInAs } from './support/people';
import { laptopPage, saveDownload } from './support/laptops';
import { freshDataDir, removeDataDir, startHost, type RunningHost } from './support/web-host';

/*
 * Three data folders: the procurement lead's and two evaluators' laptops. The lead's computer signs every
 * pack, and both sides see the same six words. A pack carries bids only once its evaluator has declared:
 * Alice's first pack lets her declare, her return brings the declarations, and the second pack the bids.
 * Ben's laptop, holding his genuine pack, refuses the same pack signed by another computer.
 */

const EVALUATION = 'Demo: Merton integrated community services';
const A = 'Wandle Community Health Alliance';
const B = 'South London Integrated Care Partnership';
const PASSPHRASES = { alice: 'amber kettle orbit sixty', ben: 'violet canal drum ninety' } as const;

async function makePack(page: Page, evaluator: string, passphrase: string, folder: string) {
  await page.getByLabel('Evaluator', { exact: true }).selectOption({ label: evaluator });
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase again').fill(passphrase);
  return (await saveDownload(page, () => page.getByRole('button', { name: 'Make the pack' }).click(), folder)).path;
}

/** Opens a pack on a laptop: signed out the first time (choosing a profile passphrase), signed in afterwards. */
async function openPackOn(page: Page, path: string, passphrase: string, signedOut: boolean) {
  if (!signedOut) await page.getByRole('button', { name: 'Evaluations', exact: true }).click();
  await page.getByLabel('Evaluator pack file').setInputFiles(path);
  await page.getByLabel('The pack’s passphrase').fill(passphrase);
  if (signedOut) {
    await page.getByLabel('Choose a passphrase for your profile on this computer').fill(E2E_PASSPHRASE);
    await page.getByLabel('Type your profile passphrase again').fill(E2E_PASSPHRASE);
  }
  await page.getByRole('button', { name: 'Open the pack' }).click();
}

const wordsIn = async (page: Page, near: RegExp) => (await page.getByText(near).locator('strong.fingerprint').textContent())!.trim();

test('the lead’s computer signs every pack, bids follow declarations, and a pack signed elsewhere is refused', async ({ page, host, browser }) => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'capability-pack-trust-'));
  const laptops: RunningHost[] = [];
  try {
    const demo = await demoOpenForScoring(host);
    const { evaluationId, person } = demo;

    // The lead: the signature words, then a pack for each evaluator, neither of whom has declared yet.
    await page.goto(host.url);
    await signInAs(page, host, 'Priya Shah (demo)');
    await page.getByRole('button', { name: EVALUATION }).click();
    await openTab(page, 'Packs and returns');
    const words = await wordsIn(page, /This computer signs every pack/);
    /** A new laptop: its own data folder and host; the evaluator opens their pack signed out and sees the lead's words. */
    const firstPackOnNewLaptop = async (pack: string, passphrase: string, name: string) => {
      const host = await startHost(freshDataDir());
      laptops.push(host);
      const laptop = await laptopPage(browser, host);
      await openPackOn(laptop.page, pack, passphrase, true);
      await expect(laptop.page.getByText(`Signed in as ${name}`)).toBeVisible({ timeout: 20_000 });
      expect(await wordsIn(laptop.page, /Its signature is from the installation whose words are/)).toBe(words);
      return { host, ...laptop };
    };
    expect(words).toMatch(/^[a-z]+( [a-z]+){5}$/);
    await expectAccessible(page, 'packs and returns: the signature words');
    await page.getByRole('heading', { name: 'Make an evaluator pack' }).evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: 'test-results/pack-trust-lead-signature-words.png' });
    const alicePack = await makePack(page, 'Alice Jones (demo)', PASSPHRASES.alice, folder);
    const made = page.getByText(/^Saved .*Alice-Jones-demo\.capack/);
    await expect(made).toContainText('are not in it: the evaluator has not declared against them yet.');
    for (const bidder of [A, B]) await expect(made).toContainText(bidder);
    const benPack = await makePack(page, 'Ben Carter (demo)', PASSPHRASES.ben, folder);
    await expect(page.getByRole('row', { name: /Ben Carter \(demo\)/ })).toContainText(/Bids to follow once declared: \w/);
    await page.screenshot({ path: 'test-results/pack-trust-lead-packs.png' });

    // Alice's laptop: the same words, and what she must do before the bids come.
    const { host: aliceLaptop, ...alice } = await firstPackOnNewLaptop(alicePack, PASSPHRASES.alice, 'Alice Jones (demo)');
    const toDeclare = alice.page.getByText(/Bids arrive only after you declare: declare your interests for/);
    for (const bidder of [A, B]) await expect(toDeclare).toContainText(bidder);
    await expectAccessible(alice.page, 'a pack opened: signature words and bids to come');
    await alice.page.screenshot({ path: 'test-results/pack-trust-evaluator-first-pack.png' });

    // She declares (arranged through her laptop's API), and her return carries the declarations back.
    const aliceId = person('Alice');
    for (const bidder of await callApi(aliceLaptop, aliceId, 'conflicts.mine', { evaluationId })) {
      for (const subject of bidder.subjects) {
        await callApi(aliceLaptop, aliceId, 'conflicts.declare', { evaluationId, bidderId: bidder.bidderId, memberId: subject.memberId, kind: 'none', description: '' });
      }
    }
    // A reload ends the session (it lives in the page); she signs in again and opens the evaluation.
    await alice.page.reload();
    await signInAs(alice.page, aliceLaptop, 'Alice Jones (demo)');
    await alice.page.getByRole('button', { name: EVALUATION }).click();
    const toCome = alice.page.getByText(/You are clear to see the bids of/);
    for (const bidder of [A, B]) await expect(toCome).toContainText(bidder);
    const declared = (await saveDownload(alice.page, () => alice.page.getByRole('button', { name: 'Export my score return' }).click(), folder)).path;
    await page.getByLabel('Score return files (.careturn)').setInputFiles(declared);
    await page.getByRole('button', { name: 'Import returns' }).click();
    await expect(page.getByRole('list', { name: 'Import results' })).toContainText('Imported from Alice Jones (demo)');

    // The second pack carries both bids; opened on her laptop it leaves nothing to wait for.
    const second = await makePack(page, 'Alice Jones (demo)', PASSPHRASES.alice, folder);
    await expect(page.getByText(/^Saved .*Alice-Jones-demo\.capack/)).not.toContainText('are not in it');
    await openPackOn(alice.page, second, PASSPHRASES.alice, false);
    await expect(alice.page.getByRole('heading', { level: 2, name: 'Your score return' })).toBeVisible({ timeout: 20_000 });
    await expect(alice.page.getByText(/Bids arrive only after you declare|You are clear to see the bids of/)).toHaveCount(0);
    expect(await wordsIn(alice.page, /Its signature is from the installation whose words are/)).toBe(words);
    await alice.context.close();

    // Ben's laptop holds his genuine pack; the same pack signed by another computer is refused, naming both.
    const ben = await firstPackOnNewLaptop(benPack, PASSPHRASES.ben, 'Ben Carter (demo)');
    await openPackOn(ben.page, await packSignedElsewhere(benPack, PASSPHRASES.ben), PASSPHRASES.ben, false);
    const refusal = ben.page.getByRole('alert');
    await expect(refusal).toContainText('was signed by a different installation', { timeout: 20_000 });
    await expect(refusal).toContainText(`from the first pack opened for it here (“${words}”)`);
    await expectAccessible(ben.page, 'a pack signed elsewhere, refused');
    await ben.page.screenshot({ path: 'test-results/pack-trust-signed-elsewhere.png' });
    await ben.context.close();
  } finally {
    for (const laptop of laptops) {
      await laptop.stop();
      removeDataDir(laptop.dataDir);
    }
    rmSync(folder, { recursive: true, force: true });
  }
});
