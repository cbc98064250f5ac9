// The flags of `npm start` (scripts/start.mjs): what people may type, the help that lists them, and
// the arguments each host gets. Pure: no files, no processes.

export const START_HELP = `Usage: npm start [-- options]

Opens Capability Assessment: the desktop app when Electron is installed, otherwise the same app in
your browser, served from this computer only (127.0.0.1).

Options:
  --web            Open the app in your browser even when the desktop app is installed
  --data-dir DIR   Keep the data in DIR instead of your user data folder
  --port N         Serve the browser app on port N (default: the port it had last time; implies --web)
  --no-open        Start the browser app without opening a browser, only print its address (implies --web)
  --help           Show this help`;

export class StartUsageError extends Error {}

const VALUE_FLAGS = new Set(['--data-dir', '--port']);

function readPort(text) {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65_535)) throw new StartUsageError(`--port needs a port number from 1 to 65535, not "${text}".`);
  return port;
}

/**
 * Reads `npm start` arguments. Throws StartUsageError (exit code 2) for anything it does not know,
 * so a typo never silently starts the app with the wrong data folder.
 * @returns {{ help: boolean, web: boolean, dataDir: string | null, port: number | null, open: boolean }}
 */
export function parseStartArgs(argv) {
  const options = { help: false, web: false, dataDir: null, port: null, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined || value === '' || (inlineValue === undefined && value.startsWith('-'))) {
        throw new StartUsageError(`${flag} needs a value, e.g. ${flag === '--port' ? '--port 8080' : '--data-dir ./my-data'}.`);
      }
      if (flag === '--data-dir') options.dataDir = value;
      else options.port = readPort(value);
      continue;
    }
    if (inlineValue !== undefined && ['--web', '--no-open', '--help'].includes(flag)) throw new StartUsageError(`${flag} takes no value.`);
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--web') options.web = true;
    else if (arg === '--no-open') options.open = false;
    else throw new StartUsageError(`Unknown option "${arg}".`);
  }
  // A port or "don't open a browser" only mean something for the browser app.
  if (options.port !== null || !options.open) options.web = true;
  return options;
}

/** Arguments for `electron .` (the desktop host reads only --data-dir). */
export function desktopArgs(options) {
  return options.dataDir === null ? [] : ['--data-dir', options.dataDir];
}

/** Arguments for `node out/main/web-host.js`. */
export function webHostArgs(options) {
  return [
    ...(options.dataDir === null ? [] : ['--data-dir', options.dataDir]),
    ...(options.port === null ? [] : ['--port', String(options.port)]),
    ...(options.open ? [] : ['--no-open']),
  ];
}
