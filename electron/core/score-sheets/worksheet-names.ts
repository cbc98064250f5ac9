/*
 * Which sheet name each worksheet part of an .xlsx carries (xl/workbook.xml names the sheets and their
 * relationship ids; xl/_rels/workbook.xml.rels gives each id's part), read from the raw XML so that a
 * refusal made before exceljs parses anything can still name the sheet as the evaluator sees it.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const character = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,8}|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? character(parseInt(e.slice(2), 16)) : e.startsWith('#') ? character(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** The attributes of every start tag with this local name (any namespace prefix). */
function tags(xml: string, localName: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (const [, attributes] of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*)>`, 'g'))) {
    const map = new Map<string, string>();
    for (const [, name, double, single] of attributes!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      map.set(name!.replace(/^[\w.-]+:/, ''), decodeXml(double ?? single ?? ''));
    }
    found.push(map);
  }
  return found;
}

/** The part a workbook relationship points at, as a zip entry name ("worksheets/sheet2.xml" → "xl/worksheets/sheet2.xml"). */
const partOf = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

/** Worksheet part (zip entry name) → sheet name; parts it cannot place are simply absent. */
export function worksheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map(tags(relsXml, 'Relationship').map((r) => [r.get('Id') ?? '', r.get('Target') ?? '']));
  const names = new Map<string, string>();
  for (const sheet of tags(workbookXml, 'sheet')) {
    const target = targets.get(sheet.get('id') ?? '');
    const name = sheet.get('name');
    if (target && name !== undefined) names.set(partOf(target), name);
  }
  return names;
}
