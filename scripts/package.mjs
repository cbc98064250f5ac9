#!/usr/bin/env node
// Builds desktop installers. Run on a machine WITH internet access, on the operating system you are
// building for (better-sqlite3 is a native addon and is compiled for that platform):
//
//   npm run package                # installers for this OS, as configured in electron.builder.yml
//   npm run package -- --win       # any electron-builder flags pass straight through
//   npm run package -- --linux AppImage
//
// This is an explicit step, never a postinstall: see docs/packaging.md.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronInstallScript, installedElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const builderArgs = process.argv.slice(2);

function fail(message) {
  console.error(`\n✖ package: ${message}\n`);
  process.exit(1);
}

function step(title) {
  console.log(`\n▶ ${title}`);
}

/** Runs a command with inherited stdio; returns true on success. */
function run(command, args, { shell = false } = {}) {
  const shown = [command, ...args].map((part) =>
    part === process.execPath ? 'node' : relative(root, part).startsWith('node_modules') ? relative(root, part) : part,
  );
  console.log(`  $ ${shown.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env, shell });
  if (result.error) console.error(`  could not start ${command}: ${result.error.message}`);
  return result.status === 0;
}

/** A package's CLI, run with this same Node (works on Windows without .cmd shims). */
function bin(pkg, name) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath);
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
  if (!rel) fail(`${pkg} has no "${name}" command; is node_modules complete? Run npm ci.`);
  return join(dirname(manifestPath), rel);
}

function runNpm(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.c?js$/.test(npmCli)) return run(process.execPath, [npmCli, ...args]);
  // Not started through npm: use npm from PATH (on Windows, npm is a .cmd shim and needs a shell).
  return run('npm', args, { shell: process.platform === 'win32' });
}

// --- (a) The Electron binary must be present --------------------------------------------------------
// Found without require('electron'), which (since Electron 42) would download it as a side effect.
step('Checking the Electron binary');
let electronBinary = installedElectronBinary(root);
if (!electronBinary) {
  // `npm run setup` leaves it out so that offline machines can install; a packaging machine has internet.
  console.log('  not installed yet: fetching it');
  if (run(process.execPath, [electronInstallScript(root)])) electronBinary = installedElectronBinary(root);
}
if (!electronBinary) {
  fail(
    [
      'the Electron binary could not be fetched (node_modules/electron has no dist/).',
      '  Packaging needs internet access to the Electron download host (GitHub releases, or the mirror in',
      '  ELECTRON_MIRROR). Fetch it by hand with:  npx install-electron --no',
    ].join('\n'),
  );
}
console.log(`  found ${electronBinary}`);

const icon = join(root, 'resources/icons/icon.png');
const iconSource = join(root, 'resources/icons/icon.svg');
if (!existsSync(icon)) fail('resources/icons/icon.png is missing; render it from icon.svg (see docs/packaging.md).');
if (existsSync(iconSource) && statSync(iconSource).mtimeMs > statSync(icon).mtimeMs + 1000) {
  console.warn('  ⚠ resources/icons/icon.svg is newer than icon.png; re-render the PNG (see docs/packaging.md).');
}

const targetsOtherOs = builderArgs.some(
  (arg) =>
    (['--win', '-w', '--windows'].includes(arg) && process.platform !== 'win32') ||
    (['--mac', '-m', '--macos'].includes(arg) && process.platform !== 'darwin') ||
    (['--linux', '-l'].includes(arg) && process.platform !== 'linux'),
);
if (targetsOtherOs) {
  console.warn('  ⚠ building for another OS: better-sqlite3 is a native addon and is only rebuilt for this one.');
  console.warn('    Build each platform on its own OS (e.g. a CI matrix); see docs/packaging.md.');
}

const electronVite = bin('electron-vite', 'electron-vite');
const electronBuilder = bin('electron-builder', 'electron-builder');

// --- (b) Build main, preload and renderer -----------------------------------------------------------
step('Building with electron-vite');
if (!run(process.execPath, [electronVite, 'build'])) fail('electron-vite build failed.');

// --- (c) Rebuild native deps for Electron's ABI, then package ----------------------------------------
let ok = false;
let failure = '';
try {
  step("Rebuilding better-sqlite3 for Electron's ABI (electron-builder install-app-deps)");
  // Through the main CLI: the separate `install-app-deps` bin of electron-builder 26 only require()s
  // its module, whose `require.main === module` guard then never fires, so it silently does nothing.
  // install-app-deps cannot take --config, so it uses default options (a prebuilt binary for
  // Electron if one exists, else a source build); electron-builder below rebuilds again per target
  // arch with electron.builder.yml's buildDependenciesFromSource. This first pass fails fast, before
  // packaging starts, if the Electron headers or the toolchain are missing.
  if (!run(process.execPath, [electronBuilder, 'install-app-deps'])) {
    failure =
      'electron-builder install-app-deps failed (it needs network access for the Electron headers, plus Python and a C++ toolchain; see docs/packaging.md).';
  } else {
    step('Packaging with electron-builder');
    const publish = builderArgs.some((a) => a === '--publish' || a === '-p' || a.startsWith('--publish=')) ? [] : ['--publish', 'never'];
    if (!run(process.execPath, [electronBuilder, '--config', 'electron.builder.yml', ...publish, ...builderArgs])) {
      failure = 'electron-builder failed; see its output above.';
    } else {
      ok = true;
    }
  }
} finally {
  // --- (d) Put better-sqlite3 back to Node's ABI ------------------------------------------------------
  // install-app-deps (and electron-builder's own npmRebuild) compile better-sqlite3 IN PLACE in
  // node_modules for Electron's ABI (its NODE_MODULE_VERSION differs from Node's). Left like that,
  // plain Node — `npm test`, the web host, scripts — would fail on this machine with
  // "was compiled against a different Node.js version". So always rebuild it back for Node, even if
  // packaging failed; the installers already contain their own Electron-ABI copy.
  step('Rebuilding better-sqlite3 back for Node (so tests and the web host keep working here)');
  const restored = runNpm(['rebuild', 'better-sqlite3']) && run(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"]);
  if (!restored) {
    console.error('  ✖ better-sqlite3 is not loadable by Node now; run `npm rebuild better-sqlite3` before `npm test`.');
    if (ok) failure = 'packaging succeeded, but restoring better-sqlite3 for Node failed (see above).';
    ok = false;
  }
}

if (!ok) fail(failure || 'packaging failed.');
console.log('\n✔ Installers are in dist/.\n');
