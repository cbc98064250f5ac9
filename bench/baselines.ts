/*
 * Baselines: the same work done by the bare libraries, with no app logic, so that a ratio shows the app's
 * own overhead.
 *
 * bareInsert — bare better-sqlite3 writing the same score rows and seal rows (21,600 and 720 at 1×), with exactly the
 *   values the app writes (JSON columns already serialised), in ONE transaction, through one prepared
 *   statement per table, into identically-shaped tables: the same columns, types and order, STRICT, the
 *   same primary keys (seq INTEGER PRIMARY KEY AUTOINCREMENT; seals keyed by bidder × evaluator). The file
 *   uses the same durability as the app's (journal_mode = WAL, synchronous = FULL), so the ratio is not a
 *   journal-mode difference. What the baseline leaves out is exactly what the app adds: foreign keys, CHECK
 *   constraints, the score_entries_latest_score index, the seal trigger, and everything done in JavaScript per row.
 *   `schemaFeatures` adds those schema features back one at a time (a diagnostic, printed, not a target).
 *
 * bareWorkbook — exceljs's streaming WorkbookWriter (no styles, no shared strings) writing the very cells the
 *   app's ranked-results workbook contains — same sheets, same rows, same values (formulas replaced by
 *   their cached values), read back out of one exported file — into a Buffer, and nothing else.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { SealedSet } from './synthetic';

/* ------------------------------------------------------------------------------------------------ */
/* better-sqlite3                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

type Row = [string, string, string, string, number | null, string, string, string, string, string];
export interface BareRows {
  entries: Row[];
  seals: [string, string, string, string][];
}

/** The rows exactly as the app writes them (its repo serialises evidence references and marks as JSON). */
export function bareRowsOf(sets: readonly SealedSet[]): BareRows {
  return {
    entries: sets.flatMap((s) =>
      s.entries.map(
        (e): Row => [
          s.evaluationId,
          s.bidderId,
          s.evaluatorId,
          e.criterionId,
          e.score,
          e.rationale,
          JSON.stringify(e.evidenceRefs),
          JSON.stringify(e.indicatorMarks),
          e.provenance,
          e.savedAt,
        ],
      ),
    ),
    seals: sets.map((s) => [s.evaluationId, s.bidderId, s.evaluatorId, s.sealedAt]),
  };
}

export type SchemaFeature = 'index' | 'foreign-keys' | 'seal-trigger';

const tables = (features: readonly SchemaFeature[]) => {
  const fk = features.includes('foreign-keys');
  const ref = (table: string) => (fk ? ` REFERENCES ${table}(id)` : '');
  return `
  ${fk ? 'CREATE TABLE evaluations (id TEXT PRIMARY KEY) STRICT; CREATE TABLE bidders (id TEXT PRIMARY KEY) STRICT; CREATE TABLE people (id TEXT PRIMARY KEY) STRICT;' : ''}
  CREATE TABLE score_entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    evaluation_id TEXT NOT NULL${ref('evaluations')},
    bidder_id TEXT NOT NULL${ref('bidders')},
    evaluator_id TEXT NOT NULL${ref('people')},
    criterion_id TEXT NOT NULL,
    score INTEGER,
    rationale TEXT NOT NULL,
    evidence_refs TEXT NOT NULL,
    indicator_marks TEXT NOT NULL,
    provenance TEXT NOT NULL,
    saved_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE seals (
    evaluation_id TEXT NOT NULL${ref('evaluations')},
    bidder_id TEXT NOT NULL${ref('bidders')},
    evaluator_id TEXT NOT NULL${ref('people')},
    sealed_at TEXT NOT NULL,
    PRIMARY KEY (bidder_id, evaluator_id)
  ) STRICT;
  ${features.includes('index') ? 'CREATE INDEX score_entries_latest_score ON score_entries(evaluator_id, bidder_id, criterion_id, seq, score);' : ''}
  ${
    features.includes('seal-trigger')
      ? `CREATE TRIGGER score_entries_after_seal BEFORE INSERT ON score_entries
           WHEN EXISTS (SELECT 1 FROM seals WHERE bidder_id = NEW.bidder_id AND evaluator_id = NEW.evaluator_id)
           BEGIN SELECT RAISE(ABORT, 'these scores are sealed'); END;`
      : ''
  }`;
};

/**
 * One timed insert into a fresh file: returns the milliseconds of the transaction (prepare + a run per row +
 * commit). Creating the file and its tables is outside the timing.
 */
export function bareInsert(rows: BareRows, features: readonly SchemaFeature[] = []): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-sqlite-'));
  const db = new Database(join(dir, 'bare.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`foreign_keys = ${features.includes('foreign-keys') ? 'ON' : 'OFF'}`);
    db.exec(tables(features));
    if (features.includes('foreign-keys')) {
      const ids = (i: number) => [...new Set(rows.entries.map((r) => r[i] as string))];
      for (const [table, i] of [['evaluations', 0], ['bidders', 1], ['people', 2]] as const) {
        const ins = db.prepare(`INSERT INTO ${table} (id) VALUES (?)`);
        db.transaction(() => ids(i).forEach((id) => ins.run(id)))();
      }
    }
    const start = performance.now();
    const entry = db.prepare(
      `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const seal = db.prepare('INSERT INTO seals (evaluation_id, bidder_id, evaluator_id, sealed_at) VALUES (?, ?, ?, ?)');
    // Seals go in after all entries, so that the trigger variant sees no seal while entries are written.
    db.transaction(() => {
      for (const r of rows.entries) entry.run(r);
      for (const s of rows.seals) seal.run(s);
    }).immediate();
    return performance.now() - start;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* exceljs                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

export interface SheetCells {
  name: string;
  /** Row by row, cell values in column order (null for an empty cell between filled ones). */
  rows: (string | number | null)[][];
  cells: number;
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m) =>
    m.startsWith('&#x') ? String.fromCodePoint(parseInt(m.slice(3, -1), 16)) : m.startsWith('&#') ? String.fromCodePoint(Number(m.slice(2, -1))) : (XML_ENTITIES[m] ?? m),
  );
const columnIndex = (ref: string) => {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/**
 * The cells of an exported workbook, read straight from its sheet XML (exceljs writes inline strings when
 * shared strings are off): what the baseline writes again with no app logic.
 */
export function cellsOfWorkbook(xlsx: Buffer): SheetCells[] {
  const files = unzipSync(new Uint8Array(xlsx));
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => ({ name: unescapeXml(m[1]!), target: targets.get(m[2]!)! }));
  return sheets.map(({ name, target }) => {
    const xml = strFromU8(files[`xl/${target.replace(/^\/?xl\//, '')}`]!);
    const rows: SheetCells['rows'] = [];
    let cells = 0;
    for (const rowMatch of xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
      const row: (string | number | null)[] = [];
      for (const c of rowMatch[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const [, ref, attrs, inner = ''] = c;
        const type = /t="([^"]+)"/.exec(attrs!)?.[1];
        let value: string | number | null = null;
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        const t = [...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('');
        if (type === 'inlineStr') value = unescapeXml(t);
        else if (type === 'str' || type === 's' || type === 'e') value = v === undefined ? null : unescapeXml(v);
        else if (type === 'b') value = v === undefined ? null : Number(v);
        else if (v !== undefined) value = Number(v);
        if (value === null) continue;
        const col = columnIndex(ref!);
        while (row.length < col) row.push(null);
        row[col] = value;
        cells++;
      }
      rows.push(row);
    }
    return { name, rows, cells };
  });
}

/** One timed write of the same cells with exceljs's bare streaming writer, into a Buffer. */
export async function bareWorkbook(sheets: readonly SheetCells[]): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const values of sheet.rows) ws.addRow(values).commit();
    ws.commit();
  }
  await wb.commit();
  await finished;
  const buffer = Buffer.concat(chunks);
  return { ms: performance.now() - start, bytes: buffer.length };
}
