import { expect, type Page } from '@playwright/test';
import type { RunningHost } from './web-host';

/** Every profile a story adds in the UI or through the API signs in with this passphrase. */
export const E2E_PASSPHRASE = 'plum orbit canal forty';

/**
 * The passphrases a story knows, per data folder (they outlive a host restart): its own profiles'
 * (E2E_PASSPHRASE) and the demo's random ones, recorded when the demo is made through the API.
 */
const known = new Map<string, Map<string, string>>();

export function rememberPassphrase(host: Pick<RunningHost, 'dataDir'>, nameOrId: string, passphrase: string): void {
  const forFolder = known.get(host.dataDir) ?? new Map<string, string>();
  forFolder.set(nameOrId, passphrase);
  known.set(host.dataDir, forFolder);
}

export const passphraseOf = (host: Pick<RunningHost, 'dataDir'>, nameOrId: string): string => known.get(host.dataDir)?.get(nameOrId) ?? E2E_PASSPHRASE;

/** Chooses the profile on the sign-in screen and signs in with its passphrase (switching person first if someone is signed in). */
export async function signInAs(page: Page, host: Pick<RunningHost, 'dataDir'>, name: string): Promise<void> {
  if (await page.getByText(/^Signed in as/).isVisible()) await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByLabel('Your profile', { exact: true }).selectOption({ label: name });
  await page.getByLabel('Passphrase', { exact: true }).fill(passphraseOf(host, name));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

/** The same by keyboard alone: Tab to each control, type, Enter. */
export async function signInByKeyboard(page: Page, host: Pick<RunningHost, 'dataDir'>, name: string, tabTo: (target: ReturnType<Page['getByLabel']>) => Promise<void>): Promise<void> {
  const profile = page.getByLabel('Your profile', { exact: true });
  await tabTo(profile);
  await profile.selectOption({ label: name }); // a native select: the keyboard's choice, made without a click
  await tabTo(page.getByLabel('Passphrase', { exact: true }));
  await page.keyboard.type(passphraseOf(host, name));
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}
