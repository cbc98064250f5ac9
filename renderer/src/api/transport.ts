import { BRIDGE_GLOBAL, type CoreBridge } from '../../../shared/api/bridge';
import type { Outcome } from '../../../shared/api/errors';

export type Transport = (method: string, actorId: string | null, params: unknown) => Promise<Outcome<unknown>>;

const TOKEN_KEY = 'capability-assessment.token';

/** The web host hands its per-launch token in the URL fragment; keep it for this tab and tidy the address bar. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(): Transport {
  const token = takeToken();
  return async (method, actorId, params) => {
    if (!token) {
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'This page was opened without its access token. Use the address the app printed when it started.' } };
    }
    try {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ actorId, params }),
      });
      return (await response.json()) as Outcome<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'The app’s local host is not answering. Is it still running?' } };
    }
  };
}

/** IPC when running inside Electron (the preload exposes the bridge), otherwise HTTP to the local web host. */
export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, CoreBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ? (method, actorId, params) => bridge.invoke(method, actorId, params) : httpTransport();
}
