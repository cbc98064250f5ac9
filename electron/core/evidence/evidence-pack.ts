import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { DECLARATION_LABELS, MITIGATION_LABELS } from '../../../shared/domain/conflicts';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import type { Rollback } from '../../../shared/api/audit';
import { chainHead } from '../audit/chain';
import { rollbacksOf } from '../audit/rollbacks';
import type { Db } from '../db/open';
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
