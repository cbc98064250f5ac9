import type { Page } from '@playwright/test';
import { callApi, demoOpenForScoring } from './support/api';
import { onePagePdf, TINY_PNG, writeFolder } from './support/bid-folder';
import { expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';
import type { RunningHost } from './support/web-host';

/*
 * Issue 3's whole story: bids imported from a folder; three evaluators declare (Chen Li has a perceived
 * conflict with a consortium partner of bidder B); each scores and seals; Chen Li cannot open bidder B
 * anywhere in the UI, while the lead sees the panel's progress without any score.
 */
const A = 'Wandle Community Health Alliance';
const B = 'South London Integrated Care Partnership';
const B_PARTNER = 'Raynes Park Community Interest Company';
const EVALUATION = 'Demo: Merton integrated community services';

/** Signs in as the person (switching person first if someone is signed in) and opens the demo evaluation. */
async function signInAndOpen(page: Page, host: RunningHost, name: string) {
  await signInAs(page, host, name);
  await page.getByRole('button', { name: EVALUATION }).click();
}

test('bids in from a folder, three evaluators declare, score and seal; the conflicted evaluator never sees bidder B', async ({ page, host }) => {
  test.slow();
  const demo = await demoOpenForScoring(host);
  const [alice, ben, chen] = ['Alice', 'Ben', 'Chen'].map(demo.person);
  const bidderId = (name: string) => demo.evaluation.bidders.find((b) => b.name === name)!.id;
  await page.goto(host.url);

  // The procurement lead imports a folder with one sub-folder per bidder.
  await signInAndOpen(page, host, 'Priya Shah (demo)');
  await openTab(page, 'Bids and evidence');
  const folder = writeFolder('bids', {
    [`${A}/governance-structure.pdf`]: onePagePdf('Alliance governance'),
    [`${A}/organogram.png`]: TINY_PNG,
    [`${B}/board-minutes.pdf`]: onePagePdf('Partnership board minutes'),
  });
  await page.getByLabel('Folder of bids (one sub-folder per bidder)').setInputFiles(folder);
  await expect(page.getByText('Finished: 3 files imported, 0 already stored, 0 not stored.')).toBeVisible({ timeout: 30_000 });

  // Alice and Ben declare no conflicts (through their own calls); Chen Li declares in the app.
  for (const person of [alice!, ben!]) {
    for (const b of await callApi(host, person, 'conflicts.mine', { evaluationId: demo.evaluationId })) {
      for (const s of b.subjects) {
        await callApi(host, person, 'conflicts.declare', { evaluationId: demo.evaluationId, bidderId: b.bidderId, memberId: s.memberId, kind: 'none', description: '' });
      }
    }
  }
  await signInAndOpen(page, host, 'Chen Li (demo)');
  await openTab(page, 'Conflicts of interest');
  // The declarations arrive in one response: once one subject's radios show, every subject's do.
  const groupA = page.getByRole('group', { name: A, exact: true });
  await expect(groupA.getByRole('radio', { name: 'No conflict' }).first()).toBeVisible();
  for (const group of await groupA.getByRole('group').all()) await group.getByRole('radio', { name: 'No conflict' }).check();
  await page.getByRole('button', { name: `Declare for ${A}` }).click();
  await expect(groupA.getByText('Status: Clear — you may see this bid')).toBeVisible();
  const groupB = page.getByRole('group', { name: B, exact: true });
  for (const group of await groupB.getByRole('group').all()) await group.getByRole('radio', { name: 'No conflict' }).check();
  await groupB.getByRole('group', { name: new RegExp(`^${B_PARTNER} \\(`) }).getByRole('radio', { name: 'Perceived' }).check();
  await page.getByLabel(`Describe your conflict with ${B_PARTNER}`).fill('I am a trustee of Raynes Park CIC.');
  await groupB.getByRole('button', { name: `Declare for ${B}` }).click();
  await expect(groupB.getByText('Status: Recused — you will see nothing of this bid')).toBeVisible();

  // Everyone scores and seals what they may: Alice and Ben both bidders, Chen Li only A.
  const criteria = demo.evaluation.framework.areas.flatMap((a) => demo.evaluation.framework.stages.map((s) => `${a.id}/${s.id}`));
  const plan: [string, string[]][] = [
    [alice!, [A, B]],
    [ben!, [A, B]],
    [chen!, [A]],
  ];
  for (const [person, bidders] of plan) {
    for (const name of bidders) {
      for (const criterionId of criteria) {
        await callApi(host, person, 'scoring.save', {
          evaluationId: demo.evaluationId,
          bidderId: bidderId(name),
          criterionId,
          score: 3,
          rationale: `Section 2 of the ${name} bid evidences ${criterionId} with named leads and a dated plan.`,
          evidenceRefs: [],
          indicatorMarks: {},
        });
      }
      await callApi(host, person, 'scoring.seal', { evaluationId: demo.evaluationId, bidderId: bidderId(name) });
    }
  }

  // Chen Li: bidder B is listed only as recused — nothing anywhere opens it.
  await page.getByRole('button', { name: 'Evaluations' }).click();
  await page.getByRole('button', { name: EVALUATION }).click();
  await openTab(page, 'Score bids');
  await expect(page.getByRole('row', { name: new RegExp(B) })).toContainText('Recused: you declared a conflict of interest');
  await expect(page.getByRole('row', { name: new RegExp(A) })).toContainText('Sealed');
  await expectAccessible(page, 'score bids, recused from B');
  for (const tab of ['Details', 'Conflicts of interest', 'Score bids', 'Capability framework']) {
    await openTab(page, tab);
    // Re-declaring stays possible; nothing else names bidder B as something to open.
    await expect(page.getByRole('button', { name: new RegExp(`^(?!Declare for ).*${B}`) })).toHaveCount(0);
    await expect(page.getByRole('link', { name: new RegExp(B) })).toHaveCount(0);
  }
  await expect(page.getByRole('navigation', { name: 'Evaluation', exact: true }).getByRole('button', { name: 'Bids and evidence' })).toHaveCount(0);
  // And the core refuses B's bid to Chen Li whatever the UI does.
  await expect(callApi(host, chen!, 'submissions.get', { evaluationId: demo.evaluationId, bidderId: bidderId(B) })).rejects.toThrow(/FORBIDDEN.*recused/);

  // The lead sees who has declared, scored and sealed what — and no score.
  await signInAndOpen(page, host, 'Priya Shah (demo)');
  await openTab(page, 'Panel progress');
  await expect(page.getByRole('main')).not.toContainText('Section 2 of the');
  await expectAccessible(page, 'panel progress after sealing');
});
