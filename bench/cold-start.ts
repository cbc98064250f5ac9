/*
 * Cold start: from spawning the built web host on the seeded data folder (a store of the bench's size: about
 * 95 MiB at 1×, 190 MiB at 4× by then, the bids' documents and the scores' rationales) to the profile screen's heading "Who is using
 * the app?" being visible in Chromium.
 *
 * Chromium (Debian's, /usr/bin/chromium) is launched once, before any timing, as a desktop user's browser
 * already is. Each run is process-cold: a new host process (which opens the store — integrity check,
 * migrations check, the at-open backup — and starts listening) and a new browser context (no HTTP cache,
 * no session storage), then page.goto(url) and the wait for the heading. The operating system's file cache
 * stays warm, as on a laptop reopening the app; one untimed run goes first so every timed run sees the same.
 */
import { chromium, type Browser } from 'playwright-core';
import { hostUrl, memoryOf, spawnHost, stopChild } from './host';
import type { Measured } from './reads';
import { figure, TARGETS, timeRuns, under } from './stats';
import type { Scale } from './synthetic';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

async function onceToFirstScreen(browser: Browser, dataDir: string, phases: number[][]): Promise<number> {
  const start = performance.now();
  const child = spawnHost(dataDir);
  const context = await browser.newContext();
  try {
    const url = await hostUrl(child);
    const listening = performance.now();
    const page = await context.newPage();
    await page.goto(url);
    const loaded = performance.now();
    await page.getByRole('heading', { level: 1, name: 'Who is using the app?' }).waitFor({ state: 'visible', timeout: 30_000 });
    const visible = performance.now();
    phases.push([listening - start, loaded - listening, visible - loaded, memoryOf(child.pid!).peakMb]);
    return visible - start;
  } finally {
    await context.close();
    await stopChild(child);
  }
}

export async function measureColdStart(browser: Browser, dataDir: string, runs: number, scale: Scale): Promise<Measured> {
  const phases: number[][] = [];
  await onceToFirstScreen(browser, dataDir, []);
  const t = await timeRuns(runs, () => onceToFirstScreen(browser, dataDir, phases));
  const mid = (i: number) => [...phases.map((p) => p[i]!)].sort((a, b) => a - b)[Math.floor(phases.length / 2)]!;
  return {
    measures: [figure('cold-start', 'cold start to first screen (Chromium)', t, under(t.median, TARGETS.coldStartMs[scale]))],
    notes: [
      `cold start phases (medians): host spawned → listening ${mid(0).toFixed(0)} ms, → page loaded ${mid(1).toFixed(0)} ms, → heading visible ${mid(2).toFixed(0)} ms; a freshly started host peaks at ${mid(3).toFixed(0)} MiB`,
    ],
  };
}
