import { request, type IncomingMessage } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressPush } from '../../../shared/api/progress';
import { SESSION_HEADER } from '../../../electron/web-host/progress-events';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';
import { makeCore, type TestCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';

/* Long work tells the page how far it has got: pushed by the host as server-sent events, only to its owner. */

const running: WebHost[] = [];
const streams: IncomingMessage[] = [];
afterEach(async () => {
  for (const s of streams.splice(0)) s.destroy();
  for (const h of running.splice(0)) await h.close();
});

async function hostOn(t: TestCore): Promise<WebHost> {
  const rendererDir = join(t.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  const host = await startWebHost({ core: t.core, rendererDir });
  running.push(host);
  return host;
}

interface Stream {
  status: number;
  headers: IncomingMessage['headers'];
  pushes: ProgressPush[];
  ended: Promise<void>;
}

/** Opens /events and collects every pushed event as it arrives. */
function follow(host: WebHost, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/events', headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      streams.push(res);
      const pushes: ProgressPush[] = [];
      let buffered = '';
      res.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event);
          if (data) pushes.push(JSON.parse(data[1]!) as ProgressPush);
        }
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({ status: res.statusCode ?? 0, headers: res.headers, pushes, ended });
    });
    req.on('error', reject);
    req.end();
  });
}

const until = async (check: () => boolean, ms = 20_000) => {
  for (const deadline = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > deadline) throw new Error('timed out');
};

describe('progress pushed to the page', () => {
  it('the lead exporting the workbook hears its progress to the end; the moderator following at the same time hears nothing of it', async () => {
    const t = makeCore();
    const s = await scoredDemo(t);
    const host = await hostOn(t);
    const auth = { Authorization: `Bearer ${host.token}` };
    const lead = await follow(host, { ...auth, [SESSION_HEADER]: await t.sessionOf(s.leadId) });
    const moderator = await follow(host, { ...auth, [SESSION_HEADER]: await t.sessionOf(s.moderatorId) });
    expect(lead.status).toBe(200);
    expect(lead.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(lead.headers['access-control-allow-origin']).toBeUndefined();

    const jobId = 'job-workbook-for-the-board';
    await t.call(s.leadId, 'export.rankedWorkbook', { evaluationId: s.evaluationId, jobId });
    await until(() => lead.pushes.some((p) => p.kind === 'progress' && p.update.finished));

    const updates = lead.pushes.flatMap((p) => (p.kind === 'progress' ? [p.update] : []));
    expect(updates.every((u) => u.jobId === jobId && u.label === 'Writing the ranked-results workbook')).toBe(true);
    expect(updates.at(-1)).toMatchObject({ finished: true });
    expect(updates.some((u) => u.total > 0 && u.done > 0)).toBe(true);
    expect(moderator.pushes).toEqual([]);
  });

  it('refuses a page without the token, or without a session, and tells a page whose session is not open why it hears nothing', async () => {
    const t = makeCore();
    await t.profile('Ada Lovelace');
    const host = await hostOn(t);
    expect((await follow(host, { [SESSION_HEADER]: 'a'.repeat(43) })).status).toBe(401);
    expect((await follow(host, { Authorization: `Bearer ${host.token}` })).status).toBe(400);
    const stranger = await follow(host, { Authorization: `Bearer ${host.token}`, [SESSION_HEADER]: 'b'.repeat(43) });
    await stranger.ended;
    expect(stranger.pushes).toEqual([{ kind: 'refused', error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }]);
  });
});
