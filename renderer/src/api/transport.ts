import { BRIDGE_GLOBAL, type CoreBridge } from '../../../shared/api/bridge';
import { ApiErrorSchema, type ApiErrorShape, type ErrorCode, type Outcome } from '../../../shared/api/errors';
import { carriesBytes, formOf, valueOfForm } from '../../../shared/api/wire-bytes';

export type Transport = (method: string, sessionId: string | null, params: unknown) => Promise<Outcome<unknown>>;

const TOKEN_KEY = 'capability-assessment.token';

/** The web host's connection token this tab holds (null on the desktop, or before the launch code is traded). */
export const connectionToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

const problem = (code: ErrorCode, message: string): ApiErrorShape => ({ code, message });

const UNAVAILABLE = problem(
  'UNAVAILABLE',
  'The app’s local host is not answering. Start it again (npm start); your unsaved work stays on this page.',
);
const NO_TOKEN = problem(
  'UNAUTHENTICATED',
  'This page is not connected to the app. Open the address the app printed when it started (each address works once).',
);
const unreadable = (status: number) => problem('INTERNAL', `The app’s local host sent an answer this page cannot read (HTTP ${status}).`);

/** The one-time launch code the web host put in the address; taken out of the address bar (and history) at once. */
function takeLaunchCode(): string | null {
  const match = /(?:^#|&)launch=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return match[1];
}

/** The body as JSON, or undefined when it is not JSON at all. */
async function jsonOf(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** A well-formed outcome from the host, or an INTERNAL error standing in for anything else. */
function asOutcome(body: unknown, status: number): Outcome<unknown> {
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok === true && 'result' in body) return { ok: true, result: body.result };
    const error = 'error' in body ? ApiErrorSchema.safeParse(body.error) : null;
    if (body.ok === false && error?.success) return { ok: false, error: error.data };
  }
  return { ok: false, error: unreadable(status) };
}

/** The host's answer: JSON, or multipart/form-data when the result carries files (an `outcome` part and a part per file). */
async function outcomeOf(response: Response): Promise<Outcome<unknown>> {
  if (!response.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data'))
    return asOutcome(await jsonOf(response), response.status);
  try {
    return asOutcome(await valueOfForm(await response.formData(), 'outcome'), response.status);
  } catch {
    return { ok: false, error: unreadable(response.status) };
  }
}

/** A call as JSON, or — when its params carry files — as multipart/form-data: a `call` part with the envelope and a part per file. */
function requestOf(sessionId: string | null, params: unknown): { body: string | FormData; headers: Record<string, string> } {
  const envelope = { sessionId, params };
  if (carriesBytes(params)) return { body: formOf(envelope, 'call'), headers: {} }; // the browser sets the multipart boundary
  return { body: JSON.stringify(envelope), headers: { 'Content-Type': 'application/json' } };
}

function httpTransport(): Transport {
  let token = sessionStorage.getItem(TOKEN_KEY);
  let launchCode = takeLaunchCode();
  let exchanging: Promise<ApiErrorShape | null> | null = null;

  /** Trades the launch code for the connection token; null on success. */
  async function exchange(code: string): Promise<ApiErrorShape | null> {
    let response: Response;
    try {
      response = await fetch('/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    } catch {
      return UNAVAILABLE; // the code was not spent: the next call tries it again
    }
    launchCode = null;
    const body = await jsonOf(response);
    if (response.ok && body && typeof body === 'object' && 'token' in body && typeof body.token === 'string') {
      token = body.token;
      sessionStorage.setItem(TOKEN_KEY, token);
      return null;
    }
    const outcome = asOutcome(body, response.status);
    return outcome.ok ? unreadable(response.status) : outcome.error;
  }

  async function connect(): Promise<ApiErrorShape | null> {
    if (launchCode) {
      exchanging ??= exchange(launchCode).finally(() => (exchanging = null));
      const refused = await exchanging;
      // A spent code (the same address opened again in this tab) does not matter while the tab's token works.
      if (refused && !token) return refused;
    }
    return token ? null : NO_TOKEN;
  }

  return async (method, sessionId, params) => {
    const refused = await connect();
    if (refused) return { ok: false, error: refused };
    const { body, headers } = requestOf(sessionId, params);
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { ...headers, Authorization: `Bearer ${token}` },
        body,
      });
    } catch {
      return { ok: false, error: UNAVAILABLE };
    }
    return outcomeOf(response);
  };
}

/** IPC when running inside Electron (the preload exposes the bridge), otherwise HTTP to the local web host. */
export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, CoreBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ? (method, sessionId, params) => bridge.invoke(method, sessionId, params) : httpTransport();
}
