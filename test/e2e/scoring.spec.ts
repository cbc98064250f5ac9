import type { Locator, Page } from '@playwright/test';
import { callApi, demoOpenForScoring } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs, signInByKeyboard } from './support/people';
import { startHost, type RunningHost } from './support/web-host';

const EVALUATION = 'Demo: Merton integrated community services';
const A = 'Wandle Community Health Alliance';
const B = 'South London Integrated Care Partnership';
const AREAS = ['Governance and leadership', 'Transformation change', 'Commitment to culture change/continuous improvement', 'Managing resources'];
const CRITERIA = AREAS.flatMap((area) => ['Developing', 'Maturing', 'Thriving'].map((stage) => `${area} — ${stage}`));
const SCORES = [3, 4, 2, 3, 3, 1, 4, 2, 3, 5, 2, 3];
const rationale = (i: number) => `Criterion ${i + 1}: the response gives specific, verifiable evidence, set against the framework's indicators.`;

/** Presses Tab until the target has focus: the keyboard's way of getting somewhere, never a click. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Alice declares no conflict with bidder A and its members; bidder B she has yet to declare against. A has one evidence document. */
async function arrange(host: RunningHost) {
  const demo = await demoOpenForScoring(host);
  const alice = demo.person('Alice Jones');
  const bidderA = demo.evaluation.bidders.find((b) => b.name === A)!;
  for (const memberId of [null, ...bidderA.members.map((m) => m.id)]) {
    await callApi(host, alice, 'conflicts.declare', {
      evaluationId: demo.evaluationId,
      bidderId: bidderA.id,
      memberId,
      kind: 'none',
      description: '',
    });
  }
  await callApi(host, demo.leadPersonId, 'documents.add', {
    evaluationId: demo.evaluationId,
    bidderId: bidderA.id,
    fileName: 'board-terms-of-reference.txt',
    mediaType: 'text/plain',
    content: Buffer.from('Terms of reference of the joint board (fictional).'),
  });
  return demo;
}

test('an evaluator scores a bid by keyboard alone, is refused a seal with a missing rationale, seals, and the lead sees progress without scores', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  await arrange(host);
  await page.goto(host.url);

  // Alice Jones, by keyboard only: sign in with her profile and passphrase, open the evaluation and the "Score bids" tab.
  await signInByKeyboard(page, host, 'Alice Jones (demo)', (target) => tabTo(page, target));
  await tabTo(page, page.getByRole('button', { name: EVALUATION }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Score bids', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Score bids' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${A}.*0 of 12 criteria scored.*Start scoring`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${B}.*Declare conflicts first`) })).toBeVisible();
  await expect(page.getByText('Overall: 0 of 24 criteria scored; 0 of 2 bidders sealed.')).toBeVisible();
  await expectAccessible(page, 'the evaluator’s bidders');

  await tabTo(page, page.getByRole('button', { name: `Start scoring ${A}` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: `Score bids: ${A}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: CRITERIA[0] })).toBeFocused();
  await expect(page.getByText('Our fictional alliance is governed by a joint board')).toBeVisible();
  await expect(page.getByText('Shortcut: Ctrl + Enter from anywhere in the workspace.')).toBeVisible();
  await expectAccessible(page, 'the scoring workspace');

  for (const [i, name] of CRITERIA.entries()) {
    await expect(page.getByRole('heading', { level: 3, name })).toBeFocused();
    // Into the score: the first point, then down the scale with the arrow keys.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /^0 — No confidence/ })).toBeFocused();
    await page.keyboard.press('Space');
    for (let n = 0; n < SCORES[i]!; n += 1) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: new RegExp(`^${SCORES[i]} — `) })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Rationale (required)')).toBeFocused();
    // The first criterion is left without a rationale: the seal must refuse it.
    if (i > 0) await page.keyboard.type(rationale(i));
    if (i === 1) {
      await expect(page.getByText(/Saved at \d\d:\d\d:\d\d/)).toBeVisible();
      await expect(page.getByText(`${rationale(1).length} characters — long enough`)).toBeVisible();
      // An evidence reference and an indicator mark, still by keyboard.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Add an evidence reference' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Document (reference 1)')).toBeFocused();
      await page.keyboard.press('Tab');
      await page.keyboard.type('section 2, page 1');
      await tabTo(page, page.getByRole('group', { name: /^Robust governance and clear accountability/ }).getByRole('radio', { name: 'Not marked' }));
      await page.keyboard.press('ArrowRight');
      await expect(
        page.getByRole('group', { name: /^Robust governance and clear accountability/ }).getByRole('radio', { name: 'Evidenced', exact: true }),
      ).toBeChecked();
      await expectAccessible(page, 'a criterion being scored');
    }
    await page.keyboard.press('Control+Enter');
  }

  // After the last criterion, focus is on sealing; the missing rationale is refused with a clear message.
  await expect(page.getByRole('heading', { level: 3, name: 'Seal my scores for this bidder' })).toBeFocused();
  await expect(page.getByRole('button', { name: new RegExp(`^${AREAS[0]} — Developing\\s*, In progress`) })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Seal my scores for this bidder' })).toBeFocused();
  await page.keyboard.press('Enter');
  const problem = page.getByRole('alert');
  await expect(problem).toBeFocused();
  await expect(problem).toContainText('Your scores for this bidder cannot be sealed yet: 1 thing needs attention first.');
  await expect(problem.getByRole('button', { name: 'Governance and leadership — Developing: the rationale is missing' })).toBeVisible();
  await expectAccessible(page, 'a seal refused for a missing rationale');

  // The blocker leads back to the criterion; the rationale is completed, then sealing is reached from the navigator.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: CRITERIA[0] })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /^3 — / })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type(rationale(0));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Review and seal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('12 of 12 criteria complete')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 4, name: `Seal your scores for ${A}?` })).toBeFocused();
  await expect(page.getByText('This cannot be undone.')).toBeVisible();
  await expectAccessible(page, 'the seal confirmation');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Yes, seal my scores' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Sealed: everything is read-only.
  await expect(page.getByRole('heading', { level: 3, name: 'Sealed' })).toBeFocused();
  await expect(page.getByText(new RegExp(`You sealed your scores for ${A} on`))).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByText('Your sealed score')).toBeVisible();
  await expectAccessible(page, 'sealed scores, read-only');
  await page.getByRole('button', { name: new RegExp(`^${AREAS[0]} — Maturing`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('4 — Good confidence')).toBeVisible();
  await expect(page.getByText(rationale(1))).toBeVisible();
  await expect(page.getByText('board-terms-of-reference.txt, section 2, page 1')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Back to all your bidders' }), 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(`${A}.*12 of 12 criteria scored.*Sealed on`) })).toBeVisible();

  // The procurement lead sees who has declared, scored and sealed — and no score or rationale.
  await signInAs(page, host, 'Priya Shah (demo)'); // switching person first
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Panel progress');
  await expect(page.getByRole('row', { name: new RegExp(`Alice Jones.*${A}.*Declared: may take part.*12 of 12`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Alice Jones.*${B}.*Not yet declared.*0 of 12.*Not sealed`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Tom Okafor.*${A}.*Moderators do not score`) })).toBeVisible();
  await expect(page.getByText('1 of 6 evaluator × bidder assessments sealed')).toBeVisible();
  await expect(page.getByText(/Criterion \d+: the response/)).toHaveCount(0);
  await expect(page.getByText(/Good confidence|Moderate confidence/)).toHaveCount(0);
  await expectAccessible(page, 'panel progress');

  // The bid is fixed now that Alice has scored it: the lead corrects it only by an addendum, with the reason.
  await page.setViewportSize({ width: 1366, height: 768 });
  await openTab(page, 'Bids and evidence');
  const showA = page.getByRole('button', { name: `Show bid of ${A}` });
  if (await showA.count()) await showA.click();
  await expect(page.getByText(/^This bid is fixed: an evaluator started scoring it on /)).toBeVisible();
  await expect(page.getByLabel('Response to Governance and leadership')).toHaveCount(0);
  await page.getByLabel('Reason for the addendum (required)').fill('Clarification 2 from the bidder: the board’s chair is independent.');
  await page.getByLabel('Capability area whose response changes').selectOption({ label: AREAS[0]! });
  await page.getByLabel(`New response to ${AREAS[0]}`).fill('An independently chaired joint board meets monthly in public.');
  await page.getByRole('button', { name: 'Record the addendum' }).click();
  await expect(page.getByText('Addendum recorded. Evaluators who scored this bid are told.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 5, name: new RegExp(`^${AREAS[0]} response, `) })).toBeVisible();
  await expectAccessible(page, 'a fixed bid with an addendum');

  // Alice is told "changed since you sealed" and, by keyboard, revises one sealed score citing the addendum.
  await signInAs(page, host, 'Alice Jones (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Score bids');
  await page.getByRole('button', { name: `View your sealed scores for ${A}` }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'The bid has changed since you sealed' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: new RegExp(`^Changed since you sealed: ${AREAS[0]} response, `) })).toBeVisible();
  await expect(page.getByText('Clarification 2 from the bidder: the board’s chair is independent.')).toBeVisible();
  await expectAccessible(page, 'a sealed bid changed by an addendum');
  await tabTo(page, page.getByRole('button', { name: `Revise in light of this addendum (${CRITERIA[0]})` }), 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 4, name: /^Revise in light of the addendum of / })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /^3 — / })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('The addendum evidences an independently chaired board meeting monthly in public, which the bid lacked before.');
  await tabTo(page, page.getByLabel('Why the addendum changes your score (required)'));
  await page.keyboard.type('The chair’s independence is now evidenced.');
  await expectAccessible(page, 'a sealed score being revised in light of an addendum');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Record the revised score' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Your revised score for ${CRITERIA[0]} is recorded and sealed.`)).toBeVisible();
  await expect(page.getByText('4 — Good confidence')).toBeVisible();
  await expect(page.getByText(`You revised in light of it: ${CRITERIA[0]}.`)).toBeVisible();
});

/** Signs in as Alice and opens her workspace for bidder A at its first criterion's rationale. */
async function openAlicesWorkspace(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await signInAs(page, host, 'Alice Jones (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Score bids');
  await page.getByRole('button', { name: new RegExp(`scoring ${A}`) }).click();
  await expect(page.getByRole('heading', { level: 3, name: CRITERIA[0] })).toBeFocused();
  return page.getByLabel('Rationale (required)');
}

test('killing the host in the middle of typing loses at most the last second of input', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await arrange(host);
  const box = await openAlicesWorkspace(page, host);
  await box.focus();

  // Type at about 12 characters a second; kill the host outright (SIGKILL) 3 seconds in, and type on a little.
  const text = 'The joint board has signed terms of reference and a named accountable officer who reports monthly in public. ';
  const typedAt: number[] = [];
  let killedAt = 0;
  const start = Date.now();
  for (const character of text) {
    if (!killedAt && Date.now() - start >= 3000) {
      host.process.kill('SIGKILL');
      killedAt = Date.now();
    }
    if (killedAt && Date.now() - killedAt > 1500) break;
    await page.keyboard.type(character);
    typedAt.push(Date.now());
    await page.waitForTimeout(80);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Not saved:' })).toContainText('the app keeps trying to save it');
  await expect(box).toHaveValue(text.slice(0, typedAt.length));

  const restarted = await startHost(host.dataDir);
  try {
    const reopened = await browser.newPage();
    const persisted = await (await openAlicesWorkspace(reopened, restarted)).inputValue();
    const typedBeforeKill = typedAt.filter((t) => t <= killedAt).length;
    expect(text.startsWith(persisted)).toBe(true);
    // The oldest keystroke that did not survive was typed this long before the kill.
    const lostMs = persisted.length < typedBeforeKill ? killedAt - typedAt[persisted.length]! : 0;
    console.log(
      `[scoring e2e] typed ${typedBeforeKill} characters before SIGKILL; ${persisted.length} survived; lost ${typedBeforeKill - persisted.length} characters, the oldest typed ${lostMs} ms before the kill`,
    );
    expect(persisted.length).toBeGreaterThan(0);
    expect(lostMs).toBeLessThanOrEqual(1000);
    await reopened.close();
  } finally {
    await restarted.stop();
  }
});
