import type { Locator, Page } from '@playwright/test';
import { demoOpenForScoring } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs, signInByKeyboard } from './support/people';
import type { RunningHost } from './support/web-host';

const A = 'Wandle Community Health Alliance';
const B = 'South London Integrated Care Partnership';
const B_PARTNER = 'Raynes Park Community Interest Company';
const EVALUATION = 'Demo: Merton integrated community services';

/** Presses Tab until the target has focus: the keyboard's way of getting somewhere, never a click. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const bidder = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const subject = (page: Page, organisation: string) => page.getByRole('group', { name: new RegExp(`^${organisation} \\(`) });

/** Signs in as the person (switching person first if someone is signed in) and opens the demo evaluation. */
async function signInAndOpen(page: Page, host: RunningHost, name: string) {
  await signInAs(page, host, name);
  await page.getByRole('button', { name: EVALUATION }).click();
}

test('an evaluator declares by keyboard alone, is recused from a bidder, and the lead decides on the conflict', async ({ page, host }) => {
  test.slow(); // a long story, one key at a time
  await demoOpenForScoring(host);
  await page.goto(host.url);

  // Chen Li, by keyboard only: sign in with her profile and passphrase, open the evaluation and the conflicts tab.
  await signInByKeyboard(page, host, 'Chen Li (demo)', (target) => tabTo(page, target));
  await tabTo(page, page.getByRole('button', { name: EVALUATION }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Conflicts of interest', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Conflicts of interest' })).toBeVisible();
  await expect(bidder(page, A).getByText('Status: Not yet declared')).toBeVisible();
  await expect(bidder(page, B).getByText('Status: Not yet declared')).toBeVisible();
  await expectAccessible(page, 'declarations, nothing declared');

  // Bidder A and its four members: no conflict with any (Space on each group's first radio).
  const groupsOfA = bidder(page, A).getByRole('group');
  await expect(groupsOfA).toHaveCount(5);
  for (let i = 0; i < 5; i += 1) {
    await tabTo(page, groupsOfA.nth(i).getByRole('radio', { name: 'No conflict' }));
    await page.keyboard.press('Space');
  }
  await tabTo(page, bidder(page, A).getByRole('button', { name: `Declare for ${A}` }));
  await page.keyboard.press('Enter');
  await expect(bidder(page, A).getByText('5 declarations recorded')).toBeVisible();
  await expect(bidder(page, A).getByText('Status: Clear — you may see this bid')).toBeVisible();

  // Bidder B: no conflict, except a perceived one with its consortium partner; first without a description.
  for (const organisation of [`${B}`, 'Riverside Healthcare NHS Foundation Trust']) {
    await tabTo(page, subject(page, organisation).getByRole('radio', { name: 'No conflict' }));
    await page.keyboard.press('Space');
  }
  await tabTo(page, subject(page, B_PARTNER).getByRole('radio', { name: 'No conflict' }));
  await page.keyboard.press('ArrowRight'); // Actual
  await page.keyboard.press('ArrowRight'); // Perceived
  await expect(subject(page, B_PARTNER).getByRole('radio', { name: 'Perceived' })).toBeChecked();
  await tabTo(page, subject(page, 'Beddington Digital Health Ltd').getByRole('radio', { name: 'No conflict' }));
  await page.keyboard.press('Space');
  await tabTo(page, bidder(page, B).getByRole('button', { name: `Declare for ${B}` }));
  await page.keyboard.press('Enter');
  const problem = bidder(page, B).getByRole('alert');
  await expect(problem).toContainText(`Describe your conflict with ${B_PARTNER}`);
  await expect(problem).toBeFocused();
  await expect(bidder(page, B).getByText('Status: Not yet declared')).toBeVisible();
  await expectAccessible(page, 'declarations with a missing description');

  await tabTo(page, page.getByLabel(`Describe your conflict with ${B_PARTNER}`));
  await page.keyboard.type('My sister chairs the board of Raynes Park CIC.');
  await tabTo(page, bidder(page, B).getByRole('button', { name: `Declare for ${B}` }));
  await page.keyboard.press('Enter');
  await expect(bidder(page, B).getByText('4 declarations recorded')).toBeVisible();
  await expect(bidder(page, B).getByText('Status: Recused — you will see nothing of this bid')).toBeVisible();
  // A clear bidder may be opened from here; a recused one is linked to nowhere.
  await expect(page.getByRole('button', { name: `Score the bid of ${A}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Score the bid of ${B}` })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Your declarations, newest first' }).getByRole('row')).toHaveCount(10);
  await expectAccessible(page, 'declarations, recused from one bidder');

  // The procurement lead sees the declaration on the register and records a decision.
  await signInAndOpen(page, host, 'Priya Shah (demo)');
  await openTab(page, 'Conflicts register');
  await expect(page.getByText('9 declarations; 1 conflict awaits your decision.')).toBeVisible();
  await expectAccessible(page, 'conflicts register');
  await page.getByLabel('Person').selectOption({ label: 'Chen Li (demo)' });
  await page.getByLabel('Bidder').selectOption({ label: B });
  const row = page.getByRole('row', { name: new RegExp(`Chen Li.*${B_PARTNER}.*Perceived conflict.*My sister chairs`) });
  await expect(row).toContainText('Awaiting a decision');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(5);
  await row.getByRole('button', { name: `Record a decision on Chen Li (demo)’s conflict with ${B_PARTNER}` }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Decision on Chen Li \(demo\)’s perceived conflict/ })).toBeFocused();
  await expectAccessible(page, 'decision form');
  await page.getByRole('radio', { name: 'Permitted to take part, with the safeguards recorded' }).check();
  await page.getByLabel('Reason for the decision').fill('Her sister has no role in the service; a second evaluator double-scores the partner’s sections.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText(`Decision recorded on Chen Li (demo)’s conflict with ${B_PARTNER}`)).toBeVisible();
  await expect(row).toContainText('Permitted to take part, with the safeguards recorded: Her sister has no role');
  await expect(page.getByText('9 declarations; 0 conflicts await your decision.')).toBeVisible();
  await expectAccessible(page, 'conflicts register after a decision');

  // The permitted mitigation lifts Chen Li's recusal.
  await signInAndOpen(page, host, 'Chen Li (demo)');
  await openTab(page, 'Conflicts of interest');
  await expect(bidder(page, B).getByText('Status: Clear — you may see this bid')).toBeVisible();
  await expect(subject(page, B_PARTNER)).toContainText('The procurement lead’s decision: permitted to take part');
});

test('no conflicts with any bidder, after confirming; a later re-declaration supersedes and the register keeps both', async ({ page, host }) => {
  await demoOpenForScoring(host);
  await page.goto(host.url);
  await signInAndOpen(page, host, 'Alice Jones (demo)');
  await openTab(page, 'Conflicts of interest');

  await page.getByRole('button', { name: 'No conflicts with any bidder' }).click();
  await expect(page.getByText('You are about to declare that you have no conflict of interest with:')).toBeFocused();
  await expect(page.getByRole('listitem').filter({ hasText: B })).toContainText('Beddington Digital Health Ltd');
  await page.getByRole('button', { name: 'Declare no conflicts' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick the confirmation');
  await expectAccessible(page, 'no-conflicts confirmation with an error');
  await page.getByLabel('I confirm I have no conflict of interest with any of these organisations').check();
  await page.getByRole('button', { name: 'Declare no conflicts' }).click();
  await expect(page.getByText('No conflict declared with 9 organisations.')).toBeFocused();
  await expect(page.getByText('Status: Clear — you may see this bid')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'No conflicts with any bidder' })).toHaveCount(0);

  // Something comes to light: a potential conflict with B's subcontractor.
  const beddington = subject(page, 'Beddington Digital Health Ltd');
  await beddington.getByRole('radio', { name: 'Potential' }).check();
  await page.getByLabel('Describe your conflict with Beddington Digital Health Ltd').fill('I have been offered a job there from next year.');
  await bidder(page, B).getByRole('button', { name: `Declare for ${B}` }).click();
  await expect(bidder(page, B).getByText('1 declaration recorded')).toBeVisible();
  await expect(bidder(page, B).getByText('Status: Recused — you will see nothing of this bid')).toBeVisible();
  const history = page.getByRole('table', { name: 'Your declarations, newest first' });
  await expect(history.getByRole('row', { name: /Beddington.*No conflict.*superseded/ })).toBeVisible();
  await expect(history.getByRole('row', { name: /Beddington.*Potential conflict.*offered a job/ })).toBeVisible();
  await expectAccessible(page, 'declarations after a re-declaration');

  await signInAndOpen(page, host, 'Priya Shah (demo)');
  await openTab(page, 'Conflicts register');
  await page.getByLabel('Person').selectOption({ label: 'Alice Jones (demo)' });
  await expect(page.getByRole('row', { name: /Alice Jones.*Beddington.*No conflict\s*superseded/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Alice Jones.*Beddington.*Potential conflict.*Awaiting a decision/ })).toBeVisible();
});
