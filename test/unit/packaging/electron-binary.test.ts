import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../../scripts/electron-binary.mjs';

let project: string;
let electronDir: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'ca-electron-'));
  electronDir = join(project, 'node_modules', 'electron');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{"name":"p","private":true}');
  // An index.js that would download: finding the binary must never load it.
  writeFileSync(join(electronDir, 'package.json'), '{"name":"electron","version":"45.6.1","main":"index.js"}');
  writeFileSync(join(electronDir, 'index.js'), 'throw new Error("downloading Electron")');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function unpack(version: string): string {
  writeFileSync(join(electronDir, 'dist', 'version'), version);
  writeFileSync(join(electronDir, 'path.txt'), 'electron');
  writeFileSync(join(electronDir, 'dist', 'electron'), '');
  return join(electronDir, 'dist', 'electron');
}

describe('finding the Electron binary for npm start', () => {
  it('finds none on a machine that never fetched it, without trying to download it', () => {
    expect(installedElectronBinary(project)).toBeNull();
  });

  it('finds the binary unpacked for the installed electron version', () => {
    const binary = unpack('v45.6.1');
    expect(installedElectronBinary(project)).toBe(binary);
  });

  it('ignores a binary left over from an older Electron', () => {
    unpack('40.10.2');
    expect(installedElectronBinary(project)).toBeNull();
  });

  it('finds none when the electron package is not installed at all', () => {
    rmSync(join(project, 'node_modules'), { recursive: true });
    expect(installedElectronBinary(project)).toBeNull();
  });
});
