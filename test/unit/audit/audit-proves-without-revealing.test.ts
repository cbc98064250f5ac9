import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listCriteria } from '../../../shared/domain/framework';
import { appendAuditEntry } from '../../../electron/core/audit/chain';
import { auditRows, makeCore, readDatabase, withDemoPassphrases, type TestCore } from '../support/core';
import { declareAll } from '../support/declarations';

/*
 * The audit trail says that an evaluator saved a score, and proves what was saved once it is sealed, without
 * ever letting its reader (the procurement lead, or whoever holds an evidence pack) recover an unsealed score
 * or an earlier draft by trying guesses.
 */

const SECRET_RATIONALE = 'Quillwort governance gap: board minutes omit safeguarding escalations entirely, so a weak answer.';
const finalRationale = (criterionId: string) => `Final view on ${criterionId}: the response evidences a mature partnership board with clear escalation routes.`;
const DRAFT_RATIONALES = [
  'First draft on the partnership board: thin evidence so far, more reading of the annex is needed before deciding.',
  'Second draft on the partnership board: the annex helps, though escalation routes are still only partly described.',
];

interface SaveDetail {
  evaluationId: string;
  bidderId: string;
  criterionId: string;
  contentMac: { scheme: string; mac: string };
}

/**
 * The demo evaluation, opened for scoring, everyone declared clear. Alice (an evaluator) drafts twice and then
 * finalises the first criterion for the first bidder, saves the rest and seals that bidder; for the second
 * bidder she saves one unsealed score with a rationale nobody else may read.
 */
async function aliceSealsOneBidderAndDraftsAnother(t: TestCore) {
  const { evaluationId, leadPersonId: leadId } = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
  const evaluation = await t.call(leadId, 'evaluations.openScoring', { evaluationId });
  const evaluators = evaluation.panel.filter((m) => m.role === 'evaluator');
  const moderator = evaluation.panel.find((m) => m.role === 'moderator')!;
  for (const person of [...evaluators, moderator]) await declareAll(t, evaluationId, person.personId);
  const alice = evaluators[0]!.personId;
  const [sealedBidder, draftBidder] = evaluation.bidders;
  const criteria = listCriteria(evaluation.framework);
  const first = criteria[0]!.id;
  const save = (bidderId: string, criterionId: string, score: number, rationale: string) =>
    t.call(alice, 'scoring.save', { evaluationId, bidderId, criterionId, score, rationale, evidenceRefs: [], indicatorMarks: {} });

  await save(sealedBidder!.id, first, 1, DRAFT_RATIONALES[0]!);
  await save(sealedBidder!.id, first, 2, DRAFT_RATIONALES[1]!);
  for (const c of criteria) await save(sealedBidder!.id, c.id, 4, finalRationale(c.id));
  await t.call(alice, 'scoring.seal', { evaluationId, bidderId: sealedBidder!.id });

  const secretScore = 3;
  await save(draftBidder!.id, first, secretScore, SECRET_RATIONALE);

  const saves = auditRows(t)
    .filter((r) => r.method === 'scoring.save')
    .map((r) => ({ seq: r.seq, ...(JSON.parse(r.detail) as SaveDetail) }));
  return { t, evaluationId, leadId, alice, evaluation, sealedBidder: sealedBidder!, draftBidder: draftBidder!, criteria, first, secretScore, saves };
}

async function evidencePack(t: TestCore, leadId: string, evaluationId: string) {
  const pack = await t.call(leadId, 'export.evidencePack', { evaluationId });
  return unzipSync(pack.content);
}

interface Proof {
  seq: number;
  entryKey: string;
  content: string;
}
const proofsOf = (files: Record<string, Uint8Array>): Proof[] =>
  strFromU8(files['audit-proofs.jsonl']!)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Proof);

/** Every text in the pack, the workbook's own parts included (an .xlsx is a zip of XML). */
function packTexts(files: Record<string, Uint8Array>): string[] {
  const texts: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('.xlsx')) for (const part of Object.values(unzipSync(data))) texts.push(strFromU8(part));
    else texts.push(strFromU8(data));
  }
  return texts;
}

/** Every 64-hex-digit window in the texts, lower-cased: wherever a SHA-256 or HMAC digest could be written. */
function hexWindows(texts: string[]): Set<string> {
  const windows = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(/[0-9a-f]{64,}/gi) ?? []) {
      for (let i = 0; i + 64 <= run.length; i++) windows.add(run.slice(i, i + 64).toLowerCase());
    }
  }
  return windows;
}

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
const hmacHex = (key: Uint8Array | string, s: string) => createHmac('sha256', key).update(s).digest('hex');

/** The JSON spellings of a save's content: as the API orders the fields, and canonical (keys sorted). */
const spellings = (score: number, rationale: string) => [
  JSON.stringify({ score, rationale, evidenceRefs: [], indicatorMarks: {} }),
  JSON.stringify({ evidenceRefs: [], indicatorMarks: {}, rationale, score }),
];

const installationAuditKey = (t: TestCore): Buffer =>
  readDatabase(t.core.databaseFile, (db) => (db.prepare("SELECT value FROM installation_secrets WHERE name = 'audit-mac-key'").get() as { value: Buffer }).value);

describe('the audit trail proves what was saved without revealing it', () => {
  it('a test tries every scale point and every rationale prefix against the audit trail and the evidence pack and matches nothing', async () => {
    const s = await aliceSealsOneBidderAndDraftsAnother(makeCore());
    const { t, evaluationId, leadId, evaluation } = s;
    const secretSave = s.saves.find((e) => e.bidderId === s.draftBidder.id)!;

    // What the procurement lead reads, and what the evidence pack carries.
    const { entries } = await t.call(leadId, 'audit.list', { evaluationId, limit: 500 });
    const files = await evidencePack(t, leadId, evaluationId);
    expect(entries.length).toBeLessThan(500);
    const texts = [...entries.map((e) => JSON.stringify(e)), ...packTexts(files)];
    const haystack = hexWindows(texts);

    // The unsealed save is recorded by a MAC only: no score, no rationale, no plain hash.
    const listed = entries.find((e) => e.seq === secretSave.seq)!;
    expect(Object.keys(JSON.parse(listed.detail) as object).sort()).toEqual(['bidderId', 'contentMac', 'criterionId', 'evaluationId']);
    expect(listed.detail).not.toMatch(/score"|rationale|contentSha256/);
    expect(secretSave.contentMac.scheme).toBe('hmac-sha256/entry-key-v1');
    for (const text of texts) {
      expect(text).not.toContain(SECRET_RATIONALE);
      expect(text).not.toContain('Quillwort');
    }
    // No key is shown for it (nor for any save for that bidder).
    const proofs = proofsOf(files);
    const draftBidderSeqs = new Set(s.saves.filter((e) => e.bidderId === s.draftBidder.id).map((e) => e.seq));
    expect(proofs.some((p) => draftBidderSeqs.has(p.seq))).toBe(false);

    // Keys a guesser might try: none, zeros, the names of things, and every key the pack does reveal.
    const keys: (Uint8Array | string)[] = [
      '',
      new Uint8Array(32),
      'audit-mac-key',
      `audit-entry:${secretSave.seq}`,
      evaluationId,
      ...proofs.map((p) => Buffer.from(p.entryKey, 'hex')),
    ];
    const points = evaluation.settings.scale.points.map((p) => p.value);
    expect(points).toContain(s.secretScore);
    let tried = 0;
    for (const score of points) {
      for (let n = 0; n <= SECRET_RATIONALE.length; n++) {
        for (const content of spellings(score, SECRET_RATIONALE.slice(0, n))) {
          const guesses = [sha256Hex(content), ...keys.map((k) => hmacHex(k, content))];
          for (const guess of guesses) expect(haystack.has(guess), `${score} / ${n} characters`).toBe(false);
          tried += guesses.length;
        }
      }
    }
    expect(tried).toBeGreaterThan(6 * SECRET_RATIONALE.length * 2 * keys.length);

    // The test has teeth: under the installation's own per-entry key the true content does match.
    const entryKey = createHmac('sha256', installationAuditKey(t)).update(`audit-entry:${secretSave.seq}`).digest();
    expect(hmacHex(entryKey, spellings(s.secretScore, SECRET_RATIONALE)[1]!)).toBe(secretSave.contentMac.mac);
    expect(haystack.has(hmacHex(entryKey, spellings(s.secretScore, SECRET_RATIONALE)[1]!))).toBe(true);
  });

  it('after sealing, the evidence pack’s entry key proves the sealed content', async () => {
    const s = await aliceSealsOneBidderAndDraftsAnother(makeCore());
    const { t, evaluationId, leadId } = s;
    const files = await evidencePack(t, leadId, evaluationId);
    const proofs = proofsOf(files);
    const audit = new Map(
      strFromU8(files['audit-log.jsonl']!)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { seq: number; actor_id: string; detail: string })
        .map((e) => [e.seq, e]),
    );

    // One proof per sealed criterion, each opening the last save of it, by Alice, for the sealed bidder.
    expect(proofs).toHaveLength(s.criteria.length);
    const lastSaves = new Map<string, number>();
    for (const e of s.saves.filter((x) => x.bidderId === s.sealedBidder.id)) lastSaves.set(e.criterionId, e.seq);
    expect(proofs.map((p) => p.seq).sort((a, b) => a - b)).toEqual([...lastSaves.values()].sort((a, b) => a - b));

    for (const proof of proofs) {
      const entry = audit.get(proof.seq)!;
      const detail = JSON.parse(entry.detail) as SaveDetail;
      expect(entry.actor_id).toBe(s.alice);
      expect(detail.bidderId).toBe(s.sealedBidder.id);
      expect(hmacHex(Buffer.from(proof.entryKey, 'hex'), proof.content)).toBe(detail.contentMac.mac);
      expect(JSON.parse(proof.content)).toEqual({ score: 4, rationale: finalRationale(detail.criterionId), evidenceRefs: [], indicatorMarks: {} });
      // The per-entry key is not the installation's secret.
      expect(proof.entryKey).not.toBe(installationAuditKey(t).toString('hex'));
    }

    // The two drafts before the final save of the first criterion have no key, and the revealed key opens neither.
    const firstCriterionSaves = s.saves.filter((e) => e.bidderId === s.sealedBidder.id && e.criterionId === s.first);
    expect(firstCriterionSaves).toHaveLength(3);
    const [draft1, draft2, final] = firstCriterionSaves;
    const revealed = proofs.filter((p) => [draft1!.seq, draft2!.seq].includes(p.seq));
    expect(revealed).toEqual([]);
    const finalKey = Buffer.from(proofs.find((p) => p.seq === final!.seq)!.entryKey, 'hex');
    for (const [draft, [score, rationale]] of [
      [draft1!, [1, DRAFT_RATIONALES[0]!]],
      [draft2!, [2, DRAFT_RATIONALES[1]!]],
    ] as const) {
      for (const content of spellings(score, rationale)) expect(hmacHex(finalKey, content)).not.toBe(draft.contentMac.mac);
    }
    for (const text of packTexts(files)) for (const r of DRAFT_RATIONALES) expect(text).not.toContain(r);

    // The README says how to check, and its own command says so for every line.
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('audit-proofs.jsonl');
    const command = readme.split('\n').find((l) => l.trim().startsWith('python3 -c'))!.trim();
    const dir = mkdtempSync(join(tmpdir(), 'audit-proofs-'));
    try {
      for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
      const check = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      const lines = check.stdout.trim().split('\n');
      expect(lines).toHaveLength(proofs.length);
      for (const line of lines) expect(line).toMatch(/^\d+ True$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the audit chain still verifies after these entries, an entry of the old contentSha256 scheme included, which is never opened', async () => {
    const s = await aliceSealsOneBidderAndDraftsAnother(makeCore());
    const { t, evaluationId, leadId } = s;
    expect(await t.call(leadId, 'audit.verify', { evaluationId })).toMatchObject({ ok: true, entries: auditRows(t).length });

    // An entry as an older version of the app recorded it, appended with a proper chain link, untouched since.
    const second = s.criteria[1]!.id;
    const db = new Database(t.core.databaseFile);
    const oldSeq = (db.prepare('SELECT MAX(seq) AS seq FROM audit_log').get() as { seq: number }).seq + 1;
    try {
      const content = { score: 4, rationale: finalRationale(second), evidenceRefs: [], indicatorMarks: {} };
      appendAuditEntry(db, {
        seq: oldSeq,
        at: new Date().toISOString(),
        actor_id: s.alice,
        method: 'scoring.save',
        evaluation_id: evaluationId,
        detail: JSON.stringify({ evaluationId, bidderId: s.sealedBidder.id, criterionId: second, contentSha256: sha256Hex(JSON.stringify(content)) }),
      });
    } finally {
      db.close();
    }

    // New entries follow it, and the whole chain holds.
    await t.call(s.alice, 'scoring.save', {
      evaluationId,
      bidderId: s.draftBidder.id,
      criterionId: s.first,
      score: 5,
      rationale: `${SECRET_RATIONALE} Revised.`,
      evidenceRefs: [],
      indicatorMarks: {},
    });
    expect(await t.call(leadId, 'audit.verify', { evaluationId })).toMatchObject({ ok: true, entries: auditRows(t).length });

    // The old entry is now the last save of that sealed criterion: it has no entry key, so it gets no proof.
    const proofs = proofsOf(await evidencePack(t, leadId, evaluationId));
    expect(proofs.map((p) => p.seq)).not.toContain(oldSeq);
    expect(proofs).toHaveLength(s.criteria.length - 1);
    expect(await t.call(leadId, 'audit.verify', { evaluationId })).toMatchObject({ ok: true });
  });
});
