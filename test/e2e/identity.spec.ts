import { callApi, demoOpenForScoring } from './support/api';
import { expect, expectAccessible, test } from './support/fixtures';
import { E2E_PASSPHRASE, passphraseOf, signInAs } from './support/people';
import { startHost } from './support/web-host';

const EVALUATION = 'Demo: Merton integrated community services';
const A = 'Wandle Community Health Alliance';

test('a newcomer adds a profile with a strong passphrase, locks the screen, and only the right passphrase unlocks it', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using the app?' })).toBeVisible();
  await expect(page.getByText('The first profile added on this computer administers it')).toBeVisible();
  await expectAccessible(page, 'the first sign-in screen');

  // A weak passphrase is refused with the reason, and no profile is made.
  await page.getByLabel('Your full name').fill('Pat Procurement');
  await page.getByLabel('Choose a passphrase', { exact: true }).fill('123456789012');
  await page.getByLabel('Type the passphrase again', { exact: true }).fill('123456789012');
  await page.getByRole('button', { name: 'Add profile and sign in' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('This passphrase is too easy to guess.');
  await expect(refusal).toBeFocused();
  await expectAccessible(page, 'a weak passphrase refused');

  await page.getByLabel('Choose a passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Add profile and sign in' }).click();
  await expect(page.getByText('Signed in as Pat Procurement')).toBeVisible();
  // The first profile administers the installation.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Installation' })).toBeVisible();

  // Lock: the screen is hidden behind the lock; a wrong passphrase is refused, the right one carries on.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locked' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Evaluations', level: 1 })).toBeHidden();
  await expectAccessible(page, 'the lock screen');
  await page.getByLabel('Passphrase', { exact: true }).fill('not the right passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase is not right for Pat Procurement.');
  await expectAccessible(page, 'a wrong passphrase on the lock screen');
  await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Signed in as Pat Procurement')).toBeVisible();
  await expect(page.getByText('1 wrong passphrase was tried for your profile since you last signed in.')).toBeVisible();
  await expectAccessible(page, 'signed in again, told of the wrong passphrase');
  await page.screenshot({ path: 'test-results/screens/identity-signed-in.png' });
});

test('the app locks itself after the idle time the administrator set, and switching person needs the other person’s passphrase', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await callApi(host, null, 'session.register', { name: 'Pat Procurement', passphrase: E2E_PASSPHRASE });
  await callApi(host, null, 'session.register', { name: 'Sam Colleague', passphrase: E2E_PASSPHRASE });
  await page.clock.install();
  await page.goto(host.url);
  await signInAs(page, host, 'Pat Procurement');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Installation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This installation' })).toBeVisible();
  await expectAccessible(page, 'the installation screen');
  await page.screenshot({ path: 'test-results/screens/installation.png', fullPage: true });
  await page.getByLabel('Minutes without activity before the app locks').fill('1');
  await page.getByRole('button', { name: 'Save idle time' }).click();
  await expect(page.getByText('The app now locks after 1 minute without activity.')).toBeVisible();

  // Switching person ends the session; the next person needs their own passphrase.
  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using the app?' })).toBeVisible();
  await signInAs(page, host, 'Sam Colleague');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Installation' })).toHaveCount(0);

  // A minute and a bit without a key or a click: locked.
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { level: 1, name: 'Locked' })).toBeVisible();
  await expect(page.getByText('Locked after 1 minute without activity.')).toBeVisible();
  await expectAccessible(page, 'locked after the idle time');
  // The core ended the session too: nothing can be done with it any more.
  await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Signed in as Sam Colleague')).toBeVisible();
});

test('a forgotten passphrase: the administrator sets a new one, and the person must choose their own at once', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await callApi(host, null, 'session.register', { name: 'Pat Procurement', passphrase: E2E_PASSPHRASE });
  await callApi(host, null, 'session.register', { name: 'Eve Evaluator', passphrase: 'the one eve forgot entirely' });
  await page.goto(host.url);

  // Eve tries, and fails.
  await page.getByLabel('Your profile', { exact: true }).selectOption({ label: 'Eve Evaluator' });
  await page.getByLabel('Passphrase', { exact: true }).fill('was it purple donkey rain');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase is not right for Eve Evaluator.');
  await expectAccessible(page, 'a wrong passphrase on the sign-in screen');

  // The administrator sets her a new one.
  await signInAs(page, host, 'Pat Procurement');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Installation' }).click();
  await page.getByLabel('Person').selectOption({ label: 'Eve Evaluator' });
  await page.getByLabel('New passphrase for them').fill('temporary lantern harbour 91');
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(page.getByText('Eve Evaluator can now sign in with the passphrase you set, and must choose their own straight away.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Eve Evaluator.*with the passphrase you set/ })).toBeVisible();
  await expectAccessible(page, 'a passphrase set by the administrator');

  // Eve signs in with it and can do nothing before choosing her own.
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByLabel('Your profile', { exact: true }).selectOption({ label: 'Eve Evaluator' });
  await page.getByLabel('Passphrase', { exact: true }).fill('temporary lantern harbour 91');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your own passphrase' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectAccessible(page, 'choosing one’s own passphrase after a reset');
  await page.screenshot({ path: 'test-results/screens/choose-own-passphrase.png' });
  await page.getByLabel('The passphrase the administrator gave you').fill('temporary lantern harbour 91');
  await page.getByLabel('New passphrase', { exact: true }).fill('eves own quiet meadow song');
  await page.getByLabel('Type the new passphrase again').fill('eves own quiet meadow song');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  // Checking the old passphrase and hashing the new one each take about a second of scrypt.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Evaluations' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluations' })).toBeVisible();
});

test('a restarted host: the evaluator’s unsaved rationale is saved once she signs in again', async ({ page, host }) => {
  test.slow();
  await page.setViewportSize({ width: 1366, height: 768 });
  const demo = await demoOpenForScoring(host);
  const alice = demo.person('Alice Jones');
  const bidderA = demo.evaluation.bidders.find((b) => b.name === A)!;
  for (const memberId of [null, ...bidderA.members.map((m) => m.id)]) {
    await callApi(host, alice, 'conflicts.declare', { evaluationId: demo.evaluationId, bidderId: bidderA.id, memberId, kind: 'none', description: '' });
  }
  await page.goto(host.url);
  await signInAs(page, host, 'Alice Jones (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await page.getByRole('button', { name: 'Score bids', exact: true }).click();
  await page.getByRole('button', { name: `Start scoring ${A}` }).click();
  const rationale = page.getByLabel('Rationale (required)');
  await rationale.fill('Section 3 of the bid sets out a joint board with named accountable officers');
  await expect(page.getByText(/Saved at \d\d:\d\d:\d\d/)).toBeVisible();

  // The host stops; she keeps typing.
  const port = new URL(host.origin).port;
  await host.stop();
  await rationale.pressSequentially(', and minutes of its first three meetings.');
  await expect(page.getByRole('alert').filter({ hasText: 'The app is not answering' })).toBeVisible();
  await expect(page.getByText(/^Not saved: /)).toBeVisible();

  // `npm start` again on the same data folder: the same address, so the tab finds it; she signs in again.
  const again = await startHost(host.dataDir);
  try {
    expect(new URL(again.origin).port).toBe(port);
    await expect(page.getByRole('heading', { level: 1, name: 'Locked' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('You are signed out (the session ended or the app restarted).')).toBeVisible();
    await expectAccessible(page, 'locked after the host restarted');
    await page.getByLabel('Passphrase', { exact: true }).fill(passphraseOf(host, 'Alice Jones (demo)'));
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(rationale).toHaveValue('Section 3 of the bid sets out a joint board with named accountable officers, and minutes of its first three meetings.');
    await expect(page.getByText(/Saved at \d\d:\d\d:\d\d/)).toBeVisible({ timeout: 10_000 });
    const mine = await callApi(again, alice, 'scoring.mine', { evaluationId: demo.evaluationId, bidderId: bidderA.id });
    expect(mine.scores.map((s) => s.rationale)).toContain(
      'Section 3 of the bid sets out a joint board with named accountable officers, and minutes of its first three meetings.',
    );
  } finally {
    await again.stop();
  }
});
