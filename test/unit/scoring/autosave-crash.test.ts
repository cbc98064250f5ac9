import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, queryRows, TEST_PASSPHRASE } from '../support/core';
import { ensureBuiltHost, post, signIn, startBuiltHost, type BuiltHost } from './built-host';
import { GOV_DEV, save, scoringScene } from './scene';

/*
 * Eve is typing a rationale; the renderer autosaves it (at least every second while she types). The
 * host process is killed outright (SIGKILL: no shutdown code runs) in the middle of the stream of
 * saves. Reopened, the database must hold every save the host had acknowledged, intact, and the last
 * of them must be less than a second of typing behind the moment of the kill.
 */

const built = ensureBuiltHost();
if (!built.ok) console.warn(`[autosave-crash] skipped: ${built.reason}`);

const TYPING_CHARS_PER_SECOND = 20;
const SAVE_EVERY_MS = 100;
const KILL_AFTER_MS = 2_500;
const TEXT = 'The partnership board meets monthly with signed terms of reference, a named SRO and published minutes. '.repeat(4);

const typedBy = (ms: number) => TEXT.slice(0, Math.floor((ms * TYPING_CHARS_PER_SECOND) / 1000));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

let host: BuiltHost | null = null;
afterEach(() => {
  if (host?.child.exitCode === null) host.child.kill('SIGKILL');
  host = null;
});

describe.skipIf(!built.ok)('killing the host in the middle of typing', () => {
  it('loses no acknowledged save and at most the last second of input', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'capability-crash-'));
    const arrange = makeCore(dataDir);
    const s = await scoringScene(arrange);
    arrange.core.close();

    host = await startBuiltHost(dataDir);
    const exited = new Promise<void>((r) => host!.child.once('exit', () => r()));
    const eve = await signIn(host, s.a.id, TEST_PASSPHRASE);
    const acknowledged: { rationale: string; roundTripMs: number }[] = [];
    const start = performance.now();
    let killedAt = 0;
    let inFlightAtKill = false;

    while (!killedAt) {
      const tickAt = performance.now() - start;
      const rationale = typedBy(tickAt);
      const sent = performance.now();
      const reply = post(host, eve, 'scoring.save', save(s, { criterionId: GOV_DEV, score: 3, rationale })).then(
        (status) => ({ status, roundTripMs: performance.now() - sent }),
        () => null,
      );
      if (tickAt >= KILL_AFTER_MS) {
        // Kill while this save is on its way: it may or may not have been committed, but it was never acknowledged.
        await sleep(1);
        killedAt = performance.now() - start;
        inFlightAtKill = true;
        host.child.kill('SIGKILL');
      }
      const outcome = await reply;
      if (outcome?.status === 200) acknowledged.push({ rationale, roundTripMs: outcome.roundTripMs });
      if (!killedAt) await sleep(Math.max(0, SAVE_EVERY_MS - (performance.now() - sent)));
    }
    await exited;

    const reopened = makeCore(dataDir);
    const history = await reopened.call(s.a.id, 'scoring.history', { evaluationId: s.evaluationId, bidderId: s.bidder.id, criterionId: GOV_DEV });
    expect(queryRows(reopened.core.databaseFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    const persisted = history.map((e) => e.rationale);
    expect(acknowledged.length).toBeGreaterThan(15);
    for (const { rationale } of acknowledged) expect(persisted).toContain(rationale);
    // Nothing half-written: every persisted entry is exactly something that was sent, in typing order.
    for (const [i, rationale] of persisted.entries()) {
      expect(TEXT.startsWith(rationale)).toBe(true);
      if (i > 0) expect(rationale.length).toBeGreaterThan(persisted[i - 1]!.length);
    }
    const last = persisted[persisted.length - 1]!;
    const lostChars = typedBy(killedAt).length - last.length;
    const lostMs = (lostChars / TYPING_CHARS_PER_SECOND) * 1000;
    expect(inFlightAtKill).toBe(true);
    expect(lostMs).toBeLessThan(1000);

    const trips = acknowledged.map((a) => a.roundTripMs);
    console.info(
      `[autosave-crash] ${acknowledged.length} saves acknowledged, ${persisted.length} in history after SIGKILL at ${killedAt.toFixed(0)} ms; ` +
        `round trip median ${percentile(trips, 0.5).toFixed(1)} ms, p95 ${percentile(trips, 0.95).toFixed(1)} ms, max ${Math.max(...trips).toFixed(1)} ms; ` +
        `input lost: ${lostChars} characters ≈ ${lostMs.toFixed(0)} ms of typing`,
    );
  }, 60_000);
});
