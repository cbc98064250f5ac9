import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DEBOUNCE_MS, AUTOSAVE_MAX_WAIT_MS, createAutosaveSchedule } from '../../../renderer/src/features/scoring/autosave-schedule';

/*
 * The renderer's half of "nothing typed is lost": it saves shortly after typing stops, at least once a
 * second while typing goes on, right away when asked (blur, next criterion, leaving), and never runs
 * two saves at once.
 */

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(takesMs = 0) {
  const saves: number[] = [];
  const save = vi.fn(async () => {
    saves.push(Date.now());
    if (takesMs) await new Promise((r) => setTimeout(r, takesMs));
  });
  return { saves, save };
}

/** Types one key every `everyMs` for `forMs`; returns when each key was typed. */
async function type(schedule: { touch(): void }, forMs: number, everyMs = 80): Promise<number[]> {
  const keys: number[] = [];
  for (let t = 0; t < forMs; t += everyMs) {
    keys.push(Date.now());
    schedule.touch();
    await vi.advanceTimersByTimeAsync(everyMs);
  }
  return keys;
}

describe('the autosave schedule', () => {
  it('saves once, shortly after typing stops', async () => {
    const { saves, save } = recorder();
    const schedule = createAutosaveSchedule(save);
    const start = Date.now();
    await type(schedule, 400);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(saves).toHaveLength(1);
    expect(saves[0]! - start).toBeLessThanOrEqual(400 + AUTOSAVE_DEBOUNCE_MS);
    expect(AUTOSAVE_DEBOUNCE_MS).toBeLessThanOrEqual(500);
  });

  it('saves every keystroke within a second while typing goes on', async () => {
    const { saves, save } = recorder();
    const schedule = createAutosaveSchedule(save);
    const keys = await type(schedule, 5_000);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    const waits = keys.map((k) => saves.find((t) => t >= k)! - k);
    expect(saves.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...waits)).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS);
    expect(AUTOSAVE_MAX_WAIT_MS).toBeLessThan(1000);
  });

  it('saves at once when flushed, and the flush waits for it', async () => {
    const { saves, save } = recorder(50);
    const schedule = createAutosaveSchedule(save);
    schedule.touch();
    const flushed = schedule.flush();
    expect(saves).toHaveLength(1);
    expect(schedule.pending()).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    await flushed;
    expect(schedule.pending()).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(saves).toHaveLength(1);
  });

  it('never overlaps saves: a change during a slow save is saved right after it', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const save = vi.fn(async () => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((r) => setTimeout(r, 700));
      inFlight--;
    });
    const schedule = createAutosaveSchedule(save);
    await type(schedule, 3_000);
    const flushed = schedule.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    await flushed;
    expect(maxInFlight).toBe(1);
    expect(schedule.pending()).toBe(false);
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps going after a failed save', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('host down')).mockResolvedValue(undefined);
    const schedule = createAutosaveSchedule(save);
    schedule.touch();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    schedule.touch();
    await schedule.flush();
    expect(save).toHaveBeenCalledTimes(2);
  });
});
