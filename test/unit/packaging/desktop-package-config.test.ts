import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { resolveFunction } from 'app-builder-lib/out/util/resolve';
import { DebugLogger } from 'builder-util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSE_SETTINGS, packedExecutable, type PackContext } from '../../../scripts/electron-fuses.mjs';

// The desktop installers are built elsewhere (they need the Electron binary and the internet), so these
// tests read the packaging configuration back the way electron-builder does, and run its fuse hook on
// a stand-in binary that carries Electron's fuse wire.

const root = resolve(import.meta.dirname, '../../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))) as (keyof typeof FuseV1Options)[];

type Configuration = Awaited<ReturnType<typeof getConfig>>;
type AfterPack = (context: PackContext) => Promise<void>;

let configuration: Configuration;
let afterPack: AfterPack;
let work: string;

beforeAll(async () => {
  configuration = await getConfig(root, join(root, 'electron.builder.yml'), null);
  afterPack = (await resolveFunction('module', configuration.afterPack, 'afterPack', root)) as AfterPack;
  work = mkdtempSync(join(tmpdir(), 'ca-fuses-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file shaped like the part of an Electron binary that @electron/fuses edits, with Electron's defaults. */
function standInBinary(name: string, wire: string): string {
  const dir = mkdtempSync(join(work, 'pack-'));
  const padding = Buffer.alloc(4096, 0x2e);
  writeFileSync(join(dir, name), Buffer.concat([padding, Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), padding]));
  return dir;
}

function linuxContext(appOutDir: string): PackContext {
  return {
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { executableName: 'capability-assessment', appInfo: { productFilename: 'Capability Assessment' } },
  };
}

// Electron 45's defaults, in FuseV1Options order: runAsNode on, cookie encryption off, NODE_OPTIONS on,
// --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file: privileges on, wasm traps on.
const ELECTRON_DEFAULT_WIRE = '101100011';

describe('the desktop packaging configuration', () => {
  it('is accepted by electron-builder as it stands', async () => {
    await expect(validateConfiguration(configuration, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs the app into an integrity-checked asar and publishes nowhere', () => {
    expect(configuration.asar).toBe(true);
    expect(configuration.disableAsarIntegrity ?? false).toBe(false);
    expect(configuration.publish).toBeNull();
  });

  it('leaves the plain-Node web host out of the desktop app', () => {
    const patterns = (configuration.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(patterns).toContain('out/**');
    expect(patterns).toContain('!out/main/web-host.js');
  });

  it('flips the fuses through the hook only, never a second time through electronFuses', () => {
    expect(configuration.afterPack).toBe('./scripts/electron-fuses.mjs');
    expect(configuration.electronFuses).toBeUndefined();
  });
});

describe('the fuses of the packaged binary', () => {
  it('sets every fuse @electron/fuses knows, and nothing it does not', () => {
    expect(Object.keys(FUSE_SETTINGS).sort()).toEqual([...fuseNames].sort());
    for (const name of fuseNames) expect(typeof FUSE_SETTINGS[name], name).toBe('boolean');
  });

  it('keeps the security-relevant fuses at their safe values', () => {
    expect(FUSE_SETTINGS).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('are written into the binary by the afterPack hook electron-builder loads', async () => {
    const appOutDir = standInBinary('capability-assessment', ELECTRON_DEFAULT_WIRE);
    await afterPack(linuxContext(appOutDir));
    const wire = await getCurrentFuseWire(join(appOutDir, 'capability-assessment'));
    for (const name of fuseNames) {
      expect(wire[FuseV1Options[name]], name).toBe(FUSE_SETTINGS[name] ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('stop the packaging when a newer Electron has a fuse nobody has decided on yet', async () => {
    const appOutDir = standInBinary('capability-assessment', `${ELECTRON_DEFAULT_WIRE}1`);
    const before = readFileSync(join(appOutDir, 'capability-assessment'));
    await expect(afterPack(linuxContext(appOutDir))).rejects.toThrow(/strictlyRequireAllFuses/);
    expect(readFileSync(join(appOutDir, 'capability-assessment')).equals(before)).toBe(true);
  });

  it('are flipped in the executable electron-builder names for each platform', () => {
    const packager = { executableName: 'capability-assessment', appInfo: { productFilename: 'Capability Assessment' } };
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'win32', arch: 1, packager })).toBe(join('/o', 'Capability Assessment.exe'));
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'darwin', arch: 3, packager })).toBe(join('/o', 'Capability Assessment.app'));
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'linux', arch: 1, packager })).toBe(join('/o', 'capability-assessment'));
  });
});
