// Where the Electron binary is, if it was ever fetched — found without side effects.
//
// Since Electron 42, `require('electron')` downloads the binary when it is missing (the npm package
// no longer has a postinstall). On machines without access to the download host that would stall or
// fail every `npm start`, so the scripts read the package's own markers instead: dist/version (the
// version that was unpacked) and path.txt (the executable inside dist/).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The installed Electron executable for this electron package's version, or null. */
export function installedElectronBinary(projectRoot) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const unpacked = readOrNull(join(packageDir, 'dist', 'version'))?.replace(/^v/, '');
  const executable = readOrNull(join(packageDir, 'path.txt'));
  if (!executable || unpacked !== version) return null;
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

/** The command that fetches the binary (the package's own install-electron script). */
export function electronInstallScript(projectRoot) {
  return join(dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json')), 'install.js');
}
