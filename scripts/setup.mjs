// `npm run setup`: installs exactly the locked dependencies and builds the app.
// The Electron binary is fetched only when you ask for it (--with-electron): machines without internet
// access to its download host cannot fetch it, and the app then runs in a browser. Since Electron 42
// `npm ci` never downloads it (the electron package has no install script any more).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronInstallScript } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const withElectron = process.argv.includes('--with-electron');
const onWindows = process.platform === 'win32';

function run(title, command, args) {
  console.log(`▶ ${title}`);
  // npm and npx are .cmd shims on Windows, which only start through a shell.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: onWindows && command !== process.execPath });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm ci', onWindows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']);
if (withElectron) run('Fetching the Electron binary', process.execPath, [electronInstallScript(root)]);
run('electron-vite build', onWindows ? 'npx.cmd' : 'npx', ['electron-vite', 'build']);
console.log('\nSet up. Start the app with: npm start');
