import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0) ?? null;

/**
 * A throwaway LibreOffice profile that recalculates every formula of an .xlsx on load (its default for
 * Excel files is to trust the cached values, which would prove nothing about our formulas).
 */
function recalculatingProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  return dir;
}

/** Opens an .xlsx in LibreOffice Calc (headless), recalculates it, and returns every sheet's values as rows of text. */
export function recalculateInLibreOffice(xlsx: Buffer): Map<string, string[][]> {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  const work = mkdtempSync(join(tmpdir(), 'lo-convert-'));
  const input = join(work, 'book.xlsx');
  writeFileSync(input, xlsx);
  const profile = recalculatingProfile();
  // Filter options: comma, double quote, UTF-8, from line 1, …, values not "as shown", every sheet (-1).
  const result = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(work, 'csv'), input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr || result.stdout}`);
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(join(work, 'csv'))) {
    const sheet = basename(file, '.csv').replace(/^book-/, '');
    sheets.set(sheet, parse(readFileSync(join(work, 'csv', file), 'utf8'), { relax_column_count: true }) as string[][]);
  }
  return sheets;
}
