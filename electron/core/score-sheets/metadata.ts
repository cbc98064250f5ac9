import { createHmac, timingSafeEqual } from 'node:crypto';
import { FORMAT, type SheetLayout } from './layout';

/*
 * The hidden "_meta" sheet: one key per row (column A) with its value in column B, then one row per
 * bidder sheet (sheet name, bidder id, criterion ids separated by spaces) below SHEETS_HEADING.
 */

export const META_KEYS = ['format', 'sheetId', 'evaluationId', 'evaluatorId', 'generatedAt', 'fingerprint', 'check'] as const;
export type MetaKey = (typeof META_KEYS)[number];
export type Metadata = Record<MetaKey, string>;

export const META_TITLE = 'Score sheet metadata: used to check the file when it is imported. Do not edit.';
export const SHEETS_HEADING = 'sheets';
/** Row of each key: the title is row 1, keys follow from row 2. */
export const metaRow = (key: MetaKey) => META_KEYS.indexOf(key) + 2;
export const metaCell = (key: MetaKey) => `B${metaRow(key)}`;
export const SHEETS_HEADING_ROW = META_KEYS.length + 3;

/**
 * The check value binding the metadata together: an HMAC-SHA256 whose key is kept only in the
 * score_sheets record, so that a changed evaluation, evaluator, date or structure cannot be re-signed
 * by anyone who only has the file.
 */
export function checkValue(keyHex: string, meta: Omit<Metadata, 'check'>): string {
  const canonical = JSON.stringify([meta.format, meta.sheetId, meta.evaluationId, meta.evaluatorId, meta.generatedAt, meta.fingerprint]);
  return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(canonical).digest('hex');
}

export function checkValueMatches(keyHex: string, meta: Metadata): boolean {
  const expected = Buffer.from(checkValue(keyHex, meta), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(meta.check) ? meta.check : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function newMetadata(
  m: { sheetId: string; evaluationId: string; evaluatorId: string; generatedAt: string; fingerprint: string },
  keyHex: string,
): Metadata {
  const meta = { format: FORMAT, ...m };
  return { ...meta, check: checkValue(keyHex, meta) };
}

/** The bidder sheets as the metadata lists them. */
export const layoutRow = (s: SheetLayout): string[] => [s.sheetName, s.bidderId, s.criterionIds.join(' ')];
