import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildDecision, checkBuild } from '../../../scripts/build-freshness.mjs';

const outputs = (mtimeMs: number | null) => BUILD_OUTPUTS.map((path) => ({ path, mtimeMs }));

describe('whether npm start builds first', () => {
  it('builds on the first run, when there is no build yet', () => {
    expect(buildDecision([{ path: 'electron/main/index.ts', mtimeMs: 1 }], outputs(null))).toEqual({
      build: true,
      reason: 'missing',
      path: 'out/main/index.js',
    });
  });

  it('does not build when the build is newer than every source', () => {
    expect(buildDecision([{ path: 'renderer/src/app.tsx', mtimeMs: 1_000 }], outputs(2_000))).toEqual({ build: false });
  });

  it('builds again when one source file changed after the build, naming it', () => {
    const inputs = [
      { path: 'shared/domain/ranking.ts', mtimeMs: 1_000 },
      { path: 'renderer/src/app.tsx', mtimeMs: 3_000 },
    ];
    expect(buildDecision(inputs, outputs(2_000))).toEqual({ build: true, reason: 'changed', path: 'renderer/src/app.tsx' });
  });

  it('builds again when any one output is older than a source (a half-finished build)', () => {
    const mixed = [
      { path: 'out/main/index.js', mtimeMs: 5_000 },
      { path: 'out/main/web-host.js', mtimeMs: 1_000 },
      { path: 'out/renderer/index.html', mtimeMs: 5_000 },
    ];
    expect(buildDecision([{ path: 'electron/web-host/cli.ts', mtimeMs: 2_000 }], mixed)).toMatchObject({ build: true, reason: 'changed' });
  });
});

describe('reading a project folder', () => {
  let project: string | null = null;
  afterEach(() => {
    if (project) rmSync(project, { recursive: true, force: true });
    project = null;
  });

  function file(relative: string, secondsAgo: number): void {
    const path = join(project!, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    const when = Date.now() / 1000 - secondsAgo;
    utimesSync(path, when, when);
  }

  it('finds the build current, then stale after a framework file is edited', () => {
    project = mkdtempSync(join(tmpdir(), 'ca-freshness-'));
    file('electron/core/index.ts', 100);
    file('resources/frameworks/merton-ics-2020.json', 100);
    file('package-lock.json', 100);
    for (const output of BUILD_OUTPUTS) file(output, 50);
    file('electron/node_modules/ignored.js', 1); // never an input
    expect(checkBuild(project)).toEqual({ build: false });

    file('resources/frameworks/merton-ics-2020.json', 10);
    expect(checkBuild(project)).toEqual({ build: true, reason: 'changed', path: join(project, 'resources/frameworks/merton-ics-2020.json') });
  });
});
