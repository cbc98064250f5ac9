import { BRIDGE_GLOBAL, type CoreBridge } from '../../../shared/api/bridge';
import type { ProgressPush, ProgressUpdate } from '../../../shared/api/progress';

/** Must match SESSION_HEADER in electron/web-host/progress-events.ts. */
const SESSION_HEADER = 'X-Capability-Session';

/** Reads the web host's server-sent events (fetch, so the token travels in a header, never the address). */
function watchOverHttp(token: string, sessionId: string, listener: (push: ProgressPush) => void): () => void {
  const stop = new AbortController();
  void (async () => {
    const response = await fetch('/events', { headers: { Authorization: `Bearer ${token}`, [SESSION_HEADER]: sessionId }, signal: stop.signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const data = /^data: (.*)$/m.exec(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        if (data?.[1]) listener(JSON.parse(data[1]) as ProgressPush);
      }
    }
  })().catch(() => {
    // Progress is a courtesy: the work's own answer still arrives (or fails) through its call.
  });
  return () => stop.abort();
}

/**
 * Follows one job's progress, pushed by whichever host serves this page, until the returned function is
 * called. Opened before the work starts, so no update is missed.
 */
export function followJob(connection: { token: string | null; sessionId: string | null }, jobId: string, onUpdate: (update: ProgressUpdate) => void): () => void {
  const { sessionId, token } = connection;
  if (!sessionId) return () => {};
  const listener = (push: ProgressPush) => {
    if (push.kind === 'progress' && push.update.jobId === jobId) onUpdate(push.update);
  };
  const bridge = (window as unknown as Record<string, CoreBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return bridge.watchProgress(sessionId, listener);
  return token ? watchOverHttp(token, sessionId, listener) : () => {};
}
