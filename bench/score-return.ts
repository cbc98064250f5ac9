/*
 * Importing one evaluator's score return (1,800 scores: every criterion of all 60 bidders, sealed).
 *
 * The return is made honestly, by the exchange feature end to end: on a copy of the seeded store the
 * procurement lead adds a 14th evaluator (a profile without a passphrase there) and exports their evaluator
 * packs as the app's two-pack route has it: a separate installation ("the evaluator's laptop", another core
 * in another folder) opens the first pack (no bids) signed out, the evaluator choosing the passphrase of
 * their profile there, declares clear for every subject and returns the declarations; the second pack
 * (≈ 80 MB: every bid's documents, staged in 8 MiB chunks as the renderer sends a large file) is the one
 * whose making and opening are measured. The evaluator saves 1,800 scores with ~500-character rationales through scoring.save and seals all 60 bidders,
 * then exports the score return.
 *
 * What is timed: exchange.importReturn by the moderator — the rolling backup the app takes before every
 * import (SQLite's online backup of the whole store, documents included), verification, decryption, every
 * check and the one-transaction merge of 200 declarations, 1,800 score entries and 60 seals — through
 * core.dispatch in this process on a fresh copy of the store for every run (the copy, the core's opening and
 * the moderator signing in are outside the timing), one untimed warm-up import first. In process rather than through the web host,
 * because every run needs the store as it was before the import; HTTP would add the transport of a ~100 KB
 * base64 body. A note gives what the pre-import backup alone costs on this store, as it grows with the
 * evidence documents held.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, DATABASE_FILE_NAME } from '../electron/core';
import { UPLOAD_CHUNK_BYTES } from '../shared/api/exchange';
import { listCriteria } from '../shared/domain/framework';
import { figure, percentile, timeRuns, type Figure } from './stats';
import { BENCH_PASSPHRASE, callerFor, declareClear, rationaleFor, scoreFor, type Seeded } from './synthetic';
import { withStalls } from './stalls';

const PASSPHRASE = 'benchmark pack passphrase 2027';
const progress = (text: string) => console.log(`  · ${text}`);

function copyStore(fromDir: string, toDir: string): void {
  mkdirSync(toDir, { recursive: true });
  for (const suffix of ['', '-wal']) {
    const from = join(fromDir, DATABASE_FILE_NAME + suffix);
    if (existsSync(from)) copyFileSync(from, join(toDir, DATABASE_FILE_NAME + suffix));
  }
}

const stallNote = (what: string, t: { ms: number; longestStallMs: number }) => `${what} in ${Math.round(t.ms)} ms, the longest stall of the event loop meanwhile ${Math.round(t.longestStallMs)} ms`;

const quietCore = (dataDir: string) => createCore({ dataDir, backupsToKeep: 1, backupEveryMs: 0, log: (e) => console.error('[core]', e) });

export async function measureScoreReturn(seededDir: string, seed: Seeded, runs: number): Promise<{ figures: Figure[]; notes: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-return-'));
  try {
    const started = performance.now();
    // The moderator's installation, as the bench left it, plus the returning evaluator and their pack.
    const baseDir = join(scratch, 'moderator');
    copyStore(seededDir, baseDir);
    const base = quietCore(baseDir);
    const call = callerFor(base);
    const { evaluationId, leadId, moderatorId } = seed;
    const evaluator = await call(leadId, 'people.create', { name: 'Evaluator 14 (returning)' });
    await call(leadId, 'panel.add', { evaluationId, personId: evaluator.id, role: 'evaluator' });
    // A pack carries bids only once its evaluator has declared clear: the first pack (no bids) makes the
    // evaluator's profile on their laptop, they declare there, and their return brings the declarations back.
    const laptop = quietCore(join(scratch, 'laptop'));
    const there = callerFor(laptop);
    const first = await call(leadId, 'exchange.exportPack', { evaluationId, evaluatorId: evaluator.id, passphrase: PASSPHRASE });
    const firstOpened = await there(null, 'exchange.openPack', { passphrase: PASSPHRASE, file: { contentBase64: first.contentBase64 }, profilePassphrase: BENCH_PASSPHRASE });
    if (!firstOpened.session) throw new Error('opening the first pack on a new installation did not sign the evaluator in');
    there.keep(evaluator.id, firstOpened.session.sessionId);
    const declared = await declareClear(there, evaluationId, evaluator.id);
    const declarations = await there(evaluator.id, 'exchange.exportReturn', { evaluationId });
    await call(moderatorId, 'exchange.importReturn', { evaluationId, file: { contentBase64: declarations.contentBase64 } });
    progress(`first pack (no bids) opened, ${declared} declarations made and returned (${Math.round(performance.now() - started)} ms)`);

    // The second pack carries every bid: this is the one measured.
    const making = await withStalls(() => call(leadId, 'exchange.exportPack', { evaluationId, evaluatorId: evaluator.id, passphrase: PASSPHRASE }));
    const pack = making.result;
    base.close();
    progress(`evaluator pack exported: ${(pack.bytes / 1024 / 1024).toFixed(1)} MiB (${Math.round(performance.now() - started)} ms)`);

    const file = Buffer.from(pack.contentBase64, 'base64');
    const uploadId = 'bench-pack-upload';
    for (let offset = 0; offset < file.length; offset += UPLOAD_CHUNK_BYTES) {
      await there(evaluator.id, 'exchange.stageUpload', { uploadId, offset, chunkBase64: file.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64') });
    }
    const opening = await withStalls(() => there(evaluator.id, 'exchange.openPack', { passphrase: PASSPHRASE, file: { uploadId } }));
    const opened = opening.result;
    progress(`pack opened on the evaluator's installation (${opened.bidders} bidders, ${opened.documents} documents) (${Math.round(performance.now() - started)} ms)`);
    const criteria = listCriteria(seed.framework);
    const e = seed.evaluatorIds.length + 1;
    for (const [b, bidder] of seed.bidders.entries()) {
      for (const [k, criterion] of criteria.entries()) {
        const score = scoreFor(e, b, k);
        await there(evaluator.id, 'scoring.save', {
          evaluationId,
          bidderId: bidder.id,
          criterionId: criterion.id,
          score,
          rationale: rationaleFor(e, bidder.name, criterion.id, score),
          evidenceRefs: [{ documentId: bidder.pdfId, location: `section ${1 + (k % 12)}` }],
          indicatorMarks: {},
        });
      }
      await there(evaluator.id, 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
    const ret = await there(evaluator.id, 'exchange.exportReturn', { evaluationId });
    laptop.close();
    progress(
      `score return made: ${ret.counts.scoreEntries} scores, ${ret.counts.seals} seals, ${ret.counts.declarations} declarations, ${(ret.bytes / 1024).toFixed(0)} KiB (${Math.round(performance.now() - started)} ms)`,
    );

    // The timed imports, each on a fresh copy of the moderator's installation.
    let added = '';
    let dispatches = 0;
    const importOnce = async (dir: string, timed: (work: () => Promise<unknown>) => Promise<unknown>) => {
      copyStore(baseDir, dir);
      const core = quietCore(dir);
      try {
        const signedIn = await core.dispatch(null, 'session.signIn', { personId: moderatorId, passphrase: BENCH_PASSPHRASE });
        const answer = signedIn.ok ? (signedIn.result as { signedIn: boolean; sessionId?: string }) : null;
        if (!answer?.signedIn) throw new Error(`the moderator could not sign in: ${JSON.stringify(signedIn)}`);
        const moderator = answer.sessionId!;
        await timed(async () => {
          const outcome = await core.dispatch(moderator, 'exchange.importReturn', { evaluationId, file: { contentBase64: ret.contentBase64 } });
          if (!outcome.ok) throw new Error(`exchange.importReturn failed: ${outcome.error.code} ${outcome.error.message}`);
          const result = outcome.result as { outcome: string; added: { scoreEntries: number; seals: number; declarations: number } };
          if (result.outcome !== 'imported' || result.added.scoreEntries !== ret.counts.scoreEntries) throw new Error(`unexpected import: ${JSON.stringify(result)}`);
          added = `${result.added.scoreEntries} score entries, ${result.added.seals} seals, ${result.added.declarations} declarations`;
          dispatches++;
        });
      } finally {
        core.close();
        rmSync(dir, { recursive: true, force: true });
      }
    };
    await importOnce(join(scratch, 'warm-up'), (work) => work());
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await importOnce(join(scratch, `run-${i}`), async (work) => {
        const t = await timeRuns(1, work);
        samples.push(t.samples[0]!);
      });
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const t = { median: percentile(sorted, 50), p95: percentile(sorted, 95), samples };

    // What the pre-import backup alone costs here: the same online backup, of the same store, three times.
    const store = new Database(join(baseDir, DATABASE_FILE_NAME), { readonly: true });
    const backups: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await store.backup(join(scratch, `backup-${i}.sqlite`));
        backups.push(performance.now() - start);
      }
    } finally {
      store.close();
    }
    const storeMb = statSync(join(baseDir, DATABASE_FILE_NAME)).size / 1024 / 1024;
    return {
      figures: [figure('import one score return (1,800 scores)', t, { text: 'median < 1000 ms', met: t.median < 1000 })],
      notes: [
        `evaluator pack of ${(pack.bytes / 1024 / 1024).toFixed(1)} MiB: ${stallNote('made', making)}; ${stallNote('opened', opening)} (in process, no HTTP)`,
        `score return import: each run adds ${added} (${dispatches} imports in all, warm-up included); ` +
          `the pre-import online backup of the ${storeMb.toFixed(0)} MiB store alone takes ${percentile([...backups].sort((a, b) => a - b), 50).toFixed(0)} ms (median of 3)`,
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
