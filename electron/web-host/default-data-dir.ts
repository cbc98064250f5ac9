import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Capability Assessment';

/** The same folder Electron's app.getPath('userData') gives, so both hosts share one store by default. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const appData =
    platform === 'win32'
      ? env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(appData, PRODUCT_NAME, 'data');
}
