import type { AreaResponse, DocumentSummary } from '../../../shared/api/submissions';
import type { Db } from '../db/open';

const DOCUMENT_SUMMARY = `
  SELECT d.id, d.file_name AS fileName, d.media_type AS mediaType, d.size, d.sha256,
         d.received_at AS receivedAt, p.name AS addedBy, d.addendum_id AS addendumId
  FROM documents d JOIN people p ON p.id = d.added_by`;

/** Stores content once per SHA-256, whichever bidders it arrives for. */
export function insertBlobOnce(db: Db, sha256: string, bytes: Uint8Array): void {
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha256, bytes.byteLength, bytes);
}

export function insertDocument(
  db: Db,
  d: { id: string; bidderId: string; sha256: string; fileName: string; mediaType: string; size: number; at: string; by: string; addendumId?: string },
): void {
  db.prepare(
    `INSERT INTO documents (id, bidder_id, sha256, file_name, media_type, size, received_at, added_by, addendum_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.bidderId, d.sha256, d.fileName, d.mediaType, d.size, d.at, d.by, d.addendumId ?? null);
}

export const documentById = (db: Db, documentId: string): DocumentSummary | undefined =>
  db.prepare(`${DOCUMENT_SUMMARY} WHERE d.id = ?`).get(documentId) as DocumentSummary | undefined;

export const documentOfAddendum = (db: Db, addendumId: string): DocumentSummary | undefined =>
  db.prepare(`${DOCUMENT_SUMMARY} WHERE d.addendum_id = ?`).get(addendumId) as DocumentSummary | undefined;

export const documentWithContent = (db: Db, bidderId: string, sha256: string): DocumentSummary | undefined =>
  db.prepare(`${DOCUMENT_SUMMARY} WHERE d.bidder_id = ? AND d.sha256 = ?`).get(bidderId, sha256) as DocumentSummary | undefined;

export const documentsOf = (db: Db, bidderId: string): DocumentSummary[] =>
  db.prepare(`${DOCUMENT_SUMMARY} WHERE d.bidder_id = ? ORDER BY d.received_at, d.file_name COLLATE NOCASE`).all(bidderId) as DocumentSummary[];

/** Which bidder a document belongs to, so access to it can be checked like access to the bidder. */
export const bidderOfDocument = (db: Db, documentId: string): string | undefined =>
  (db.prepare('SELECT bidder_id FROM documents WHERE id = ?').get(documentId) as { bidder_id: string } | undefined)?.bidder_id;

export function documentContent(db: Db, documentId: string): { fileName: string; mediaType: string; data: Buffer } {
  return db
    .prepare('SELECT d.file_name AS fileName, d.media_type AS mediaType, b.data FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = ?')
    .get(documentId) as { fileName: string; mediaType: string; data: Buffer };
}

const RESPONSE = `
  SELECT r.area_id AS areaId, r.text, r.saved_at AS savedAt, p.name AS savedBy, r.addendum_id AS addendumId,
         (SELECT COUNT(*) FROM responses v WHERE v.bidder_id = r.bidder_id AND v.area_id = r.area_id AND v.seq <= r.seq) AS version
  FROM responses r JOIN people p ON p.id = r.saved_by`;

/** Appends a version of the response; earlier versions stay (the table refuses UPDATE and DELETE). */
export function insertResponse(db: Db, r: { bidderId: string; areaId: string; text: string; at: string; by: string; addendumId?: string }): AreaResponse {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO responses (bidder_id, area_id, text, saved_at, saved_by, addendum_id) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.bidderId, r.areaId, r.text, r.at, r.by, r.addendumId ?? null);
  return db.prepare(`${RESPONSE} WHERE r.seq = ?`).get(lastInsertRowid) as AreaResponse;
}

/** The latest version of the response to each capability area that has one. */
export const latestResponses = (db: Db, bidderId: string): AreaResponse[] =>
  db
    .prepare(
      `${RESPONSE} WHERE r.bidder_id = ?
         AND r.seq = (SELECT MAX(seq) FROM responses x WHERE x.bidder_id = r.bidder_id AND x.area_id = r.area_id)`,
    )
    .all(bidderId) as AreaResponse[];
