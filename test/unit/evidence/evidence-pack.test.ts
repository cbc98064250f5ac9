import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../electron/core/audit/chain';
import { makeCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('the evidence pack', () => {
  it('is one zip whose manifest lists the SHA-256 of every file, and every hash matches', async () => {
    const t = makeCore();
    const s = await scoredDemo(t, { aggregation: 'mean' });
    const pack = await t.call(s.leadId, 'export.evidencePack', { evaluationId: s.evaluationId });
    expect(pack.fileName).toMatch(/-evidence-pack\.zip$/);
    const files = unzipSync(pack.content);
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'audit-log.jsonl', 'audit-proofs.jsonl', 'conflicts-register.csv', 'documents.csv', 'framework.json', 'manifest.sha256', 'ranked-results.xlsx', 'scale-and-rules.json'].sort(),
    );
    const manifest = strFromU8(files['manifest.sha256']!);
    expect(sha256(files['manifest.sha256']!)).toBe(pack.manifestSha256);
    const lines = manifest.trim().split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) {
      const [hash, name] = line.split('  ');
      expect(sha256(files[name!]!), name).toBe(hash);
    }
    expect(strFromU8(files['README.txt']!)).toContain('sha256sum -c manifest.sha256');

    // As an auditor would check it, with the standard tool.
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    try {
      for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
      const check = spawnSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: dir, encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(check.stdout.trim().split('\n')).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries the evaluation’s audit entries, each of which checks against its own hash', async () => {
    const t = makeCore();
    const s = await scoredDemo(t, { aggregation: 'mean' });
    const pack = await t.call(s.leadId, 'export.evidencePack', { evaluationId: s.evaluationId });
    const files = unzipSync(pack.content);
    const entries = strFromU8(files['audit-log.jsonl']!)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; at: string; actor_id: string | null; method: string; evaluation_id: string; detail: string; prev_hash: string; hash: string });
    expect(entries.length).toBeGreaterThan(50);
    for (const e of entries) expect(entryHash(e.prev_hash, e)).toBe(e.hash);
    expect(entries.some((e) => e.method === 'scoring.seal')).toBe(true);
    // The framework as frozen, and the published settings, byte for byte as the app holds them.
    const detail = await t.call(s.leadId, 'evaluations.get', { evaluationId: s.evaluationId });
    expect(JSON.parse(strFromU8(files['framework.json']!))).toEqual(detail.framework);
    expect(JSON.parse(strFromU8(files['scale-and-rules.json']!))).toEqual(detail.settings);
    // And the export itself is in the audit trail, naming the file by its hash.
    const { entries: exports } = await t.call(s.leadId, 'audit.list', { evaluationId: s.evaluationId, kind: 'exports' });
    expect(JSON.parse(exports[0]!.detail).produced.manifestSha256).toBe(pack.manifestSha256);
  });
});
