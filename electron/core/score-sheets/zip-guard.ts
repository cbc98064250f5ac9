import yauzl from 'yauzl';
import { ApiError } from '../../../shared/api/errors';
import { RowCellCounter } from './row-cell-counter';
import { assertModestSheets, type WorksheetSize } from './sheet-size-limits';
import { worksheetNames } from './worksheet-names';

/*
 * An .xlsx is a zip archive, and exceljs inflates every part of it in memory. Before it does, the
 * archive is inspected with yauzl (mature, dependency-light, written with hostile archives in mind): its
 * entry count and declared sizes must be modest, and every entry is then inflated once as a stream with
 * yauzl's size validation on, so an entry that inflates to more than it declares (a zip bomb lying in
 * its headers) fails here, holding at most one 64 KB chunk at a time. Each worksheet's rows and cells
 * are counted as it streams past, so a sheet far larger than any score sheet is refused before exceljs
 * spends seconds (and the host's attention) building it.
 */

export const ZIP_LIMITS = { entries: 1000, uncompressedBytes: 20 * 1024 * 1024 };
const REQUIRED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];
/** Worksheet parts, matched as exceljs matches them (anywhere in the entry's name). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** The parts that name the sheets, kept as text to name a sheet in a refusal; a generated one is a few KB. */
const NAMING_PARTS = { workbook: 'xl/workbook.xml', rels: 'xl/_rels/workbook.xml.rels' };
const MAX_NAMING_PART_BYTES = 1024 * 1024;

const notAWorkbook = (why: string) =>
  new ApiError('INVALID_PARAMS', `This file is not an Excel workbook (.xlsx): ${why}. Nothing was changed.`, [
    { path: 'content', message: why },
  ]);

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Refuses anything that is not a modest, intact .xlsx zip archive; counts its worksheets' rows and cells, parses nothing. */
export async function assertModestXlsx(bytes: Buffer): Promise<void> {
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw notAWorkbook('it is an older .xls file or a password-protected workbook; save it as an Excel Workbook (.xlsx) without a password to open');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw notAWorkbook('it is not a zip archive, as every .xlsx file is');

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw notAWorkbook('its zip archive is damaged');
  }
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > ZIP_LIMITS.entries) throw notAWorkbook(`it holds more than ${ZIP_LIMITS.entries} parts`);
      if (declared > ZIP_LIMITS.uncompressedBytes)
        throw notAWorkbook(`it would unpack to more than ${ZIP_LIMITS.uncompressedBytes / 1024 / 1024} MB`);
    }
  } catch (error) {
    throw error instanceof ApiError ? error : notAWorkbook('its zip archive is damaged');
  }
  const names = new Set(entries.map((e) => e.fileName));
  if (!REQUIRED_PARTS.every((p) => names.has(p))) throw notAWorkbook('it is a zip archive without the parts of a workbook');

  const sizes: WorksheetSize[] = [];
  const naming = new Map<string, string>();
  for (const entry of entries) {
    // exceljs (JSZip) drops a leading slash from entry names.
    const part = entry.fileName.replace(/^\//, '');
    if (WORKSHEET_PART.test(part)) {
      const counter = new RowCellCounter();
      await inflate(zip, entry, (chunk) => counter.push(chunk));
      sizes.push({ part, rows: counter.rows, cells: counter.cells });
    } else if (Object.values(NAMING_PARTS).includes(part) && entry.uncompressedSize <= MAX_NAMING_PART_BYTES) {
      const chunks: Buffer[] = [];
      await inflate(zip, entry, (chunk) => chunks.push(chunk));
      naming.set(part, Buffer.concat(chunks).toString('utf8'));
    } else {
      await inflate(zip, entry, () => {});
    }
  }
  assertModestSheets(sizes, worksheetNames(naming.get(NAMING_PARTS.workbook) ?? '', naming.get(NAMING_PARTS.rels) ?? ''));
}

/** Inflates one entry as a stream, handing each chunk on; yauzl counts the bytes and fails the stream past the declared size. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, take: (chunk: Buffer) => void): Promise<void> {
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) take(chunk as Buffer);
  } catch {
    throw notAWorkbook(`its part “${entry.fileName.slice(0, 80)}” is damaged or larger than it declares`);
  }
}
