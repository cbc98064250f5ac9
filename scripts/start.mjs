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

const electron = forceWeb ? null : electronBinary();
const child = electron
  ? spawn(electron, ['.', ...passThrough], { stdio: 'inherit' })
  : spawn(process.execPath, ['out/main/web-host.js', ...passThrough], { stdio: 'inherit' });
if (!electron && !forceWeb) console.log('The Electron binary is not installed here, so the app opens in your browser instead.');
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
