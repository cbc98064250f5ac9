import { inlineKind, PDF_MEDIA_TYPE, UNKNOWN_MEDIA_TYPE } from '../../../shared/domain/documents';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** The media types recognised from a document's first bytes: the only ones the app will show inline. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return PDF_MEDIA_TYPE;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Common evidence formats that are opened with the system's application. */
const BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  msg: 'application/vnd.ms-outlook',
  eml: 'message/rfc822',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
};

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** A well-formed type/subtype without parameters, or null. */
function cleanMediaType(given: string): string | null {
  const type = given.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(type) ? type : null;
}

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The media type the app records for a document. Sniffed content wins; otherwise the sender's type, then
 * the file extension — but never an inline type the content did not prove, so a mislabelled file is only
 * ever offered as a download, not rendered.
 */
export function mediaTypeFor(bytes: Uint8Array, givenType: string, fileName: string): string {
  const sniffed = sniffMediaType(bytes);
  if (sniffed) return sniffed;
  const candidates = [cleanMediaType(givenType), BY_EXTENSION[extensionOf(fileName)] ?? null];
  const usable = candidates.find((t) => t !== null && t !== UNKNOWN_MEDIA_TYPE && inlineKind(t) === null);
  return usable ?? UNKNOWN_MEDIA_TYPE;
}
