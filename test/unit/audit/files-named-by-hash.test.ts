import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditRows, makeCore, type TestCore } from '../support/core';
import { bytesOf } from '../submissions/scene';
import { declareAll, exchangeScene, exportPack, exportReturn, importReturn, openPack, PASSPHRASE } from '../exchange/scene';

/*
 * Every file that passes through the core — a document, an addendum's document, a score sheet, a workbook,
 * an evidence pack, an evaluator pack and a score return, in and out — travels as bytes, and the audit trail
 * names each one by its SHA-256 and size: never its content, in any encoding.
 */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const named = (bytes: Uint8Array) => ({ sha256: sha256(bytes), bytes: bytes.byteLength });

/** Anything in a recorded detail that looks like serialised bytes: a Buffer's toJSON, or a typed array's numbered keys. */
function serialisedBytes(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'number') && value.length > 0 ? [path] : value.flatMap((v, i) => serialisedBytes(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  if ('0' in value || (value as { type?: unknown }).type === 'Buffer') return [path];
  return Object.entries(value).flatMap(([k, v]) => serialisedBytes(v, `${path}.${k}`));
}

/** What the audit trail recorded for the first call of a method. */
const detailOf = (t: TestCore, method: string): unknown => JSON.parse(auditRows(t).find((r) => r.method === method)!.detail);

describe('files in the audit trail', () => {
  it('are named by their SHA-256 and size, in every call that carries or makes one, and never recorded as content', async () => {
    const s = await exchangeScene();
    const { t, evaluationId } = s;
    const eve = s.evaluators[0];
    const letter = bytesOf('Clarification letter 4: the board’s terms of reference (fictional).');
    await t.call(s.lead.id, 'submissions.addendum', {
      evaluationId,
      bidderId: s.bidder.id,
      reason: 'Clarification received',
      document: { fileName: 'clarification-4.txt', mediaType: 'text/plain', content: letter },
    });
    await declareAll(t, evaluationId, eve.id);
    const sheet = await t.call(s.lead.id, 'scoreSheets.generate', { evaluationId, evaluatorId: eve.id });
    const workbook = await t.call(s.lead.id, 'export.rankedWorkbook', { evaluationId });
    const evidence = await t.call(s.lead.id, 'export.evidencePack', { evaluationId });
    const pack = await exportPack(s, eve.id);
    const laptop = makeCore();
    await openPack(laptop, pack.file);
    const ret = await exportReturn(laptop, evaluationId, eve.id);
    await importReturn(s, ret.file);

    expect(detailOf(t, 'documents.add')).toMatchObject({ content: named(Buffer.from('%PDF-1.4\nWandle governance structure\n%%EOF\n')) });
    expect(detailOf(t, 'submissions.addendum')).toMatchObject({ document: { content: named(letter) } });
    expect(detailOf(t, 'scoreSheets.generate')).toMatchObject({ produced: { content: named(sheet.content) } });
    expect(detailOf(t, 'export.rankedWorkbook')).toMatchObject({ produced: { content: named(workbook.content) } });
    expect(detailOf(t, 'export.evidencePack')).toMatchObject({ produced: { content: named(evidence.content) } });
    expect(detailOf(laptop, 'exchange.openPack')).toMatchObject({ passphrase: '[not recorded]', file: { content: named(pack.file) } });
    expect(detailOf(laptop, 'exchange.exportReturn')).toMatchObject({ produced: { content: named(ret.file) } });
    expect(detailOf(t, 'exchange.importReturn')).toMatchObject({ file: { content: named(ret.file) } });

    for (const core of [t, laptop]) {
      for (const row of auditRows(core)) {
        expect(serialisedBytes(JSON.parse(row.detail)), `${row.method} #${row.seq}`).toEqual([]);
        expect(row.detail, row.method).not.toContain(PASSPHRASE);
        expect(row.detail.length, row.method).toBeLessThan(20_000);
      }
    }
  });
});
