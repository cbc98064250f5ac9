import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';
import { CEDAR, finishCedar, recordConsensus, scoredDemo } from './support/ranking-scene';
import type { RunningHost } from './support/web-host';

const WANDLE = 'Wandle Community Health Alliance';
const SOUTH_LONDON = 'South London Integrated Care Partnership';
const MR_THR = 'managing-resources/thriving';

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

test('a provisional ranking ranks no one on zeros and says what is missing; the final one says what could change it', async ({ page, host }) => {
  test.slow(); // three bidders scored and sealed through the API, two states checked with axe
  // South London's Managing resources — Thriving awaits a moderator; Cedar waits for Chen's seal on everything.
  const demo = await scoredDemo(host, [`BID-002 ${MR_THR}`], { cedar: true });
  await openRankedResults(page, host);

  const notice = page.getByRole('note');
  await expect(notice.getByRole('heading', { level: 3, name: 'Provisional — the order can still change' })).toBeVisible();
  await expect(notice).toContainText(
    `Ranked on 11 of 12 criteria — those with a score that counts for every bidder. Not yet ranked: ${CEDAR} (no score counts yet).`,
  );
  const toDo = notice.getByRole('list').first();
  await expect(toDo.getByRole('listitem').filter({ hasText: CEDAR })).toContainText('All 12 criteria: waiting for every evaluator to seal.');
  await expect(toDo.getByRole('listitem').filter({ hasText: SOUTH_LONDON }).first()).toContainText(
    'Managing resources — Thriving: waiting for a moderator to confirm the agreed score.',
  );
  await expect(notice.getByRole('button', { name: `Open the moderation board for ${CEDAR}` })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Consensus (moderated score)' })).toBeVisible();

  // Cedar is never ranked on zeros: it is not in the table, it is named as not yet ranked. Wandle's total is
  // over the 11 criteria everyone has: 80 − 8.3325 × 4 ÷ 5 = 73.33% of a possible 91.67%.
  const ranked = page.getByRole('table', { name: /Ranked bidders.*provisional: totals so far, over 11 of 12 criteria \(at most 91.67%\)/ });
  await expect(ranked.getByRole('row')).toHaveCount(3);
  await expect(ranked).not.toContainText(CEDAR);
  await expect(ranked.getByRole('columnheader', { name: 'Total so far (% of maximum)' })).toBeVisible();
  await expect(ranked.getByRole('columnheader', { name: 'Managing resources out of 16.67 so far' })).toBeVisible();
  await expect(ranked.getByRole('row', { name: new RegExp(WANDLE) })).toContainText('73.33%');
  await expect(page.getByRole('region', { name: 'Ranking', exact: true })).toContainText(`Not yet ranked: ${CEDAR} — no score counts yet`);
  await expect(page.getByRole('img', { name: /Weighted totals by stage/ })).toHaveAccessibleName(/so far, over 11 of 12 criteria/);
  await expect(page.getByRole('img', { name: /Weighted totals by stage/ })).not.toHaveAccessibleName(new RegExp(CEDAR));
  await expectAccessible(page, 'provisional ranked results');

  await recordConsensus(host, demo, (ref, c) => ref === 'BID-002' && c === MR_THR);
  await finishCedar(host, demo);
  await openTab(page, 'Details');
  await openTab(page, 'Ranked results');
  await expect(page.getByRole('note')).toHaveCount(0);

  // Final: Wandle 80.00%, Cedar 78.33% (one point less on Transformation change — Developing).
  const final = page.getByRole('table', { name: 'Ranked bidders, best first, with sub-totals in weighted points of the maximum' });
  await expect(final.getByRole('row')).toHaveCount(4);
  await expect(final.getByRole('row', { name: new RegExp(WANDLE) })).toContainText('80.00%');
  await expect(
    final
      .getByRole('row', { name: new RegExp(CEDAR) })
      .getByRole('cell')
      .first(),
  ).toHaveText('2');
  await expect(final.getByRole('row', { name: new RegExp(CEDAR) })).toContainText('78.33%');
  await expect(final.getByRole('columnheader', { name: 'Governance and leadership out of 25.00' })).toBeVisible();

  // South London fails the demo's threshold: shown apart, with the criterion, the score and the rule.
  const failures = page.getByRole('region', { name: 'Bidders failing a minimum threshold' });
  await expect(failures).toContainText('Weighted total 56.67% — not ranked.');
  const failure = failures.getByRole('row', { name: /Governance and leadership — Developing/ });
  await expect(failure.getByRole('cell').nth(0)).toHaveText('1');
  await expect(failure.getByRole('cell').nth(1)).toHaveText('A score below 2 on any Developing criterion fails');

  // What could change it: the margin, then only the moves that change the top two or cross a threshold.
  // A point on a Developing criterion (1.667) ties the leaders; elsewhere (1.6665) falls just short.
  const change = page.getByRole('region', { name: 'What could change the result' });
  await expect(change).toContainText('First leads second by 1.67 points.');
  const moves = change.getByRole('table', { name: /Moves that would change the top two or cross a threshold/ });
  await expect(moves.getByRole('row')).toHaveCount(10);
  const tie = `${CEDAR} and ${WANDLE} tied first (now ${WANDLE} first, ${CEDAR} second)`;
  await expect(moves.getByRole('row').nth(1)).toHaveText(`${WANDLE}Governance and leadership — Developingconsensus 4 → 3−1.67${tie}`);
  await expect(moves.getByRole('row', { name: new RegExp(`^${CEDAR} Transformation change — Developing`) })).toHaveText(
    `${CEDAR}Transformation change — Developingconsensus 3 → 4+1.67${tie}`,
  );
  await expect(moves.getByRole('row').last()).toHaveText(
    `${SOUTH_LONDON}Governance and leadership — Developingconsensus 1 → 2+1.67${SOUTH_LONDON} would meet every threshold`,
  );
  await expect(moves).not.toContainText('Maturing');
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

test('a keyboard user follows a move that could change the result to the moderation board of that bidder', async ({ page, host }) => {
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
