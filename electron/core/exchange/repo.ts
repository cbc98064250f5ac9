import type { AddedCounts, PackSummary, ReturnImport } from '../../../shared/api/exchange';
import type { Db } from '../db/open';

/*
 * The exchange's own records. All four tables are append-only: a pack, a revocation, an installation and
 * an import are facts, never edited.
 */

/** A person's or an evaluation's name, for messages (`fallback`, else the id itself, if it is not known here). */
export const nameOf = (db: Db, table: 'people' | 'evaluations', id: string, fallback = id): string =>
  (db.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? fallback;

export interface PackRow {
  id: string;
  evaluationId: string;
  evaluatorId: string;
  returnKey: Buffer;
  createdAt: string;
}

export interface NewPack {
  id: string;
  evaluationId: string;
  evaluatorId: string;
  returnKey: Uint8Array;
  fileSha256: string;
  bytes: number;
  withheld: string[];
  awaiting: string[];
  documents: number;
  at: string;
  by: string;
}

export function insertPack(db: Db, p: NewPack): void {
  db.prepare(
    `INSERT INTO packs (id, evaluation_id, evaluator_id, return_key, file_sha256, bytes, contents, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.id,
    p.evaluationId,
    p.evaluatorId,
    Buffer.from(p.returnKey),
    p.fileSha256,
    p.bytes,
    JSON.stringify({ withheld: p.withheld, awaiting: p.awaiting, documents: p.documents }),
    p.at,
    p.by,
  );
}

export const findPack = (db: Db, packId: string): PackRow | undefined =>
  db.prepare('SELECT id, evaluation_id AS evaluationId, evaluator_id AS evaluatorId, return_key AS returnKey, created_at AS createdAt FROM packs WHERE id = ?').get(packId) as
    PackRow | undefined;

export interface Revocation {
  at: string;
  by: string;
  reason: string;
}

export const revocationOf = (db: Db, packId: string): Revocation | undefined =>
  db
    .prepare('SELECT r.revoked_at AS at, p.name AS by, r.reason FROM pack_revocations r JOIN people p ON p.id = r.revoked_by WHERE r.pack_id = ?')
    .get(packId) as Revocation | undefined;

export function insertRevocation(db: Db, r: { packId: string; reason: string; at: string; by: string }): void {
  db.prepare('INSERT INTO pack_revocations (pack_id, reason, revoked_at, revoked_by) VALUES (?, ?, ?, ?)').run(r.packId, r.reason, r.at, r.by);
}

interface PackListRow {
  packId: string;
  evaluatorId: string;
  evaluatorName: string;
  createdAt: string;
  createdBy: string;
  fileSha256: string;
  bytes: number;
  contents: string;
}

interface ImportRow {
  packId: string;
  id: string;
  fileSha256: string;
  exportedAt: string;
  importedAt: string;
  importedBy: string;
  declarations: number;
  scoreEntries: number;
  seals: number;
}

/** Every pack of the evaluation, newest first, with its revocation and the returns imported from it. */
export function listPacks(db: Db, evaluationId: string): PackSummary[] {
  const packs = db
    .prepare(
      `SELECT k.id AS packId, k.evaluator_id AS evaluatorId, e.name AS evaluatorName, k.created_at AS createdAt, c.name AS createdBy,
              k.file_sha256 AS fileSha256, k.bytes, k.contents
       FROM packs k JOIN people e ON e.id = k.evaluator_id JOIN people c ON c.id = k.created_by
       WHERE k.evaluation_id = ? ORDER BY k.created_at DESC, k.rowid DESC`,
    )
    .all(evaluationId) as PackListRow[];
  const imports = db
    .prepare(
      `SELECT i.pack_id AS packId, i.id, i.file_sha256 AS fileSha256, i.exported_at AS exportedAt, i.imported_at AS importedAt, p.name AS importedBy,
              i.declarations_added AS declarations, i.score_entries_added AS scoreEntries, i.seals_added AS seals
       FROM return_imports i JOIN packs k ON k.id = i.pack_id JOIN people p ON p.id = i.imported_by
       WHERE k.evaluation_id = ? ORDER BY i.imported_at, i.rowid`,
    )
    .all(evaluationId) as ImportRow[];
  const bidderNames = new Map(
    (db.prepare('SELECT id, name FROM bidders WHERE evaluation_id = ?').all(evaluationId) as { id: string; name: string }[]).map((b) => [
      b.id,
      b.name,
    ]),
  );
  return packs.map(({ contents, ...p }) => {
    // Packs made before bids waited for declarations have no "awaiting" list.
    const { withheld, awaiting = [], documents } = JSON.parse(contents) as { withheld: string[]; awaiting?: string[]; documents: number };
    return {
      ...p,
      withheldBidders: withheld.map((id) => bidderNames.get(id) ?? id),
      awaitingDeclaration: awaiting.map((id) => bidderNames.get(id) ?? id),
      documents,
      revoked: revocationOf(db, p.packId) ?? null,
      imports: imports
        .filter((i) => i.packId === p.packId)
        .map((i): ReturnImport => ({
          id: i.id,
          fileSha256: i.fileSha256,
          exportedAt: i.exportedAt,
          importedAt: i.importedAt,
          importedBy: i.importedBy,
          added: { declarations: i.declarations, scoreEntries: i.scoreEntries, seals: i.seals },
        })),
    };
  });
}

export const importedBefore = (db: Db, packId: string, fileSha256: string): boolean =>
  db.prepare('SELECT 1 FROM return_imports WHERE pack_id = ? AND file_sha256 = ?').get(packId, fileSha256) !== undefined;

export function insertImport(
  db: Db,
  i: { id: string; packId: string; fileSha256: string; exportedAt: string; added: AddedCounts; at: string; by: string },
): void {
  db.prepare(
    `INSERT INTO return_imports (id, pack_id, file_sha256, exported_at, declarations_added, score_entries_added, seals_added, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(i.id, i.packId, i.fileSha256, i.exportedAt, i.added.declarations, i.added.scoreEntries, i.added.seals, i.at, i.by);
}

export interface Install {
  packId: string;
  evaluatorId: string;
  returnKey: Buffer;
  packCreatedAt: string;
  issuedBy: string;
  installedAt: string;
}

/** The latest pack opened here for the evaluation (its key seals the score return), if it came from one. */
export const latestInstall = (db: Db, evaluationId: string): Install | undefined =>
  db
    .prepare(
      `SELECT pack_id AS packId, evaluator_id AS evaluatorId, return_key AS returnKey, pack_created_at AS packCreatedAt,
              issued_by AS issuedBy, installed_at AS installedAt
       FROM pack_installs WHERE evaluation_id = ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(evaluationId) as Install | undefined;

export const isInstalled = (db: Db, packId: string): boolean => db.prepare('SELECT 1 FROM pack_installs WHERE pack_id = ?').get(packId) !== undefined;

export function insertInstall(
  db: Db,
  i: {
    packId: string;
    evaluationId: string;
    evaluatorId: string;
    returnKey: Uint8Array;
    fileSha256: string;
    packCreatedAt: string;
    issuedBy: string;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO pack_installs (pack_id, evaluation_id, evaluator_id, return_key, file_sha256, pack_created_at, issued_by, installed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(i.packId, i.evaluationId, i.evaluatorId, Buffer.from(i.returnKey), i.fileSha256, i.packCreatedAt, i.issuedBy, i.at);
}
