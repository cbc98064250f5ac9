// `npm run setup`: installs exactly the locked dependencies and builds the app.
// The Electron binary is skipped unless you ask for it (--with-electron), because machines without
// internet access to its download host cannot fetch it; the app then runs in a browser.
import { spawnSync } from 'node:child_process';

const withElectron = process.argv.includes('--with-electron');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, ...(withElectron ? {} : { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }) };

for (const [cmd, cmdArgs] of [
  [npm, ['ci', '--no-audit', '--no-fund']],
  [npx, ['electron-vite', 'build']],
]) {
  console.log(`▶ ${cmd} ${cmdArgs.join(' ')}`);
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log('\nSet up. Start the app with: npm start');
