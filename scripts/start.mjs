// `npm start`: opens the desktop app when the Electron binary is installed, otherwise starts the local
// web host and opens the app in the default browser. Builds first only when out/ is missing or older
// than the source. `npm start -- --help` lists the flags (scripts/start-options.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuild } from './build-freshness.mjs';
import { installedElectronBinary } from './electron-binary.mjs';
import { desktopArgs, parseStartArgs, START_HELP, StartUsageError, webHostArgs } from './start-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let options;
try {
  options = parseStartArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof StartUsageError)) throw error;
  console.error(`${error.message}\nRun \`npm start -- --help\` to see the options.`);
  process.exit(2);
}
if (options.help) {
  console.log(START_HELP);
  process.exit(0);
}
// npm runs scripts from the project folder; a relative --data-dir means relative to where the user typed it.
if (options.dataDir !== null) options.dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), options.dataDir);

function buildIfNeeded() {
  const decision = checkBuild(root);
  if (!decision.build) return;
  console.log(decision.reason === 'missing' ? 'Building the app (first run)…' : 'Building the app (its source has changed)…');
  const manifest = createRequire(join(root, 'package.json')).resolve('electron-vite/package.json');
  const cli = join(dirname(manifest), createRequire(manifest)(manifest).bin['electron-vite']);
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error(build.error ? `Could not run the build: ${build.error.message}` : 'The build failed (its output is above).');
    process.exit(build.status ?? 1);
  }
}

/**
 * better-sqlite3 is a native module built for one ABI at a time: Node's (tests, web host) or Electron's
 * (desktop app). Rebuild for Electron only when the desktop app is about to start and needs it;
 * `npm test` rebuilds for Node again when it finds the Electron build.
 */
function ensureSqliteFor(electronPath) {
  const probe = spawnSync(electronPath, ['-e', "require('better-sqlite3')"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
  });
  if (probe.status === 0) return true;
  console.log('Preparing the database module for the desktop app (needs internet for Electron headers the first time)…');
  const builder = createRequire(join(root, 'package.json')).resolve('electron-builder/cli.js');
  return spawnSync(process.execPath, [builder, 'install-app-deps'], { cwd: root, stdio: 'inherit' }).status === 0;
}

buildIfNeeded();

let electron = options.web ? null : installedElectronBinary(root);
if (electron && !ensureSqliteFor(electron)) {
  console.log('Could not prepare the database module for Electron; opening the app in your browser instead.');
  electron = null;
}
if (!electron && !options.web) {
  console.log('The desktop app is not installed here (`npm run setup -- --with-electron` adds it), so the app opens in your browser.');
}
const child = electron
  ? spawn(electron, [root, ...desktopArgs(options)], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [join(root, 'out/main/web-host.js'), ...webHostArgs(options)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
