/*
 * Counts the rows (`<row …>`) and cells (`<c …>`) of a worksheet part as it streams past, chunk by chunk,
 * without parsing it: how big a sheet is, known before exceljs builds it in memory. Only unprefixed tags
 * are counted, as only those are read by exceljs; a `<c` in CDATA would be counted too, which errs on the
 * safe side.
 */

const ROW = Buffer.from('<row');
const CELL = Buffer.from('<c');
/** Bytes that end a tag's name (whitespace, `>` and `/`), so that `<col>`, `<cols>` and `<rows>` are not counted. */
const ENDS_NAME = new Uint8Array(256);
for (const byte of [0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]) ENDS_NAME[byte] = 1;
/** A tag starting this close to a chunk's end is judged with the next chunk, when the byte after its name is there. */
const CARRIED = ROW.length;

function countTags(data: Buffer, tag: Buffer, before: number): number {
  let n = 0;
  for (let at = data.indexOf(tag); at !== -1 && at < before; at = data.indexOf(tag, at + tag.length)) n += ENDS_NAME[data[at + tag.length]!]!;
  return n;
}

export class RowCellCounter {
  rows = 0;
  cells = 0;
  private carried: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    const data = this.carried.length > 0 ? Buffer.concat([this.carried, chunk]) : chunk;
    const before = data.length - CARRIED;
    this.rows += countTags(data, ROW, before);
    this.cells += countTags(data, CELL, before);
    this.carried = Buffer.from(data.subarray(Math.max(0, before)));
  }
}
