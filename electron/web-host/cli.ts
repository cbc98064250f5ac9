import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCoreWorker } from '../core-worker/start-core-worker';
import { defaultDataDir } from './default-data-dir';
import { startWebHost } from './server';

/** `node out/main/web-host.js [--data-dir DIR] [--port N] [--no-open]`: the app in a browser, for machines without Electron. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const rendererDir = resolve(values['renderer-dir'] ?? resolve(import.meta.dirname, '../renderer'));
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535))
    throw new Error(`--port must be a port number, not "${values.port}"`);

  const core = await startCoreWorker({
    script: new URL('./core-worker.js', import.meta.url),
    dataDir,
    appVersion: APP_VERSION,
    holderName: 'the web host',
    onStopped: (reason) => {
      console.error(`The app’s core stopped (${reason}). Start the app again; what was saved is safe.`);
      process.exit(1);
    },
  });
  const host = await startWebHost({ core, rendererDir, port, dataDir });
  // Machine-readable first line: tests and scripts read the URL from it.
  console.log(`WEB_HOST_URL ${host.url}`);
  console.log(`Capability Assessment is running. Data folder: ${dataDir}`);
  console.log(`Open ${host.url} in your browser (the address works once, for 10 minutes). Press Ctrl+C to stop.`);
  if (!values['no-open']) {
    // Its own one-time code: the browser's command line is visible to every user of this computer.
    const { default: open } = await import('open');
    open(host.launchUrl()).catch(() => console.log('(Could not open a browser automatically; copy the address above.)'));
  }
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

declare const APP_VERSION: string;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
