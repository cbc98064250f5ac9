import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';
import { recordConsensus, scoredDemo } from './support/ranking-scene';
import type { RunningHost } from './support/web-host';

const WANDLE = 'Wandle Community Health Alliance';
const SOUTH_LONDON = 'South London Integrated Care Partnership';

async function openRankedResults(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await signInAs(page, host, 'Priya Shah (demo)');
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await openTab(page, 'Ranked results');
  await expect(page.getByRole('heading', { level: 3, name: 'Ranking' })).toBeVisible();
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('never reached by the keyboard');
}

test('the lead sees provisional results while a consensus is missing, then the final ranking with a threshold failure kept apart', async ({
  page,
  host,
}) => {
  const demo = await scoredDemo(host, [`BID-002 managing-resources/thriving`]);
  await openRankedResults(page, host);

  // Provisional: South London's last criterion has no consensus yet.
  await expect(page.getByRole('heading', { level: 3, name: 'Provisional — some criteria have no score yet' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText(`Not yet complete: ${SOUTH_LONDON}`);
  await expect(page.getByRole('definition').filter({ hasText: 'Consensus (moderated score)' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Equal totals are left as ties' })).toBeVisible();
  await expectAccessible(page, 'provisional ranked results');

  await recordConsensus(host, demo, (ref, c) => ref === 'BID-002' && c === 'managing-resources/thriving');
  await openTab(page, 'Details');
  await openTab(page, 'Ranked results');
  await expect(page.getByRole('heading', { name: 'Provisional — some criteria have no score yet' })).toHaveCount(0);

  // The ranked table: Wandle alone, 100 × 4 ÷ 5 = 80.00%, each capability area 20.00 of its 25.00.
  const ranked = page.getByRole('table', { name: /Ranked bidders/ });
  await expect(ranked.getByRole('row')).toHaveCount(3);
  const wandle = ranked.getByRole('row', { name: new RegExp(WANDLE) });
  await expect(wandle.getByRole('cell').first()).toHaveText('1');
  await expect(wandle).toContainText('80.00%');
  await expect(ranked.getByRole('columnheader', { name: 'Governance and leadership out of 25.00' })).toBeVisible();
  await expect(wandle.getByRole('cell').nth(2)).toHaveText('20.00');
  await expect(ranked).not.toContainText(SOUTH_LONDON);

  // South London fails the demo's threshold: shown apart, with the criterion, the score and the rule.
  const failures = page.getByRole('region', { name: 'Bidders failing a minimum threshold' });
  await expect(failures.getByRole('heading', { level: 4, name: SOUTH_LONDON })).toBeVisible();
  await expect(failures).toContainText('Weighted total 56.67%');
  const failure = failures.getByRole('row', { name: /Governance and leadership — Developing/ });
  await expect(failure.getByRole('cell').nth(0)).toHaveText('1');
  await expect(failure.getByRole('cell').nth(1)).toHaveText('A score below 2 on any Developing criterion fails');

  // Sensitivity: one more point on that criterion would bring South London into the top two.
  const decisive = page.getByRole('region', { name: 'Criteria that decide the outcome' });
  const row = decisive.getByRole('row', { name: /Governance and leadership — Developing/ });
  await expect(row).toContainText('+1 would change the top two');
  await expect(row).toContainText('No change to the order');
  await expectAccessible(page, 'final ranked results');
});

test('the charts show totals by stage, maturity profiles and the spread per criterion, each with its data', async ({ page, host }) => {
  await scoredDemo(host);
  await openRankedResults(page, host);

  const bars = page.getByRole('img', { name: /Weighted totals by stage/ });
  await expect(bars).toBeVisible();
  await expect(bars).toHaveAccessibleName(new RegExp(`${WANDLE}, rank 1: 80.00%`));
  const totals = page.getByRole('region', { name: 'Weighted totals by stage' });
  await totals.getByText('Show the data').click();
  const totalsData = totals.getByRole('table', { name: /Weighted totals by stage/ });
  await expect(totalsData.getByRole('row', { name: new RegExp(WANDLE) })).toContainText('26.67 of 33.34');
  await expect(totalsData.getByRole('row', { name: new RegExp(SOUTH_LONDON) })).toContainText('Not ranked: fails a minimum threshold');

  await expect(page.getByRole('img', { name: /Maturity profile of/ })).toHaveCount(2);
  const profiles = page.getByRole('region', { name: 'Maturity profiles' });
  await profiles.getByText('Show the data').nth(1).click();
  const southProfile = profiles.getByRole('table', { name: `Maturity profile of ${SOUTH_LONDON}: scores by capability area and stage` });
  await expect(southProfile.getByRole('row', { name: /^Governance and leadership/ })).toContainText('1Below minimum');

  // The spread chart, for Wandle first: Chen's 2 against two 4s on Governance — Developing is flagged.
  const spread = page.getByRole('region', { name: 'Spread of scores per criterion' });
  await expect(spread.getByRole('img', { name: /Spread of the evaluators’ sealed scores/ })).toHaveAccessibleName(
    /Governance and leadership — Developing: scores 4, 4, 2, spread 2, flagged/,
  );
  await spread.getByText('Show the data').click();
  const spreadData = spread.getByRole('table', { name: `Sealed scores per criterion for ${WANDLE}` });
  await expect(spreadData.getByRole('row', { name: /Governance and leadership — Developing/ })).toContainText('Flagged');
  await expectAccessible(page, 'ranked results with every chart’s data shown');

  // A keyboard user chooses another bidder.
  const select = spread.getByLabel('Bidder');
  await tabTo(page, select);
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue((await select.locator('option', { hasText: SOUTH_LONDON }).getAttribute('value')) ?? '');
  await expect(spread.getByRole('table', { name: `Sealed scores per criterion for ${SOUTH_LONDON}`, includeHidden: true })).toBeAttached();
  await expect(spread.getByRole('img', { name: /Spread of the evaluators’ sealed scores/ })).toHaveAccessibleName(
    /Governance and leadership — Developing: scores 1, 2, 1, spread 1, consensus \(moderated score\) 1/,
  );
  await expectAccessible(page, 'spread chart for the second bidder');
});

test('a keyboard user follows a decisive criterion to the moderation board of that bidder', async ({ page, host }) => {
  await scoredDemo(host);
  await openRankedResults(page, host);
  const link = page.getByRole('button', { name: `Open the moderation board for ${SOUTH_LONDON}` });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const tabs = page.getByRole('navigation', { name: 'Evaluation', exact: true });
  await expect(tabs.getByRole('button', { name: 'Moderation', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: /Moderation/ })).toBeVisible();
});

test('equal totals are shown as a tie, left unbroken as the demo’s set-up declares', async ({ page, host }) => {
  const demo = await scoredDemo(host);
  // New consensus versions give South London 4 everywhere, as Wandle has: 80.00% each.
  await recordConsensus(
    host,
    demo,
    (ref) => ref === 'BID-002',
    () => 4,
  );
  await openRankedResults(page, host);

  const ranked = page.getByRole('table', { name: /Ranked bidders/ });
  for (const name of [WANDLE, SOUTH_LONDON]) {
    const row = ranked.getByRole('row', { name: new RegExp(`^=1 Tied ${name}`) });
    await expect(row.getByRole('cell').first()).toHaveText('=1Tied');
    await expect(row).toContainText('80.00%');
    await expect(row).toContainText('left as a tie, as declared');
  }
  await expect(page.getByRole('region', { name: 'Bidders failing a minimum threshold' })).toContainText('No bidder fails a minimum threshold.');
  await expect(page.getByRole('img', { name: /Weighted totals by stage/ })).toHaveAccessibleName(new RegExp(`${SOUTH_LONDON}, rank =1: 80.00%`));
  await expectAccessible(page, 'ranked results with a tie');
});
