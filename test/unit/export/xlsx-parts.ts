import { strFromU8, unzipSync } from 'fflate';

/*
 * What an .xlsx says in its own XML, for what exceljs does not read back: whether a cell's format
 * (styles.xml, cellXfs) carries quotePrefix="1".
 */

export interface RawCell {
  ref: string;
  /** 'str' (text), 'n' (number) … as the t attribute says; a cell with a formula has `formula`. */
  type: string;
  formula: string | null;
  quotePrefix: boolean;
}

/** Every cell of every sheet, by sheet name, with whether its cell format is quote-prefixed. */
export function rawCells(xlsx: Uint8Array): Map<string, RawCell[]> {
  const files = unzipSync(xlsx);
  const read = (path: string) => strFromU8(files[path] ?? new Uint8Array());
  const cellXfs = read('xl/styles.xml').match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)?.[1] ?? '';
  const quoted = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => /\squotePrefix="1"/.test(m[0]));
  const relTargets = new Map(
    [...read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const sheets = new Map<string, RawCell[]>();
  for (const [, name, rel] of read('xl/workbook.xml').matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = read(`xl/${relTargets.get(rel!)!.replace(/^\/?xl\//, '')}`);
    const cells = [...xml.matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((m) => {
      const attr = (key: string) => m[1]!.match(new RegExp(`\\s${key}="([^"]*)"`))?.[1];
      return {
        ref: attr('r')!,
        type: attr('t') ?? 'n',
        formula: m[2]?.match(/<f\b[^>]*>(.*?)<\/f>/s)?.[1] ?? null,
        quotePrefix: quoted[Number(attr('s') ?? 0)] ?? false,
      };
    });
    sheets.set(name!.replace(/&amp;/g, '&'), cells);
  }
  return sheets;
}
