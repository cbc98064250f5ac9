/*
 * "Inserting all scores": the app's own bulk write path for scores against bare better-sqlite3.
 *
 * What is measured (app): every seeded score entry and seal (21,600 and 720 at 1×, 86,400 and 2,880 at 4×)
 * written the way every bulk import in the app writes them — `insertEntry` for each entry and `insertSeal` after each evaluator × bidder's 30
 * entries (electron/core/scoring/repo.ts), all inside ONE IMMEDIATE transaction, which is the write phase of
 * exchange.importReturn (merge-return.ts) and scoreSheets.import (apply-import.ts). It runs on the real
 * store — opened with openDatabase (WAL, synchronous = FULL, foreign keys on, every migration: the
 * score_entries_latest_score index, the seal trigger, the append-only triggers) — holding the seeded evaluation,
 * panel, bidders, documents and declarations but no scores yet. Per run: a fresh copy of that store (the
 * copy and the open are outside the timing), one untimed warm-up run first, as in a running app. Not
 * included: validation against the framework and scale, the audit entry, the zod checks of a dispatch —
 * the score-return import figure measures the whole of that path.
 *
 * What it is compared with: baselines.ts bareInsert — the same rows into identically-shaped tables with
 * bare better-sqlite3 in one transaction.
 *
 * The last timed run's file becomes the seeded data folder the rest of the bench measures on.
 */
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../electron/core';
import { openDatabase } from '../electron/core/db/open';
import { insertEntry, insertSeal } from '../electron/core/scoring/repo';
import { bareInsert, bareRowsOf, type SchemaFeature } from './baselines';
import type { SealedSet } from './synthetic';

export function appBulkInsert(file: string, sets: readonly SealedSet[]): number {
  const db = openDatabase(file);
  try {
    const start = performance.now();
    db.transaction(() => {
      for (const s of sets) {
        for (const entry of s.entries) insertEntry(db, { evaluationId: s.evaluationId, bidderId: s.bidderId, evaluatorId: s.evaluatorId, entry });
        insertSeal(db, { evaluationId: s.evaluationId, bidderId: s.bidderId, evaluatorId: s.evaluatorId, at: s.sealedAt });
      }
    }).immediate();
    return performance.now() - start;
  } finally {
    db.close();
  }
}

export interface InsertTimes {
  app: number[];
  bare: number[];
  /** Diagnostic: the bare insert with the app's schema features added back, one by one. */
  features: { label: string; ms: number[] }[];
}

/**
 * Times the app path `runs` times on copies of `templateFile` (plus one untimed warm-up each), the bare
 * baseline as many times, and leaves the last app run's store at `dataDir`/DATABASE_FILE_NAME.
 */
export function measureInserts(templateFile: string, scratchDir: string, dataDir: string, sets: readonly SealedSet[], runs: number): InsertTimes {
  mkdirSync(scratchDir, { recursive: true });
  const app: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const file = join(scratchDir, `insert-${i}.sqlite`);
    copyFileSync(templateFile, file);
    const ms = appBulkInsert(file, sets);
    if (i > 0) app.push(ms);
    if (i < runs) rmSync(file, { force: true });
    else renameSync(file, join(dataDir, DATABASE_FILE_NAME));
  }
  const rows = bareRowsOf(sets);
  const bare: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = bareInsert(rows);
    if (i > 0) bare.push(ms);
  }
  const variants: { label: string; features: SchemaFeature[] }[] = [
    { label: '+ score_entries_latest_score index', features: ['index'] },
    { label: '+ index + foreign keys', features: ['index', 'foreign-keys'] },
    { label: '+ index + foreign keys + seal trigger (the app’s schema)', features: ['index', 'foreign-keys', 'seal-trigger'] },
  ];
  const features = variants.map((v) => {
    const ms: number[] = [];
    for (let i = 0; i <= Math.min(runs, 3); i++) {
      const t = bareInsert(rows, v.features);
      if (i > 0) ms.push(t);
    }
    return { label: v.label, ms };
  });
  return { app, bare, features };
}
