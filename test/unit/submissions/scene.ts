import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { evaluationWithPanel, type TestCore } from '../support/core';

/** A few bytes that start like each format the core recognises (enough for sniffing, not a whole image). */
export const MAGIC = {
  pdf: Buffer.from('%PDF-1.7\n%fictional evidence\n'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
};

/** A file's bytes, as the window sends them. */
export const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

/** The lead's evaluation with its panel and one consortium bidder, plus a second bidder. */
export async function submissionScene(t: TestCore) {
  const scene = await evaluationWithPanel(t);
  const evaluationId = scene.evaluation.id;
  const withSecond = await t.call(scene.lead.id, 'bidders.add', {
    evaluationId,
    name: 'Riverside Partnership',
    reference: 'BID-002',
    members: [{ organisation: 'Riverside Trust', role: 'lead' }],
  });
  const second = withSecond.bidders.find((b) => b.reference === 'BID-002')!;
  const addDocument = (bidderId: string, fileName: string, content: string | Uint8Array, mediaType = '') =>
    t.call(scene.lead.id, 'documents.add', { evaluationId, bidderId, fileName, mediaType, content: bytesOf(content) });
  return { ...scene, evaluationId, second, addDocument };
}

/**
 * Declarations written straight into the store (the conflicts feature's handlers are built separately);
 * the recusal rule reads exactly these rows.
 */
export function insertDeclaration(
  t: TestCore,
  d: { evaluationId: string; personId: string; bidderId: string; memberId?: string | null; kind: 'none' | 'actual' | 'perceived' | 'potential' },
): string {
  const id = randomUUID();
  withWriter(t, (db) =>
    db
      .prepare(
        `INSERT INTO declarations (id, evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, d.evaluationId, d.personId, d.bidderId, d.memberId ?? null, d.kind, d.kind === 'none' ? '' : 'Former employee', new Date().toISOString()),
  );
  return id;
}

export function insertMitigation(t: TestCore, declarationId: string, decision: 'recused' | 'permitted', decidedBy: string): void {
  withWriter(t, (db) =>
    db
      .prepare('INSERT INTO mitigations (id, declaration_id, decision, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), declarationId, decision, 'Left over five years ago; no current ties.', new Date().toISOString(), decidedBy),
  );
}

function withWriter<T>(t: TestCore, write: (db: Database.Database) => T): T {
  const db = new Database(t.core.databaseFile);
  try {
    db.pragma('busy_timeout = 5000');
    return write(db);
  } finally {
    db.close();
  }
}
