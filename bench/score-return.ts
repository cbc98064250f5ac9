/*
 * An evaluator's pack made and opened, and their score return imported (one evaluator's scores: every
 * criterion of every bidder, sealed — 1,800 at 1×, 7,200 at 4×), each installation a web host of its own.
 *
 * The return is made honestly, by the exchange feature end to end, through hosts (host.ts) on copies of the
 * seeded store: on "the moderator's installation" the procurement lead adds a 14th evaluator (a profile
 * without a passphrase there) and exports their evaluator packs as the app's two-pack route has it: a
 * separate installation ("the evaluator's laptop", another host on an empty folder) opens the first pack
 * (no bids) signed out, the evaluator choosing the passphrase of their profile there, declares clear for
 * every subject and returns the declarations; the second pack carries every bid's documents (about 60 MiB
 * at both sizes) and is the one measured: made by the lead (window "pack make"), sent to the laptop in
 * 8 MiB parts as the page sends a large file (window "pack upload") and opened there (window "pack open").
 * The evaluator then saves every score with a ~500-character rationale and seals every bidder (untimed)
 * and exports the score return.
 *
 * What is timed: exchange.importReturn by the moderator — the rolling backup the app takes before every
 * import (SQLite's online backup of the whole store, documents included), verification, decryption, every
 * check and the one-transaction merge of the declarations, score entries and seals — through a host on a
 * fresh copy of the moderator's store for every run (the copy, the host's start and the moderator signing
 * in are outside the timing), one untimed warm-up import first. A note gives what the pre-import backup
 * alone costs on this store, as it grows with the evidence documents held.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../electron/core';
import { UPLOAD_CHUNK_BYTES } from '../shared/api/exchange';
import { listCriteria } from '../shared/domain/framework';
import { startHost, type Host } from './host';
import type { OperationLog } from './operations';
import type { Measured } from './reads';
import { figure, NO_TARGET, percentile, samplesOf, TARGETS, under } from './stats';
import { BENCH_PASSPHRASE, declareClear, rationaleFor, scoreFor, type Seeded } from './synthetic';

const PASSPHRASE = 'benchmark pack passphrase 2027';
const progress = (text: string) => console.log(`  · ${text}`);

function copyStore(fromDir: string, toDir: string): void {
  mkdirSync(toDir, { recursive: true });
  for (const suffix of ['', '-wal']) {
    const from = join(fromDir, DATABASE_FILE_NAME + suffix);
    if (existsSync(from)) copyFileSync(from, join(toDir, DATABASE_FILE_NAME + suffix));
  }
}

async function timeOnce<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

export async function measureScoreReturn(seededDir: string, seed: Seeded, runs: number, log: OperationLog): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-return-'));
  const hosts: Host[] = [];
  const started = performance.now();
  const open = async (dir: string) => {
    const host = await startHost(dir, log);
    hosts.push(host);
    return host;
  };
  try {
    // The moderator's installation, as the bench left it, plus the returning evaluator and their pack.
    const baseDir = join(scratch, 'moderator');
    copyStore(seededDir, baseDir);
    const base = await open(baseDir);
    const { evaluationId, leadId, moderatorId } = seed;
    const evaluator = await base.call(leadId, 'people.create', { name: 'Evaluator 14 (returning)' });
    await base.call(leadId, 'panel.add', { evaluationId, personId: evaluator.id, role: 'evaluator' });
    // A pack carries bids only once its evaluator has declared clear: the first pack (no bids) makes the
    // evaluator's profile on their laptop, they declare there, and their return brings the declarations back.
    const laptopDir = join(scratch, 'laptop');
    mkdirSync(laptopDir);
    const laptop = await open(laptopDir);
    const first = await base.call(leadId, 'exchange.exportPack', { evaluationId, evaluatorId: evaluator.id, passphrase: PASSPHRASE });
    const firstOpened = await laptop.call(null, 'exchange.openPack', { passphrase: PASSPHRASE, file: { content: first.content }, profilePassphrase: BENCH_PASSPHRASE });
    if (!firstOpened.session) throw new Error('opening the first pack on a new installation did not sign the evaluator in');
    laptop.keep(evaluator.id, firstOpened.session.sessionId);
    const declared = await declareClear(laptop.call, evaluationId, evaluator.id);
    const declarations = await laptop.call(evaluator.id, 'exchange.exportReturn', { evaluationId });
    await base.call(moderatorId, 'exchange.importReturn', { evaluationId, file: { content: declarations.content } });
    progress(`first pack (no bids) opened, ${declared} declarations made and returned (${Math.round(performance.now() - started)} ms)`);

    // The second pack carries every bid: this is the one measured.
    const making = await timeOnce(() => base.operation('pack make', () => base.call(leadId, 'exchange.exportPack', { evaluationId, evaluatorId: evaluator.id, passphrase: PASSPHRASE })));
    const pack = making.result;
    await base.stop();
    progress(`evaluator pack exported: ${(pack.bytes / 1024 / 1024).toFixed(1)} MiB (${Math.round(performance.now() - started)} ms)`);

    const file = pack.content;
    const uploadId = 'bench-pack-upload';
    const uploading = await timeOnce(() =>
      laptop.operation('pack upload', async () => {
        for (let offset = 0; offset < file.length; offset += UPLOAD_CHUNK_BYTES) {
          await laptop.call(evaluator.id, 'exchange.stageUpload', { uploadId, offset, chunk: file.subarray(offset, offset + UPLOAD_CHUNK_BYTES) });
        }
      }),
    );
    const opening = await timeOnce(() => laptop.operation('pack open', () => laptop.call(evaluator.id, 'exchange.openPack', { passphrase: PASSPHRASE, file: { uploadId } })));
    const opened = opening.result;
    progress(`pack opened on the evaluator's installation (${opened.bidders} bidders, ${opened.documents} documents) (${Math.round(performance.now() - started)} ms)`);
    const criteria = listCriteria(seed.framework);
    const e = seed.evaluatorIds.length + 1;
    for (const [b, bidder] of seed.bidders.entries()) {
      for (const [k, criterion] of criteria.entries()) {
        const score = scoreFor(e, b, k);
        await laptop.call(evaluator.id, 'scoring.save', {
          evaluationId,
          bidderId: bidder.id,
          criterionId: criterion.id,
          score,
          rationale: rationaleFor(e, bidder.name, criterion.id, score),
          evidenceRefs: [{ documentId: bidder.pdfId, location: `section ${1 + (k % 12)}` }],
          indicatorMarks: {},
        });
      }
      await laptop.call(evaluator.id, 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
    const ret = await laptop.call(evaluator.id, 'exchange.exportReturn', { evaluationId });
    await laptop.stop();
    progress(
      `score return made: ${ret.counts.scoreEntries} scores, ${ret.counts.seals} seals, ${ret.counts.declarations} declarations, ${(ret.bytes / 1024).toFixed(0)} KiB (${Math.round(performance.now() - started)} ms)`,
    );

    // The timed imports, each on a fresh copy of the moderator's installation, through a host of its own.
    let added = '';
    let imports = 0;
    const importOnce = async (dir: string): Promise<number> => {
      copyStore(baseDir, dir);
      const host = await open(dir);
      try {
        await host.call(moderatorId, 'session.touch', {}); // signs the moderator in, untimed
        const t = await timeOnce(() =>
          host.operation('score-return import', () => host.call(moderatorId, 'exchange.importReturn', { evaluationId, file: { content: ret.content } })),
        );
        const result = t.result;
        if (result.outcome !== 'imported' || result.added.scoreEntries !== ret.counts.scoreEntries) throw new Error(`unexpected import: ${JSON.stringify(result)}`);
        added = `${result.added.scoreEntries} score entries, ${result.added.seals} seals, ${result.added.declarations} declarations`;
        imports++;
        return t.ms;
      } finally {
        await host.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    };
    await importOnce(join(scratch, 'warm-up'));
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await importOnce(join(scratch, `run-${i}`)));
    const t = samplesOf(samples);

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
    const scale = seed.size.scale;
    const once = (ms: number) => samplesOf([ms]);
    return {
      measures: [
        figure('return-import', 'import one evaluator’s score return (every bidder × criterion)', t, under(t.median, TARGETS.returnImportMs[scale])),
        figure('pack-make', `make an evaluator pack (~60 MiB)`, once(making.ms), NO_TARGET),
        figure('pack-upload', 'send that pack to the host in 8 MiB parts', once(uploading.ms), NO_TARGET),
        figure('pack-open', 'open that pack', once(opening.ms), NO_TARGET),
      ],
      notes: [
        `evaluator pack of ${(pack.bytes / 1024 / 1024).toFixed(1)} MiB (${opened.documents} documents): made in ${making.ms.toFixed(0)} ms, sent in ${uploading.ms.toFixed(0)} ms, opened in ${opening.ms.toFixed(0)} ms`,
        `score return import: ${(ret.bytes / 1024).toFixed(0)} KiB, each run adds ${added} (${imports} imports in all, warm-up included); ` +
          `the pre-import online backup of the ${storeMb.toFixed(0)} MiB store alone takes ${percentile([...backups].sort((a, b) => a - b), 50).toFixed(0)} ms (median of 3)`,
      ],
    };
  } finally {
    for (const host of hosts) await host.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
