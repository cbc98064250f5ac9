import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE_NAME, DataFolderLockedError, type Core } from '../../../electron/core';
import {
  acquireDataFolderLock,
  DataFolderLockedError as LockedError,
  HOLDER_FILE_NAME,
  LOCK_FILE_NAME,
  readLockHolder,
} from '../../../electron/core/lock/data-folder-lock';

/*
 * One host per data folder: whoever creates the core holds the folder until close(); a second copy — in
 * this process or another — is refused with a message that names the process holding it. A copy killed
 * outright (SIGKILL) leaves its lock behind, and the next start takes it at once.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const CORE_ENTRY = pathToFileURL(join(ROOT, 'electron/core/index.ts')).href;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) {
    try {
      step();
    } catch {
      // best effort
    }
  }
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'capability-lock-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const openCore = (dataDir: string, holderName = 'the test runner'): Core => {
  const core = createCore({ dataDir, log: () => {}, backupEveryMs: 0, holderName });
  cleanup.push(() => core.close());
  return core;
};

const sha256 = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent');

/*
 * Another process on the same folder: plain Node running the core's TypeScript through tsx (as `npm run
 * bench` does). `hold` opens the core and keeps it open; `restore` opens it and restores the newest backup.
 */
const CHILD = `
const [mode, dataDir] = process.argv.slice(2);
const { createCore } = await import(${JSON.stringify(CORE_ENTRY)});
let core;
try {
  core = createCore({ dataDir, holderName: 'the child process', log: () => {}, backupEveryMs: 0 });
} catch (error) {
  console.log(JSON.stringify({ refused: error.name, message: error.message }));
  process.exit(3);
}
if (mode === 'hold') {
  console.log(JSON.stringify({ ready: process.pid }));
  setInterval(() => {}, 60_000);
} else {
  // Were it ever let in: restore the oldest backup over the data the other copy is using.
  const { readdirSync } = await import('node:fs');
  const oldest = readdirSync(dataDir + '/backups').sort()[0];
  console.log(JSON.stringify({ opened: true, restoring: oldest }));
  console.log(JSON.stringify(await core.dispatch(null, 'backup.restore', { name: oldest })));
  core.close();
  process.exit(0);
}
`;

interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runChild(mode: 'hold' | 'restore', dataDir: string): Child {
  const script = join(dataDir, '..', `lock-child-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, CHILD);
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  cleanup.push(() => rmSync(script, { force: true }));
  cleanup.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

async function holdingChild(dataDir: string): Promise<Child & { pid: number }> {
  const held = runChild('hold', dataDir);
  const deadline = Date.now() + 20_000;
  while (!/"ready":\d+/.test(held.output())) {
    if (held.child.exitCode !== null || Date.now() > deadline) throw new Error(`the holding process did not start:\n${held.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ...held, pid: held.child.pid! };
}

describe('one copy of the app per data folder', () => {
  it('refuses a second core on the same folder in the same process, naming this process, until the first closes', async () => {
    const dataDir = tempDir();
    const first = openCore(dataDir, 'the web host');
    let refusal: unknown;
    try {
      createCore({ dataDir, log: () => {}, backupEveryMs: 0 }).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderLockedError);
    const message = (refusal as Error).message;
    expect(message).toContain(`The data folder ${resolve(dataDir)} is in use by the web host (process ${process.pid}, started `);
    expect(message).toContain('Close that first; only one copy of the app may use a data folder at a time.');
    expect(message).toMatch(/started \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/);
    // The first is unaffected.
    expect(await first.dispatch(null, 'app.info', {})).toMatchObject({ ok: true });

    first.close();
    const second = openCore(dataDir);
    expect(await second.dispatch(null, 'app.info', {})).toMatchObject({ ok: true });
  });

  it('records who holds the folder, atomically, and lets go of it (and the record) on release', () => {
    const dataDir = tempDir();
    const lock = acquireDataFolderLock(dataDir, { holder: 'the desktop app', now: () => new Date('2026-12-03T20:15:00.000Z') });
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
    expect(readLockHolder(dataDir)).toEqual({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2026-12-03T20:15:00.000Z',
      holder: 'the desktop app',
    });
    expect(() => acquireDataFolderLock(dataDir, { holder: 'someone else' })).toThrow(LockedError);
    lock.release();
    lock.release(); // a second release does nothing
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    expect(existsSync(join(dataDir, HOLDER_FILE_NAME))).toBe(false);
    acquireDataFolderLock(dataDir, { holder: 'the next one' }).release();
  });

  it('lets go of the folder when the core cannot open (a newer database), so nothing stays locked', () => {
    const dataDir = tempDir();
    openCore(dataDir).close();
    // The core refuses a database from a newer version; the folder must not stay locked by that failure.
    const db = new Database(join(dataDir, DATABASE_FILE_NAME));
    db.pragma('user_version = 999');
    db.close();
    expect(() => createCore({ dataDir, log: () => {}, backupEveryMs: 0 })).toThrow(/newer version/);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a core in another process while one holds the folder, and the holder keeps answering', async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir, 'the web host');
    const other = runChild('hold', dataDir);
    expect(await other.exited).toBe(3);
    const answer = JSON.parse(other.output().trim().split('\n').pop()!) as { refused: string; message: string };
    expect(answer.refused).toBe('DataFolderLockedError');
    expect(answer.message).toContain(`is in use by the web host (process ${process.pid}, started `);
    expect(await core.dispatch(null, 'app.info', {})).toMatchObject({ ok: true });
  }, 30_000);

  it('names another process that holds the folder, and starts at once after that process is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    for (let round = 1; round <= 3; round++) {
      const held = await holdingChild(dataDir);
      expect(() => createCore({ dataDir, log: () => {}, backupEveryMs: 0 })).toThrow(
        new RegExp(`is in use by the child process \\(process ${held.pid}, started \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\)`),
      );
      held.child.kill('SIGKILL');
      await held.exited;
      // The lock it left behind is not waited out (it would be stale only after 15 s): its process is gone.
      expect(existsSync(join(dataDir, LOCK_FILE_NAME)), `round ${round}: the killed process left its lock`).toBe(true);
      const started = performance.now();
      const core = createCore({ dataDir, log: () => {}, backupEveryMs: 0 });
      const took = performance.now() - started;
      try {
        expect(took, `round ${round}: start after SIGKILL`).toBeLessThan(2_000);
        expect(await core.dispatch(null, 'app.info', {})).toMatchObject({ ok: true, result: { recovery: null } });
        expect(readLockHolder(dataDir)?.pid).toBe(process.pid);
      } finally {
        core.close();
      }
    }
  }, 90_000);

  it('keeps a restore from another process out while the folder is held: that process cannot even open the core', async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir, 'the web host');
    const file = join(dataDir, DATABASE_FILE_NAME);
    const before = { db: sha256(file), wal: sha256(`${file}-wal`) };
    const other = runChild('restore', dataDir);
    expect(await other.exited).toBe(3);
    expect(other.output()).toContain('DataFolderLockedError');
    expect(other.output()).not.toContain('"opened":true');
    expect({ db: sha256(file), wal: sha256(`${file}-wal`) }).toEqual(before);
    expect(await core.dispatch(null, 'app.info', {})).toMatchObject({ ok: true, result: { recovery: null } });
  }, 30_000);
});
