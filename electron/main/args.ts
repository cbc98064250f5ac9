import { resolve } from 'node:path';

export interface HostArgs {
  /** Where the core keeps its database; undefined means "use the default under userData". */
  dataDir?: string;
}

/**
 * Reads the host's own flags from the command line. Accepts `--data-dir <path>` and `--data-dir=<path>`;
 * everything else (Chromium switches, the app path Electron passes in development) is ignored.
 */
export function parseHostArgs(argv: readonly string[], cwd: string = process.cwd()): HostArgs {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new Error('--data-dir needs a path, e.g. --data-dir ./my-data');
      return { dataDir: resolve(cwd, value) };
    }
    if (arg?.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (!value) throw new Error('--data-dir needs a path, e.g. --data-dir=./my-data');
      return { dataDir: resolve(cwd, value) };
    }
  }
  return {};
}
