import { addProfile, expect, expectAccessible, openTab, test } from './support/fixtures';
import { signInAs } from './support/people';

test('a newcomer sets up an evaluation on the Merton framework, and it is all still there after a restart', async ({ page, host, restartHost }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using the app?' })).toBeVisible();
  await expectAccessible(page, 'profile screen');
  await addProfile(page, 'Pat Lead');

  await expect(page.getByRole('heading', { level: 1, name: 'Evaluations' })).toBeVisible();
  await expectAccessible(page, 'evaluation list');
  await page.getByLabel('Evaluation name').fill('Integrated community services 2026');
  await page.getByLabel('Procurement reference (optional)').fill('ICS-2026-01');
  await expect(page.getByLabel('Capability framework')).toContainText('Merton Integrated Community Services');
  await page.getByRole('button', { name: 'Create evaluation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Integrated community services 2026' })).toBeVisible();
  await expect(page.getByText('Procurement lead', { exact: true })).toBeVisible();
  await expectAccessible(page, 'set-up details');

  // The frozen framework: 4 capability areas, each with three stages.
  await openTab(page, 'Capability framework');
  await expect(page.getByRole('heading', { level: 3, name: /^\d\. / })).toHaveCount(4);
  await expect(page.getByRole('heading', { level: 4, name: /Developing/ })).toHaveCount(4);
  await expectAccessible(page, 'framework tab');

  // A 0–5 scale with a descriptor per point.
  await openTab(page, 'Scoring scale');
  await expect(page.getByRole('row')).toHaveCount(7);
  await page.getByLabel('Descriptor for score 0').fill('Not evidenced: no response, or nothing relevant to the criterion.');
  await page.getByRole('button', { name: 'Save scoring scale' }).click();
  await expect(page.getByText('Scoring scale saved.')).toBeVisible();
  await expectAccessible(page, 'scale tab');

  // Weights that do not total 100% are refused with a clear message.
  await openTab(page, 'Weighting');
  await page.getByLabel('Weight of Governance and leadership (%)').fill('40');
  await expect(page.getByTestId('area-total')).toContainText('115% — must total 100%');
  await page.getByRole('button', { name: 'Save weighting' }).click();
  await expect(page.getByRole('alert')).toContainText('capability area weights total 115%; they must total 100%');
  await expectAccessible(page, 'weights tab with an error');
  for (const area of ['Transformation change', 'Commitment to culture change/continuous improvement', 'Managing resources']) {
    await page.getByLabel(`Weight of ${area} (%)`).fill('20');
  }
  await page.getByLabel('Developing weight within Governance and leadership (%)').fill('50');
  await page.getByLabel('Maturing weight within Governance and leadership (%)').fill('30');
  await page.getByLabel('Thriving weight within Governance and leadership (%)').fill('20');
  await expect(page.getByText('Governance and leadership — Developing: 20%')).toBeVisible();
  await page.getByRole('button', { name: 'Save weighting' }).click();
  await expect(page.getByText('Weighting saved.')).toBeVisible();

  // A minimum threshold.
  await openTab(page, 'Thresholds and rules');
  await page.getByLabel('Minimum score').selectOption('2');
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Developing' });
  await page.getByRole('button', { name: 'Add threshold' }).click();
  await expect(page.getByText('A score below 2 on any Developing criterion fails')).toBeVisible();
  await expectAccessible(page, 'thresholds and rules tab');

  // Three evaluators and a moderator.
  await openTab(page, 'Evaluation panel');
  for (const [name, role] of [
    ['Eve Evaluator', 'Evaluator'],
    ['Evan Evaluator', 'Evaluator'],
    ['Esme Evaluator', 'Evaluator'],
    ['Mo Moderator', 'Moderator'],
  ] as const) {
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Someone new…' });
    await page.getByLabel('New person’s full name').fill(name);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
    await page.getByRole('button', { name: 'Add to panel' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  await expectAccessible(page, 'panel tab');

  // Two consortium bidders.
  await openTab(page, 'Bidders');
  await addBidder(page, 'Alpha Health Collaborative', 'Alpha Community NHS Trust', ['Borough Adult Social Care', 'Carers Together (charity)'], ['Physio Partners Ltd']);
  await addBidder(page, 'Beta Care Alliance', 'Beta Healthcare NHS Foundation Trust', ['Neighbourhood Wellbeing CIC'], []);
  await expectAccessible(page, 'bidders tab');

  // Restart the host: everything is still there.
  const restarted = await restartHost();
  await signInAs(page, restarted, 'Pat Lead');
  await page.getByRole('button', { name: 'Integrated community services 2026' }).click();
  await expect(page.getByText('A score below 2 on any Developing criterion fails')).toBeVisible();
  await openTab(page, 'Weighting');
  await expect(page.getByLabel('Weight of Governance and leadership (%)')).toHaveValue('40');
  await expect(page.getByText('Governance and leadership — Developing: 20%')).toBeVisible();
  await openTab(page, 'Scoring scale');
  await expect(page.getByLabel('Descriptor for score 0')).toHaveValue('Not evidenced: no response, or nothing relevant to the criterion.');
  await openTab(page, 'Evaluation panel');
  await expect(page.getByRole('row', { name: /Evaluator/ })).toHaveCount(3);
  await expect(page.getByRole('row', { name: /Mo Moderator.*Moderator/ })).toBeVisible();
  await openTab(page, 'Bidders');
  await expect(page.getByRole('heading', { level: 3, name: /Alpha Health Collaborative/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Carers Together \(charity\).*Consortium partner/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Physio Partners Ltd.*Named subcontractor/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Beta Care Alliance/ })).toBeVisible();
});

async function addBidder(page: import('@playwright/test').Page, name: string, lead: string, partners: string[], subcontractors: string[]) {
  await page.getByLabel('Bidder (tender) name').fill(name);
  await page.getByLabel('Lead organisation').fill(lead);
  await page.getByLabel('Consortium partners').fill(partners.join('\n'));
  await page.getByLabel('Named subcontractors').fill(subcontractors.join('\n'));
  await page.getByRole('button', { name: 'Add bidder' }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(name) })).toBeVisible();
}

test('the first run offers a demo evaluation a newcomer can explore', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create the demo evaluation' }).click();
  // Each demo profile's passphrase, shown this once, with a button to sign in as that person.
  const demoProfiles = page.getByRole('table', { name: 'Demo profiles and their passphrases' });
  await expect(demoProfiles).toBeVisible({ timeout: 45_000 }); // five passphrases hashed, a second or more each
  await expect(demoProfiles.getByRole('row')).toHaveCount(6);
  await expect(demoProfiles.getByRole('row', { name: /Priya Shah \(demo\)/ })).toContainText(/Procurement lead/i);
  await expectAccessible(page, 'demo profiles and their passphrases');
  await page.getByRole('button', { name: 'Sign in as Priya Shah (demo)' }).click();
  await expect(page.getByText('Signed in as Priya Shah (demo)')).toBeVisible();
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo: Merton integrated community services' })).toBeVisible();
  await openTab(page, 'Bidders');
  await expect(page.getByRole('heading', { level: 3, name: /Wandle Community Health Alliance|South London Integrated Care Partnership/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByLabel('Your profile', { exact: true }).getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('heading', { name: 'New here?' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Demo profiles and their passphrases' })).toHaveCount(0);
});

test('an evaluator sees the set-up but cannot change it', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create the demo evaluation' }).click();
  await page.getByRole('button', { name: 'Sign in as Alice Jones (demo)' }).click({ timeout: 45_000 });
  await expect(page.getByText('Signed in as Alice Jones (demo)')).toBeVisible();
  await page.getByRole('button', { name: 'Demo: Merton integrated community services' }).click();
  await expect(page.getByText('only the procurement lead can change the set-up')).toBeVisible();
  await openTab(page, 'Weighting');
  await expect(page.getByLabel('Weight of Governance and leadership (%)')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save weighting' })).toHaveCount(0);
  await expectAccessible(page, 'read-only weights tab');
});
