import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { DECLARATION_LABELS, MITIGATION_LABELS } from '../../../shared/domain/conflicts';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import type { Rollback } from '../../../shared/api/audit';
import { chainHead } from '../audit/chain';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { auditEntryKey, CONTENT_MAC_SCHEME, contentMac } from '../audit/record';
import { rollbacksOf } from '../audit/rollbacks';
import type { Db } from '../db/open';
import { NOT_WITHHELD } from '../scoring/repo';
import { installationSecret } from '../secrets/installation-secrets';
import { writeRankedWorkbook, type Progress } from '../export/ranked-workbook';
import type { SheetMeta } from '../export/sheet-style';
import type { ResultsSnapshot } from '../export/snapshot';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const csv = (columns: string[], rows: (string | number | null)[][]) => strToU8(stringify(rows, { header: true, columns, bom: true }));

function auditLines(db: Db, evaluationId: string): Uint8Array {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor_id, p.name AS actor, a.method, a.evaluation_id, a.detail, a.prev_hash, a.hash
       FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id WHERE a.evaluation_id = ? ORDER BY a.seq`,
    )
    .all(evaluationId) as Record<string, unknown>[];
  return strToU8(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
}

/**
 * The key of each audit entry that recorded a sealed score's content (see auditEntryKey in ../audit/record),
 * with that content, so anyone can check the sealed score against the trail. For each sealed, not withheld
 * current entry, only the LAST scoring.save of that evaluator × bidder × criterion is opened, and only when
 * its MAC matches the sealed content: that content is in the pack anyway. Earlier drafts of a sealed score,
 * and every save for a bidder not yet sealed, keep their keys, so nobody can test guesses against them.
 */
function auditProofs(db: Db, evaluationId: string): Uint8Array {
  const auditMacKey = installationSecret(db, 'audit-mac-key'); // read before iterating: the connection is busy until then
  const rows = db
    .prepare(
      `WITH last_saves AS (
         SELECT a.actor_id, json_extract(a.detail, '$.bidderId') AS bidder_id, json_extract(a.detail, '$.criterionId') AS criterion_id, MAX(a.seq) AS seq
         FROM audit_log a WHERE a.evaluation_id = ? AND a.method = 'scoring.save' GROUP BY 1, 2, 3)
       SELECT l.seq, a.detail, s.score, s.rationale, s.evidence_refs, s.indicator_marks
       FROM seals k
       JOIN score_entries s ON s.evaluator_id = k.evaluator_id AND s.bidder_id = k.bidder_id
        AND s.seq = (SELECT MAX(x.seq) FROM score_entries x
                     WHERE x.evaluator_id = s.evaluator_id AND x.bidder_id = s.bidder_id AND x.criterion_id = s.criterion_id)
        AND ${NOT_WITHHELD}
       JOIN last_saves l ON l.actor_id = s.evaluator_id AND l.bidder_id = s.bidder_id AND l.criterion_id = s.criterion_id
       JOIN audit_log a ON a.seq = l.seq
       WHERE k.evaluation_id = ?
       ORDER BY l.seq`,
    )
    .iterate(evaluationId, evaluationId) as IterableIterator<{ seq: number; detail: string; score: number | null; rationale: string; evidence_refs: string; indicator_marks: string }>;
  const lines: string[] = [];
  for (const r of rows) {
    const recorded = (JSON.parse(r.detail) as { contentMac?: { scheme?: string; mac?: string } }).contentMac;
    if (recorded?.scheme !== CONTENT_MAC_SCHEME) continue; // recorded before per-entry keys: nothing to open
    const content = canonicalJson({ score: r.score, rationale: r.rationale, evidenceRefs: JSON.parse(r.evidence_refs), indicatorMarks: JSON.parse(r.indicator_marks) });
    const key = auditEntryKey(auditMacKey, r.seq);
    if (contentMac(key, content) !== recorded.mac) continue; // the last save is not what was sealed (changed another way since): keep it closed
    lines.push(JSON.stringify({ seq: r.seq, entryKey: Buffer.from(key).toString('hex'), content }));
  }
  return strToU8(lines.map((l) => `${l}\n`).join(''));
}

function documentsCsv(db: Db, evaluationId: string): Uint8Array {
  const rows = db
    .prepare(
      `SELECT b.name AS bidder, d.file_name, d.media_type, d.size, d.sha256, d.received_at, p.name AS added_by
       FROM documents d JOIN bidders b ON b.id = d.bidder_id JOIN people p ON p.id = d.added_by
       WHERE b.evaluation_id = ? ORDER BY b.name, d.file_name`,
    )
    .all(evaluationId) as { bidder: string; file_name: string; media_type: string; size: number; sha256: string; received_at: string; added_by: string }[];
  return csv(
    ['bidder', 'file_name', 'media_type', 'size_bytes', 'sha256', 'received_at', 'added_by'],
    rows.map((r) => [safe(r.bidder), safe(r.file_name), r.media_type, r.size, r.sha256, r.received_at, safe(r.added_by)]),
  );
}

function conflictsCsv(snap: ResultsSnapshot): Uint8Array {
  const bidder = new Map(snap.evaluation.bidders.map((b) => [b.id, b.name]));
  return csv(
    ['person', 'bidder', 'declared_against', 'declaration', 'description', 'declared_at', 'status', 'mitigation_decisions'],
    snap.declarations.map((d) => [
      safe(d.personName),
      safe(bidder.get(d.bidderId) ?? ''),
      safe(d.subject),
      DECLARATION_LABELS[d.kind],
      safe(d.description),
      d.declaredAt,
      d.supersededBy ? 'superseded' : 'current',
      safe(d.mitigations.map((m) => `${m.decidedAt} ${MITIGATION_LABELS[m.decision]}: ${m.reason} (${m.decidedBy})`).join(' | ')),
    ]),
  );
}

const rollbackLines = (rollbacks: Rollback[]) =>
  rollbacks.length === 0
    ? ['This record has never been restored from a backup.']
    : [
        'This record was restored from a backup (rolled back) — see the backup.rollback entries in audit-log.jsonl:',
        ...rollbacks.map(
          (r) => `  ${r.at}  ${r.byName ?? 'the administrator'} restored ${r.backup}: chain head went from entry ${r.rolledBack.seq} (${r.rolledBack.hash}) back to entry ${r.restored.seq} (${r.restored.hash})`,
        ),
      ];

const readme = (snap: ResultsSnapshot, meta: SheetMeta, head: { seq: number; hash: string }, rollbacks: Rollback[]) =>
  strToU8(
    [
      `${meta.securityMarking}`,
      '',
      `Evidence pack: ${snap.evaluation.name} (${snap.evaluation.reference || 'no reference'})`,
      `Made ${meta.exportedAt} by the Capability Assessment app.`,
      '',
      'What is inside',
      '  ranked-results.xlsx      the ranked results, breakdown, framework and scale, individual scores, moderation log and conflicts register',
      '  audit-log.jsonl          every audit-trail entry for this evaluation, one JSON object per line, with its hash-chain links',
      '  framework.json           the capability framework exactly as frozen into the evaluation',
      '  scale-and-rules.json     the scoring scale, weights, thresholds and rules exactly as published',
      '  conflicts-register.csv   every conflict-of-interest declaration, superseded ones included, with mitigation decisions',
      '  documents.csv            every evidence document with its size and SHA-256',
      '  audit-proofs.jsonl       the key that opens the audit entry recording each sealed score (see below)',
      '  manifest.sha256          the SHA-256 of every file above',
      '',
      'How to check nothing has changed',
      '  Linux:    sha256sum -c manifest.sha256',
      '  macOS:    shasum -a 256 -c manifest.sha256',
      '  Windows:  Get-FileHash -Algorithm SHA256 <file>   (PowerShell; compare with manifest.sha256)',
      'Every line must report OK. The manifest itself has the SHA-256 the app showed and recorded in the audit trail when the pack was made.',
      '',
      'The audit trail is a hash chain: each entry\'s "hash" is SHA-256 of its "prev_hash", a newline, and the JSON array',
      '[seq, at, actor_id, method, evaluation_id, detail]. Entries of other evaluations are not included, so links between',
      `consecutive lines may skip; each entry can still be checked on its own. Chain head when this pack was made: entry ${head.seq}, ${head.hash}.`,
      '',
      'A score save is recorded without its content. Its detail holds contentMac {"scheme": "hmac-sha256/entry-key-v1", "mac"}:',
      'HMAC-SHA256 of the content under a key for that entry alone (HMAC-SHA256 of "audit-entry:" + seq under a secret this',
      'installation never reveals). Each line of audit-proofs.jsonl gives the seq of the save that produced a sealed score, that',
      'entry\'s key (entryKey, hex) and the content exactly as it was MACed: the JSON of score, rationale, evidenceRefs and',
      'indicatorMarks with keys sorted and no spaces, in UTF-8. HMAC-SHA256(entryKey, content) must equal the mac of the entry with',
      'the same seq in audit-log.jsonl, and the content must be the sealed score in ranked-results.xlsx. To check every line:',
      `  python3 -c "import hmac,hashlib,json; log={e['seq']: json.loads(e['detail']) for e in map(json.loads, open('audit-log.jsonl', encoding='utf-8'))}; [print(p['seq'], hmac.new(bytes.fromhex(p['entryKey']), p['content'].encode(), hashlib.sha256).hexdigest() == log[p['seq']]['contentMac']['mac']) for p in map(json.loads, open('audit-proofs.jsonl', encoding='utf-8'))]"`,
      'Every line must end True. Only the last save before each seal has its key here: earlier drafts, and every save for a',
      'bidder the evaluator has not sealed, have none, so their content cannot be tested by guessing. Entries recorded before',
      'this scheme carry contentSha256 instead and have no key.',
      '',
      ...rollbackLines(rollbacks),
      '',
    ].join('\n'),
  );

/** One self-verifying bundle of the results and the records behind them. */
export async function buildEvidencePack(db: Db, snap: ResultsSnapshot, meta: SheetMeta, onProgress?: Progress): Promise<{ zip: Uint8Array; manifestSha256: string }> {
  const workbook = await writeRankedWorkbook(snap, meta, onProgress);
  const { framework, settings } = snap.evaluation;
  const files: Record<string, Uint8Array> = {
    'ranked-results.xlsx': new Uint8Array(workbook),
    'audit-log.jsonl': auditLines(db, snap.evaluation.id),
    'framework.json': strToU8(`${JSON.stringify(framework, null, 2)}\n`),
    'scale-and-rules.json': strToU8(`${JSON.stringify(settings, null, 2)}\n`),
    'conflicts-register.csv': conflictsCsv(snap),
    'documents.csv': documentsCsv(db, snap.evaluation.id),
    'audit-proofs.jsonl': auditProofs(db, snap.evaluation.id),
  };
  const manifest = strToU8(
    Object.entries(files)
      .map(([name, data]) => `${sha256(data)}  ${name}`)
      .join('\n') + '\n',
  );
  const all = { ...files, 'manifest.sha256': manifest, 'README.txt': readme(snap, meta, chainHead(db), rollbacksOf(db, snap.evaluation.id)) };
  const fixed = new Date(meta.exportedAt);
  const zip = zipSync(Object.fromEntries(Object.entries(all).map(([name, data]) => [name, [data, { mtime: fixed }]])), { level: 6 });
  return { zip, manifestSha256: sha256(manifest) };
}
