import type { Locator, Page } from '@playwright/test';
import { callApi, demoOpenForScoring, scoredDemo } from './support/api';
import { DEFAULT_RULES } from '../../shared/domain/rules';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs, signInByKeyboard } from './support/people';
import type { RunningHost } from './support/web-host';

const A = 'Wandle Community Health Alliance';
const B = 'South London Integrated Care Partnership';
const B_PARTNER = 'Raynes Park Community Interest Company';
const EVALUATION = 'Demo: Merton integrated community services';
const GOV_DEV = 'governance-and-leadership/developing';
const GOV_DEV_NAME = 'Governance and leadership — Developing';
const CRITERIA = ['governance-and-leadership', 'transformation-change', 'culture-change-continuous-improvement', 'managing-resources'].flatMap((area) =>
  ['developing', 'maturing', 'thriving'].map((stage) => `${area}/${stage}`),
);

/** Presses Tab until the target has focus: the keyboard's way of getting somewhere, never a click. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Through the real API: every panel member but the lead declares no conflict (except the moderator, with
 * B's consortium partner); the three evaluators score bidder A — 1, 3 and 4 on Governance and leadership —
 * Developing, Chen citing an evidence document, 3 everywhere else — and seal.
 */
async function sealedScores(host: RunningHost, { chenSeals = true } = {}) {
  const demo = await demoOpenForScoring(host);
  const { evaluationId, evaluation, person } = demo;
  const tom = person('Tom Okafor');
  for (const personId of [tom, person('Alice Jones'), person('Ben Carter'), person('Chen Li')]) {
    for (const bidder of evaluation.bidders) {
      for (const member of [null, ...bidder.members]) {
        const conflict = personId === tom && member?.organisation === B_PARTNER;
        await callApi(host, personId, 'conflicts.declare', {
          evaluationId,
          bidderId: bidder.id,
          memberId: member?.id ?? null,
          kind: conflict ? 'actual' : 'none',
          description: conflict ? 'I was a trustee of Raynes Park CIC until last year.' : '',
        });
      }
    }
  }
  const bidderA = evaluation.bidders.find((b) => b.name === A)!;
  const { document } = await callApi(host, demo.leadPersonId, 'documents.add', {
    evaluationId,
    bidderId: bidderA.id,
    fileName: 'governance-structure.pdf',
    mediaType: 'application/pdf',
    content: Buffer.from('%PDF-1.4\n% Wandle governance structure\n'),
  });
  for (const [name, govDev] of [
    ['Alice Jones', 1],
    ['Ben Carter', 3],
    ['Chen Li', 4],
  ] as const) {
    for (const criterionId of CRITERIA) {
      await callApi(host, person(name), 'scoring.save', {
        evaluationId,
        bidderId: bidderA.id,
        criterionId,
        score: criterionId === GOV_DEV ? govDev : 3,
        rationale: `${name}: the response describes a partnership board with signed terms of reference (section 2.1).`,
        evidenceRefs: criterionId === GOV_DEV && name === 'Chen Li' ? [{ documentId: document.id, location: 'p. 4' }] : [],
        indicatorMarks: {},
      });
    }
    if (name !== 'Chen Li' || chenSeals) await callApi(host, person(name), 'scoring.seal', { evaluationId, bidderId: bidderA.id });
  }
  /** The score that counts for A on Governance and leadership — Developing in the ranked results. */
  const rankedScore = async () => {
    const ranking = await callApi(host, demo.leadPersonId, 'ranking.get', { evaluationId });
    const row = [...ranking.ranked, ...ranking.failed].find((r) => r.bidderId === bidderA.id)!;
    return row.profile.find((p) => p.areaId === 'governance-and-leadership' && p.stageId === 'developing')!.score;
  };
  return { rankedScore, evaluationId, bidderA, person };
}

/** No heading skips a level on the way down (h2 → h4 would): the outline a screen-reader user navigates by. */
async function expectHeadingsInOrder(page: Page, screen: string): Promise<void> {
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
  expect(skips, `heading levels skipped on ${screen}`).toEqual([]);
}

/** The accessibility checks of every state: axe-core, and headings in order. */
async function checkScreen(page: Page, screen: string): Promise<void> {
  await expectAccessible(page, screen);
  await expectHeadingsInOrder(page, screen);
}

const criterion = (page: Page, name = GOV_DEV_NAME) => page.getByRole('region', { name, exact: true });

test('the moderator finds the flagged criterion, records a consensus by keyboard alone and changes it with a reason; the lead reads the board', async ({
  page,
  host,
}) => {
  test.slow(); // a long story, one key at a time: three evaluators' scores arranged, then every state checked with axe
  const { rankedScore } = await sealedScores(host);
  await page.goto(host.url);

  // Tom Okafor, the moderator, by keyboard only.
  await signInByKeyboard(page, host, 'Tom Okafor (demo)', (target) => tabTo(page, target));
  await tabTo(page, page.getByRole('button', { name: EVALUATION }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Moderation', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Moderation' })).toBeVisible();

  // The list of bidders: A is ready with one criterion flagged; B, where Tom is conflicted, is named but never linked.
  await expect(page.getByText('Scores count by: Consensus (moderated score) on every criterion')).toBeVisible();
  const rowA = page.getByRole('row', { name: new RegExp(A) });
  await expect(rowA.getByRole('cell')).toHaveText(['Every evaluator has sealed', '1', '0 of 12', '0']);
  const rowB = page.getByRole('row', { name: new RegExp(B) });
  await expect(rowB.getByRole('cell').first()).toHaveText('Recused — you see nothing of this bidder');
  await expect(rowB.getByRole('button')).toHaveCount(0);
  await checkScreen(page, 'moderation: list of bidders');

  await tabTo(page, page.getByRole('button', { name: `Moderate ${A}` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: A })).toBeFocused();
  await expect(page.getByText('Showing 12 of 12 criteria.')).toBeVisible();
  await checkScreen(page, 'moderation board, all criteria');

  // "Flagged only" leaves the one criterion whose sealed scores are 3 points apart.
  await tabTo(page, page.getByRole('checkbox', { name: 'Flagged only' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Showing 1 of 12 criteria.')).toBeVisible();
  await expect(criterion(page)).toBeVisible();
  await expect(criterion(page).getByText('Flagged: spread 3 ≥ tolerance 2')).toBeVisible();
  const scores = criterion(page).getByRole('table', { name: `Sealed scores for ${GOV_DEV_NAME}` });
  await expect(scores.getByRole('row', { name: /Alice Jones \(demo\)/ })).toContainText('1 — Very limited confidence');
  await expect(scores.getByRole('row', { name: /Ben Carter \(demo\)/ })).toContainText('3 — Moderate confidence');
  await expect(scores.getByRole('row', { name: /Chen Li \(demo\)/ })).toContainText('4 — Good confidence');
  await expect(scores.getByRole('row', { name: /Chen Li \(demo\)/ })).toContainText('Chen Li: the response describes a partnership board');
  await expect(scores.getByRole('row', { name: /Chen Li \(demo\)/ }).getByRole('cell').last()).toHaveText('governance-structure.pdf, p. 4');
  await expect(scores.getByRole('row', { name: /Alice Jones \(demo\)/ }).getByRole('cell').last()).toHaveText('None cited');
  await expect(criterion(page).getByRole('definition').nth(1)).toHaveText('1.2'); // standard deviation of 1, 3, 4
  await checkScreen(page, 'moderation board, flagged only');

  // A consensus of 2 differs from every evaluator's score: the form says a reason is required, and the core refuses it without one.
  const form = criterion(page);
  await tabTo(page, form.getByRole('radio', { name: '0 — No confidence' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: '2 — Limited confidence' })).toBeChecked();
  await expect(form.getByText('Required because the score differs from every evaluator’s score.')).toBeVisible();
  await tabTo(page, form.getByLabel(`Internal moderation note for ${GOV_DEV_NAME}`));
  await page.keyboard.type('Alice read the escalation route as missing; Chen found it in the appendix. Agreed it exists but is untested.');
  await tabTo(page, form.getByLabel(`Bidder-facing explanation for ${GOV_DEV_NAME}`));
  await page.keyboard.type('Section 2.1 and Appendix C evidence a signed terms of reference; the escalation route is described but not yet tested.');
  await tabTo(page, form.getByRole('button', { name: `Record consensus for ${GOV_DEV_NAME}` }));
  await page.keyboard.press('Enter');
  const problem = form.getByRole('alert');
  await expect(problem).toContainText('A reason is required because the consensus differs from every evaluator’s score.');
  await expect(problem).toBeFocused();
  await expect(form.getByText('No consensus recorded yet.')).toBeVisible();
  await checkScreen(page, 'moderation board, consensus refused');

  await tabTo(page, form.getByLabel(`Reason for ${GOV_DEV_NAME} (required)`));
  await page.keyboard.type('Between the scores: the route exists (Chen) but is untested (Alice).');
  await tabTo(page, form.getByRole('button', { name: `Record consensus for ${GOV_DEV_NAME}` }));
  await page.keyboard.press('Enter');
  await expect(form.getByText(`Consensus recorded for ${GOV_DEV_NAME}: 2 — Limited confidence.`)).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  const current = form.locator('.current-consensus');
  await expect(current).toContainText('2 — Limited confidence');
  await expect(current).toContainText('by Tom Okafor (demo)');
  await expect(current).toContainText('Alice read the escalation route as missing');
  await expect.poll(rankedScore).toBe(2);

  // "Still to moderate" now leaves nothing of the flagged ones.
  await tabTo(page, page.getByRole('checkbox', { name: 'Still to moderate' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Showing 0 of 12 criteria. No criterion matches the filters.')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByText('Showing 1 of 12 criteria.')).toBeVisible();

  // A later change is a new version: the reason is required, and the earlier version stays visible with its reason.
  await tabTo(page, form.getByRole('radio', { name: '2 — Limited confidence' }));
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: '3 — Moderate confidence' })).toBeChecked();
  await expect(form.getByText('Required because it changes the consensus already recorded.')).toBeVisible();
  await tabTo(page, form.getByLabel(`Reason for ${GOV_DEV_NAME} (required)`));
  await page.keyboard.type('The bidder’s clarification response confirmed the escalation route was used in March.');
  await tabTo(page, form.getByRole('button', { name: `Record consensus for ${GOV_DEV_NAME}` }));
  await page.keyboard.press('Enter');
  await expect(form.getByText(`Consensus recorded for ${GOV_DEV_NAME}: 3 — Moderate confidence.`)).toBeVisible();
  await expect(form.getByRole('heading', { level: 5, name: 'Current consensus (version 2)' })).toBeVisible();
  await expect(current).toContainText('The bidder’s clarification response confirmed');
  await expect.poll(rankedScore).toBe(3);

  const history = form.locator('details.consensus-history');
  await tabTo(page, history.locator('summary'));
  await page.keyboard.press('Enter');
  await expect(history).toContainText('Version 1 (superseded)');
  await expect(history).toContainText('2 — Limited confidence');
  await expect(history).toContainText('Between the scores: the route exists (Chen) but is untested (Alice).');
  await expect(history).toContainText('by Tom Okafor (demo)');
  await checkScreen(page, 'moderation board, history open');

  // Priya Shah, the procurement lead, reads the same board and cannot record.
  await signInAs(page, host, 'Priya Shah (demo)'); // switching person first
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Moderation');
  await expect(page.getByRole('row', { name: new RegExp(B) }).getByRole('cell').first()).toHaveText(
    'Waiting for Alice Jones (demo), Ben Carter (demo) and Chen Li (demo) to seal',
  );
  await checkScreen(page, 'moderation: list of bidders, lead');
  await page.getByRole('button', { name: `Moderate ${A}` }).click();
  await expect(page.getByText('You are the procurement lead: you can read the board, and only the moderator records a consensus.')).toBeVisible();
  await expect(criterion(page).locator('.current-consensus')).toContainText('3 — Moderate confidence');
  await expect(page.getByRole('button', { name: /^Record consensus/ })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await criterion(page).locator('summary').click();
  await expect(criterion(page).locator('details')).toContainText('Between the scores: the route exists (Chen) but is untested (Alice).');
  await checkScreen(page, 'moderation board, lead read-only');
});

test('until every evaluator has sealed, the board shows only sealed scores and offers no consensus', async ({ page, host }) => {
  await sealedScores(host, { chenSeals: false });
  await page.goto(host.url);
  await signInAs(page, host, 'Tom Okafor (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Moderation');
  await expect(page.getByRole('row', { name: new RegExp(A) }).getByRole('cell')).toHaveText(['Waiting for Chen Li (demo) to seal', '1', '0 of 12', '0']);
  await page.getByRole('button', { name: `Moderate ${A}` }).click();

  await expect(page.getByText('Waiting for Chen Li (demo) to seal.')).toBeVisible();
  const scores = criterion(page).getByRole('table', { name: `Sealed scores for ${GOV_DEV_NAME}` });
  await expect(scores.getByRole('row')).toHaveCount(3); // the header and Alice's and Ben's sealed scores
  await expect(page.getByText('Chen Li: the response')).toHaveCount(0);
  await expect(criterion(page).getByText('Flagged: spread 2 ≥ tolerance 2')).toBeVisible(); // 1 and 3 so far
  await expect(page.getByRole('button', { name: /^Record consensus/ })).toHaveCount(0);
  await checkScreen(page, 'moderation board, waiting for a seal');
});

test('an evaluator who declares a conflict after sealing stays on the board, marked as not counted, and out of the spread', async ({ page, host }) => {
  const { evaluationId, bidderA, person } = await sealedScores(host);
  await callApi(host, person('Chen Li'), 'conflicts.declare', {
    evaluationId,
    bidderId: bidderA.id,
    memberId: null,
    kind: 'actual',
    description: 'My partner joined Wandle’s board last week.',
  });

  await page.goto(host.url);
  await signInAs(page, host, 'Tom Okafor (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Moderation');
  await page.getByRole('button', { name: `Moderate ${A}` }).click();
  const scores = criterion(page).getByRole('table', { name: `Sealed scores for ${GOV_DEV_NAME}` });
  const chen = scores.getByRole('row', { name: /Chen Li \(demo\)/ });
  await expect(chen).toContainText('4 — Good confidence');
  await expect(chen).toContainText('Not counted: this evaluator has declared a conflict of interest with this bidder that no decision permits.');
  await expect(scores.getByRole('row', { name: /Alice Jones \(demo\)/ })).not.toContainText('Not counted');
  await expect(criterion(page).getByText('Flagged: spread 2 ≥ tolerance 2')).toBeVisible(); // 1 and 3; Chen’s 4 left out
  await expect(criterion(page).getByText('Evaluators’ sealed scores: Alice Jones (demo) 1, Ben Carter (demo) 3, Chen Li (demo) 4 (not counted).')).toBeVisible();
  await checkScreen(page, 'moderation board, a sealed score not counted');
});

/**
 * Through the real API: the demo evaluation declares "mean of evaluators’ scores; consensus where flagged",
 * takes a third bidder, opens; everyone declares clear; the evaluators score and seal all three bidders.
 * Each bidder has one flagged criterion (1, 3 and 4 on its own criterion: the first for A, the second for B,
 * the third for Cedar) and agreed scores everywhere else.
 */
async function threeBiddersSealed(host: RunningHost) {
  const { evaluationId, leadPersonId } = await callApi(host, null, 'demo.create', {});
  await callApi(host, leadPersonId, 'evaluations.saveRules', { evaluationId, rules: { ...DEFAULT_RULES, aggregation: 'mean-unless-flagged' } });
  await callApi(host, leadPersonId, 'bidders.add', {
    evaluationId,
    name: 'Cedar Community Health',
    reference: 'BID-003',
    members: [{ organisation: 'Cedar Health NHS Trust', role: 'lead' }],
  });
  const evaluation = await callApi(host, leadPersonId, 'evaluations.openScoring', { evaluationId });
  const evaluators = evaluation.panel.filter((m) => m.role === 'evaluator');
  for (const person of evaluation.panel.filter((m) => m.role !== 'lead')) {
    for (const bidder of await callApi(host, person.personId, 'conflicts.mine', { evaluationId })) {
      for (const subject of bidder.subjects) {
        await callApi(host, person.personId, 'conflicts.declare', { evaluationId, bidderId: bidder.bidderId, memberId: subject.memberId, kind: 'none', description: '' });
      }
    }
  }
  for (const [e, evaluator] of evaluators.entries()) {
    for (const [b, bidder] of evaluation.bidders.entries()) {
      for (const [c, criterionId] of CRITERIA.entries()) {
        await callApi(host, evaluator.personId, 'scoring.save', {
          evaluationId,
          bidderId: bidder.id,
          criterionId,
          score: c === b ? [1, 3, 4][e]! : 4 - b,
          rationale: `${evaluator.name}: the response for ${criterionId} cites its evidence in section ${c + 1} of the bid.`,
          evidenceRefs: [],
          indicatorMarks: {},
        });
      }
      await callApi(host, evaluator.personId, 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
  }
  const ranking = () => callApi(host, leadPersonId, 'ranking.get', { evaluationId });
  return { evaluation, ranking };
}

test('moderation by exception: three bidders moderated in a handful of actions, and the provisional ranking never ranks on zeros', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { evaluation, ranking } = await threeBiddersSealed(host);

  // Before any moderation the ranking is provisional: each bidder's flagged criterion has no score that
  // counts, so all three are compared on the nine criteria that count for all — never on a zero.
  const before = await ranking();
  expect(before.provisional).toBe(true);
  expect(before.rankedOn).toHaveLength(9);
  expect(before.missing.map((m) => m.basis)).toEqual(['awaiting-consensus', 'awaiting-consensus', 'awaiting-consensus']);
  expect(before.ranked.map((r) => r.total).every((total) => total > 0)).toBe(true);

  await page.goto(host.url);
  await signInAs(page, host, 'Tom Okafor (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Moderation');
  await expect(page.getByText('Moderation by exception: where the evaluators agree (not flagged) their mean counts')).toBeVisible();

  for (const [b, bidder] of evaluation.bidders.entries()) {
    await page.getByRole('button', { name: `Moderate ${bidder.name}` }).click();
    const confirm = page.getByRole('region', { name: 'Confirm the agreed scores' });
    await expect(confirm).toContainText('The evaluators agree on 11 criteria still to confirm: the agreed score is the evaluators’ mean. 1 flagged criterion needs a consensus below.');
    if (b === 0) {
      await checkScreen(page, 'moderation board, agreed scores to confirm');
      await confirm.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/screens/moderation-confirm-agreed.png' });
    }
    // Action 1: the agreed scores, confirmed at once.
    await confirm.getByLabel('Moderation note').fill('Reviewed at the moderation meeting of 3 December; no evaluator asked to discuss them.');
    await confirm.getByRole('button', { name: 'Confirm 11 agreed scores' }).click();
    await expect(confirm.getByText(`Confirmed the agreed score on 11 criteria of ${bidder.name}.`)).toBeVisible();
    await expect(confirm).toContainText('There is no agreed score left to confirm.');

    // Action 2: the one flagged criterion's consensus.
    await page.getByRole('checkbox', { name: 'Flagged only' }).check();
    await expect(page.getByText('Showing 1 of 12 criteria.')).toBeVisible();
    const flagged = page.locator('.board-criterion.is-flagged');
    await flagged.getByRole('radio', { name: '3 — Moderate confidence' }).check();
    await flagged.getByLabel(/^Internal moderation note/).fill('Alice read the plan as untested; Chen cited the March exercise. Agreed on 3.');
    await flagged.getByLabel(/^Bidder-facing explanation/).fill('Section 2 of the bid evidences the plan and one exercise of it.');
    await flagged.getByRole('button', { name: /^Record consensus/ }).click();
    await expect(flagged.getByText(/^Consensus recorded for .*: 3 — Moderate confidence\.$/)).toBeVisible();
    if (b === 0) {
      await checkScreen(page, 'moderation board, moderated by exception');
      await page.screenshot({ path: 'test-results/screens/moderation-flagged-consensus.png' });
    }
    await page.getByRole('button', { name: 'All bidders' }).click();
  }

  await expect(page.getByRole('row', { name: /Cedar Community Health/ }).getByRole('cell')).toHaveText(['Every evaluator has sealed', '1', '12 of 12', '0']);
  await page.screenshot({ path: 'test-results/screens/moderation-overview.png' });
  const after = await ranking();
  expect(after.provisional).toBe(false);
  expect(after.unconfirmed).toBe(0);
  expect(after.ranked.map((r) => [r.name, r.complete]).sort()).toEqual([
    ['Cedar Community Health', true],
    [B, true],
    [A, true],
  ]);
});

test('the lead removes an evaluator who has sealed, deciding their scores no longer count; the board keeps them, marked', async ({ page, host }) => {
  await scoredDemo(host);
  await page.goto(host.url);
  await signInAs(page, host, 'Priya Shah (demo)');
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Evaluation panel');
  await page.getByRole('button', { name: 'Remove Alice Jones (demo)' }).click();
  const decision = page.getByRole('group', { name: 'Alice Jones (demo) has sealed scores for 2 bidders. Do they still count?' });
  await expect(decision).toBeVisible();
  await page.getByLabel('Reason for removing Alice Jones (demo)').fill('Left the council after sealing; her brief was withdrawn.');
  await page.getByRole('button', { name: 'Remove from panel' }).click();
  await expect(page.getByRole('alert')).toContainText('Alice Jones (demo) has sealed scores for 2 bidders: decide whether those scores still count.');
  await checkScreen(page, 'panel: removing an evaluator who has sealed');
  await page.screenshot({ path: 'test-results/screens/panel-remove-sealed-evaluator.png' });
  await decision.getByLabel('No: leave them on the record, not counted').check();
  await page.getByRole('button', { name: 'Remove from panel' }).click();
  await expect(page.getByText('Panel updated.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Alice Jones/ })).toHaveCount(0);

  await openTab(page, 'Moderation');
  await page.getByRole('button', { name: `Moderate ${A}` }).click();
  const alice = criterion(page).getByRole('row', { name: /Alice Jones \(demo\)/ });
  await expect(alice).toContainText('Not counted: this evaluator was removed from the panel, and the procurement lead decided their sealed scores do not count.');
  await checkScreen(page, 'moderation board, a removed evaluator’s score not counted');
});
