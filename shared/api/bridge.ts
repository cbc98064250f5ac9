import type { Outcome } from './errors';

/** The single IPC channel the preload relays calls on; the main process hands them to the core. */
export const IPC_CHANNEL = 'core:dispatch';

/** What the sandboxed preload exposes on `window.capabilityBridge` through contextBridge. */
export interface CoreBridge {
  invoke(method: string, sessionId: string | null, params: unknown): Promise<Outcome<unknown>>;
}

export const BRIDGE_GLOBAL = 'capabilityBridge';
