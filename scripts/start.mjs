// `npm start`: builds, then opens the desktop app when the Electron binary is installed, otherwise
// starts the local web host and opens the app in the default browser.
// Flags: --web (always the browser host), --data-dir DIR (where the data lives), --no-build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const skipBuild = args.includes('--no-build');
const passThrough = args.filter((a) => a !== '--web' && a !== '--no-build');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!skipBuild || !existsSync('out/main/web-host.js')) {
  const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws if the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * better-sqlite3 is a native module built for one ABI at a time: Node's (tests, web host) or Electron's
 * (desktop app). Rebuild for Electron only when the desktop app is about to start and needs it;
 * `npm test` rebuilds for Node again when it finds the Electron build.
 */
function ensureSqliteFor(electronPath) {
  const probe = spawnSync(electronPath, ['-e', "require('better-sqlite3')"], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'ignore' });
  if (probe.status === 0) return true;
  console.log('Rebuilding better-sqlite3 for Electron (needs internet for Electron headers the first time)…');
  return spawnSync(npx, ['electron-builder', 'install-app-deps'], { stdio: 'inherit' }).status === 0;
}

let electron = forceWeb ? null : electronBinary();
if (electron && !ensureSqliteFor(electron)) {
  console.log('Could not rebuild better-sqlite3 for Electron; opening the app in your browser instead.');
  electron = null;
}
const child = electron
  ? spawn(electron, ['.', ...passThrough], { stdio: 'inherit' })
  : spawn(process.execPath, ['out/main/web-host.js', ...passThrough], { stdio: 'inherit' });
if (!electron && !forceWeb) console.log('The Electron binary is not installed here, so the app opens in your browser instead.');
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
