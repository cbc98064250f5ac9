/** When typing stops, save this soon after. */
export const AUTOSAVE_DEBOUNCE_MS = 400;
/** While typing goes on, save at least this often; with the save's round trip a crash then loses under a second of input. */
export const AUTOSAVE_MAX_WAIT_MS = 800;

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface AutosaveSchedule {
  /** Something changed: save once typing pauses, and no later than the max wait after the first unsaved change. */
  touch(): void;
  /** Save now (blur, criterion change, leaving the page) and resolve when nothing is left unsaved. */
  flush(): Promise<void>;
  /** True while a change waits to be saved or a save is on its way. */
  pending(): boolean;
  dispose(): void;
}

/**
 * Debounce with a ceiling, and never two saves at once: a change made while a save is on its way is
 * saved straight after it. `save` saves whatever is unsaved at the moment it runs.
 */
export function createAutosaveSchedule(
  save: () => Promise<void>,
  opts: { debounceMs?: number; maxWaitMs?: number; clock?: Clock } = {},
): AutosaveSchedule {
  const { debounceMs = AUTOSAVE_DEBOUNCE_MS, maxWaitMs = AUTOSAVE_MAX_WAIT_MS, clock = realClock } = opts;
  let firstUnsavedAt: number | null = null;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;

  const clearTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const run = (): Promise<void> => {
    clearTimer();
    firstUnsavedAt = null;
    if (running) {
      again = true;
      return running;
    }
    running = save()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  };

  return {
    touch() {
      const now = clock.now();
      firstUnsavedAt ??= now;
      clearTimer();
      timer = clock.setTimeout(() => void run(), Math.max(0, Math.min(debounceMs, firstUnsavedAt + maxWaitMs - now)));
    },
    async flush() {
      if (firstUnsavedAt !== null || timer !== null) void run();
      while (running) await running;
    },
    pending: () => firstUnsavedAt !== null || running !== null,
    dispose: clearTimer,
  };
}
