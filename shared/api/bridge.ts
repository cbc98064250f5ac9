import type { Outcome } from './errors';
import type { ProgressPush } from './progress';

/** The single IPC channel the preload relays calls on; the main process hands them to the core. */
export const IPC_CHANNEL = 'core:dispatch';
/** Start and stop following progress (window → main), and the pushes themselves (main → window). */
export const WATCH_PROGRESS_CHANNEL = 'core:watch-progress';
export const UNWATCH_PROGRESS_CHANNEL = 'core:unwatch-progress';
export const PROGRESS_CHANNEL = 'core:progress';

/** What the sandboxed preload exposes on `window.capabilityBridge` through contextBridge. */
export interface CoreBridge {
  invoke(method: string, sessionId: string | null, params: unknown): Promise<Outcome<unknown>>;
  /** Follows the progress of the session's own long work until the returned function is called. */
  watchProgress(sessionId: string, listener: (push: ProgressPush) => void): () => void;
}

export const BRIDGE_GLOBAL = 'capabilityBridge';
