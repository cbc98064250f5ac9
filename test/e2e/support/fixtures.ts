import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_PASSPHRASE } from './people';
import { freshDataDir, removeDataDir, startHost, type RunningHost } from './web-host';

interface Fixtures {
  host: RunningHost;
  /** Stops the host and starts it again on the same data folder; opens the app at the new address. */
  restartHost(): Promise<RunningHost>;
}

export const test = base.extend<Fixtures>({
  host: async ({}, use) => {
    const dataDir = freshDataDir();
    const holder = { host: await startHost(dataDir) };
    await use(holder.host);
    await holder.host.stop();
    removeDataDir(dataDir);
  },
  restartHost: async ({ host, page }, use) => {
    let current = host;
    await use(async () => {
      await current.stop();
      current = await startHost(host.dataDir);
      // The host keeps its port, so only the address's fragment differs: load the page afresh, as a new tab would.
      await page.goto('about:blank');
      await page.goto(current.url);
      return current;
    });
    await current.stop();
  },
});

export { expect };

/** WCAG 2.2 AA by axe-core: no violation at any impact level may remain on the screen as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility violations on ${screen}`,
  ).toEqual([]);
}

/** Adds a profile on the first screen, with the stories' passphrase, and continues as that person. */
export async function addProfile(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your full name', { exact: true }).fill(name);
  await page.getByLabel('Choose a passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Add profile and sign in' }).click();
  // A new profile's passphrase is hashed at full scrypt cost (deliberately slow), on a CI machine shared with other runs.
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible({ timeout: 30_000 });
}

/** Opens a tab of the evaluation screen. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Evaluation', exact: true }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}
