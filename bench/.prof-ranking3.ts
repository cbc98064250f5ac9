import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { computeRanking } from '../electron/core/ranking/compute';

const dataDir = process.env.DATA!;
const ro = new Database(join(dataDir, 'capability-assessment.sqlite'), { readonly: true });
const evaluation = ro.prepare('SELECT id FROM evaluations').get() as { id: string };
ro.close();
const db = openDatabase(join(dataDir, 'capability-assessment.sqlite'));
const times: number[] = [];
for (let i = 0; i < Number(process.env.N ?? 15); i++) {
  const t = performance.now();
  computeRanking(db, evaluation.id);
  times.push(performance.now() - t);
}
console.log(times.map((t) => t.toFixed(0)).join(' '));
