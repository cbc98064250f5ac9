import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi, demoOpenForScoring } from './support/api';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { E2E_PASSPHRASE, signInAs } from './support/people';
import { laptopPage, saveDownload } from './support/laptops';
import { freshDataDir, removeDataDir, startHost, type RunningHost } from './support/web-host';

/*
 * Three separate installations ("laptops"), each its own data folder, host and browser page, plus the
 * procurement lead's. The lead makes three packs in the UI; each evaluator opens theirs in their own app,
 * declares, scores and seals (arranged through that laptop's API: 12 criteria × 2 bidders × 3 laptops would
 * be slow by hand, and the scoring screens have their own tests), and exports a return in the UI; the
 * moderator imports all three in the UI and moderates. The merged board equals what each evaluator entered.
 */

const EVALUATION = 'Demo: Merton integrated community services';
const A = 'Wandle Community Health Alliance';
const GOV_DEV = 'governance-and-leadership/developing';
const GOV_DEV_NAME = 'Governance and leadership — Developing';
const EVALUATORS = ['Alice Jones (demo)', 'Ben Carter (demo)', 'Chen Li (demo)'] as const;
const PASSPHRASES = ['amber kettle orbit sixty', 'violet canal drum ninety', 'copper moss lantern twelve'] as const;
const scoreFor = (evaluator: number, bidder: number, criterion: number) => 2 + ((evaluator + bidder + criterion) % 4);

/** Everything the evaluator does on their laptop through its API: declare no conflict, score both bidders, seal. */
async function declareScoreAndSeal(host: RunningHost, evaluationId: string, evaluatorId: string, e: number, criteria: string[]) {
  const bidders = await callApi(host, evaluatorId, 'conflicts.mine', { evaluationId });
  for (const bidder of bidders) {
    for (const subject of bidder.subjects.filter((x) => !x.current)) {
      await callApi(host, evaluatorId, 'conflicts.declare', {
        evaluationId,
        bidderId: bidder.bidderId,
        memberId: subject.memberId,
        kind: 'none',
        description: '',
      });
    }
  }
  for (const [b, bidder] of bidders.entries()) {
    for (const [c, criterionId] of criteria.entries()) {
      await callApi(host, evaluatorId, 'scoring.save', {
        evaluationId,
        bidderId: bidder.bidderId,
        criterionId,
        score: scoreFor(e, b, c),
        rationale: `Laptop ${e + 1}: the response to ${criterionId} cites the partnership board papers, section ${c + 1}.`,
        evidenceRefs: [],
        indicatorMarks: {},
      });
    }
    await callApi(host, evaluatorId, 'scoring.seal', { evaluationId, bidderId: bidder.bidderId });
  }
  return bidders.map((b) => b.bidderId);
}

test('three evaluators score on their own laptops from packs; the moderator imports their returns and moderates', async ({ page, host, browser }) => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'capability-exchange-'));
  const laptops: RunningHost[] = [];
  try {
    // The lead's installation: the demo evaluation, open for scoring, with a 9 MB evidence document (so each pack is
    // larger than one upload chunk and reaches the laptop's core in parts); the moderator declared clear.
    const demo = await demoOpenForScoring(host);
    const { evaluationId, evaluation, person } = demo;
    const bidderA = evaluation.bidders.find((b) => b.name === A)!;
    await callApi(host, demo.leadPersonId, 'documents.add', {
      evaluationId,
      bidderId: bidderA.id,
      fileName: 'governance-structure.pdf',
      mediaType: 'application/pdf',
      content: Buffer.concat([Buffer.from('%PDF-1.4\n% Wandle governance structure\n'), randomBytes(9 * 1024 * 1024)]),
    });
    const tom = person('Tom Okafor');
    for (const bidder of evaluation.bidders) {
      for (const member of [null, ...bidder.members]) {
        await callApi(host, tom, 'conflicts.declare', {
          evaluationId,
          bidderId: bidder.id,
          memberId: member?.id ?? null,
          kind: 'none',
          description: '',
        });
      }
    }
    // The evaluators declared at the panel's kick-off, on the lead's installation: their packs carry the bids
    // (the two-pack route for an evaluator who has not declared yet is told in pack-trust.spec.ts).
    for (const name of EVALUATORS) {
      const evaluator = person(name.replace(' (demo)', ''));
      for (const bidder of await callApi(host, evaluator, 'conflicts.mine', { evaluationId })) {
        for (const subject of bidder.subjects) {
          await callApi(host, evaluator, 'conflicts.declare', { evaluationId, bidderId: bidder.bidderId, memberId: subject.memberId, kind: 'none', description: '' });
        }
      }
    }
    const criteria = evaluation.framework.areas.flatMap((a) => evaluation.framework.stages.map((s) => `${a.id}/${s.id}`));

    // 1. The procurement lead makes three packs.
    await page.goto(host.url);
    await signInAs(page, host, 'Priya Shah (demo)');
    await page.getByRole('button', { name: EVALUATION }).click();
    await openTab(page, 'Packs and returns');
    await expect(page.getByText('No packs have been made for this evaluation yet.')).toBeVisible();
    await expectAccessible(page, 'packs and returns, before any pack');
    const packs: string[] = [];
    for (const [i, name] of EVALUATORS.entries()) {
      await page.getByLabel('Evaluator', { exact: true }).selectOption({ label: name });
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASES[i]!);
      await page.getByLabel('Passphrase again').fill(PASSPHRASES[i]!);
      const pack = await saveDownload(page, () => page.getByRole('button', { name: 'Make the pack' }).click(), folder);
      expect(pack.name).toBe(`Demo-Merton-integrated-community-services-${name.replace(/ \(demo\)/, '').replace(' ', '-')}-demo.capack`);
      await expect(page.getByText(`Saved ${pack.name} (`)).toHaveText(new RegExp(`\\(9\\.\\d MB, 1 evidence document\\)\\.$`));
      packs.push(pack.path);
    }
    const packRows = page.getByRole('table', { name: 'Evaluator packs, newest first' }).getByRole('row');
    await expect(packRows).toHaveCount(4);
    await expect(packRows.nth(1)).toContainText('Chen Li (demo)');
    await expect(packRows.nth(1)).toContainText('1 evidence document');
    await expectAccessible(page, 'packs and returns, three packs made');

    // 2. Each evaluator, on their own laptop: open the pack, then (arranged) declare, score and seal, then export the return.
    const returns: string[] = [];
    for (const [e, name] of EVALUATORS.entries()) {
      const laptop = await startHost(freshDataDir());
      laptops.push(laptop);
      const { context, page: own } = await laptopPage(browser, laptop);
      await expect(own.getByRole('heading', { level: 2, name: 'Open an evaluator pack' })).toBeVisible();
      if (e === 0) await expectAccessible(own, 'a fresh laptop: open an evaluator pack');
      await own.getByLabel('Evaluator pack file').setInputFiles(packs[e]!);
      await own.getByLabel('The pack’s passphrase').fill(e === 0 ? 'not the right passphrase' : PASSPHRASES[e]!);
      // Nobody has a profile on a fresh laptop: the evaluator chooses the passphrase for theirs here.
      await own.getByLabel('Choose a passphrase for your profile on this computer').fill(E2E_PASSPHRASE);
      await own.getByLabel('Type your profile passphrase again').fill(E2E_PASSPHRASE);
      await own.getByRole('button', { name: 'Open the pack' }).click();
      if (e === 0) {
        await expect(own.getByRole('alert')).toContainText('The passphrase is wrong', { timeout: 20_000 });
        await own.getByLabel('The pack’s passphrase').fill(PASSPHRASES[e]!);
        await own.getByRole('button', { name: 'Open the pack' }).click();
      }
      await expect(own.getByText(`Signed in as ${name}`)).toBeVisible({ timeout: 20_000 });
      await expect(own.getByRole('heading', { level: 1, name: EVALUATION })).toBeVisible();
      await expect(own.getByRole('heading', { level: 2, name: 'Conflicts of interest' })).toBeVisible();
      await expect(own.getByRole('heading', { level: 2, name: 'Your score return' })).toBeVisible();
      await expect(own.getByText(/This evaluation came in an evaluator pack that Priya Shah \(demo\) made on/)).toBeVisible();
      if (e === 0) await expectAccessible(own, 'an evaluation opened from a pack');

      await declareScoreAndSeal(laptop, evaluationId, person(name.replace(' (demo)', '')), e, criteria);
      await openTab(own, 'Score bids');
      const ret = await saveDownload(own, () => own.getByRole('button', { name: 'Export my score return' }).click(), folder);
      expect(ret.name).toMatch(/^Demo-Merton-integrated-community-services-.*\.careturn$/);
      await expect(own.getByText(/: 9 declarations, 24 score saves and 2 seals\./)).toBeVisible();
      returns.push(ret.path);
      await context.close();
    }

    // 3. The moderator imports all three returns in one go.
    await signInAs(page, host, 'Tom Okafor (demo)'); // switching person first
    await page.getByRole('button', { name: EVALUATION }).click();
    await openTab(page, 'Packs and returns');
    await page.getByLabel('Score return files (.careturn)').setInputFiles(returns);
    await page.getByRole('button', { name: 'Import returns' }).click();
    const results = page.getByRole('list', { name: 'Import results' }).getByRole('listitem');
    await expect(results).toHaveCount(3);
    for (const [e, name] of EVALUATORS.entries()) {
      // The declarations came in the pack: only the scores and seals are new.
      await expect(results.nth(e)).toContainText(`Imported from ${name}: 0 declarations, 24 score saves, 2 seals added.`);
    }
    await expectAccessible(page, 'packs and returns, three returns imported');

    // The same files again change nothing.
    await page.getByLabel('Score return files (.careturn)').setInputFiles(returns[0]!);
    await page.getByRole('button', { name: 'Import returns' }).click();
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('Already imported');

    // A revoked pack's returns are refused, with the reason.
    const aliceRow = page.getByRole('row', { name: /Alice Jones \(demo\)/ });
    await aliceRow.getByRole('button', { name: /^Revoke/ }).click();
    await aliceRow.getByLabel('Reason for revoking').fill('Laptop reported lost');
    await aliceRow.getByRole('button', { name: 'Revoke the pack' }).click();
    await expect(aliceRow).toContainText('Revoked');
    await page.getByLabel('Score return files (.careturn)').setInputFiles(returns[0]!);
    await page.getByRole('button', { name: 'Import returns' }).click();
    await expect(results.first()).toContainText('Refused — This score return comes from Alice Jones (demo)’s pack that Tom Okafor (demo) revoked on');
    await expectAccessible(page, 'packs and returns, a pack revoked and its return refused');

    // The merged board equals what each evaluator entered on their own laptop.
    const board = await callApi(host, tom, 'moderation.board', { evaluationId });
    for (const [b, bidder] of evaluation.bidders.entries()) {
      const row = board.bidders.find((x) => x.bidderId === bidder.id)!;
      expect(row.allSealed).toBe(true);
      for (const [c, criterionId] of criteria.entries()) {
        const sealed = row.criteria.find((x) => x.criterionId === criterionId)!.sealed;
        const byName = Object.fromEntries(sealed.map((s) => [s.evaluatorName, s.score]));
        expect(byName).toEqual(Object.fromEntries(EVALUATORS.map((n, e) => [n, scoreFor(e, b, c)])));
      }
    }

    // 4. And moderates: the three sealed scores side by side; a consensus recorded.
    await openTab(page, 'Moderation');
    await page.getByRole('button', { name: `Moderate ${A}` }).click();
    const region = page.getByRole('region', { name: GOV_DEV_NAME, exact: true });
    const scores = region.getByRole('table', { name: `Sealed scores for ${GOV_DEV_NAME}` });
    const a = evaluation.bidders.indexOf(bidderA);
    await expect(scores.getByRole('row', { name: /Alice Jones \(demo\)/ })).toContainText(`${scoreFor(0, a, 0)} — `);
    await expect(scores.getByRole('row', { name: /Ben Carter \(demo\)/ })).toContainText(`${scoreFor(1, a, 0)} — `);
    await expect(scores.getByRole('row', { name: /Chen Li \(demo\)/ })).toContainText(`${scoreFor(2, a, 0)} — `);
    await region.getByRole('radio', { name: '3 — Moderate confidence' }).check();
    await region
      .getByLabel(`Internal moderation note for ${GOV_DEV_NAME}`)
      .fill('Discussed: the board papers evidence the structure; escalation untested.');
    await region
      .getByLabel(`Bidder-facing explanation for ${GOV_DEV_NAME}`)
      .fill('Section 1 evidences a partnership board with signed terms of reference.');
    await region.getByRole('button', { name: `Record consensus for ${GOV_DEV_NAME}` }).click();
    await expect(region.getByText(`Consensus recorded for ${GOV_DEV_NAME}: 3 — Moderate confidence.`)).toBeVisible();
    const after = await callApi(host, tom, 'moderation.board', { evaluationId, bidderId: bidderA.id });
    expect(after.bidders[0]!.criteria.find((c) => c.criterionId === GOV_DEV)!.consensus).toMatchObject({ score: 3 });
  } finally {
    for (const laptop of laptops) {
      await laptop.stop();
      removeDataDir(laptop.dataDir);
    }
    rmSync(folder, { recursive: true, force: true });
  }
});
