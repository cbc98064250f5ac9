import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { DataFolderLockedError } from '../core/lock/data-folder-lock';
import { startCoreWorker, type CoreWorker } from '../core-worker/start-core-worker';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { parseHostArgs, type HostArgs } from './args';
import { registerCoreIpc } from './ipc';
import { buildAppMenu } from './menu';
import { hardenAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

/** Must match `appId` in electron.builder.yml (Windows taskbar grouping and notifications). */
const APP_USER_MODEL_ID = 'uk.gov.capability-assessment';

// Built layout: out/main/index.js and core-worker.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const CORE_WORKER_PATH = join(import.meta.dirname, 'core-worker.js');

// --- Before `ready` -------------------------------------------------------------------------------
let args: HostArgs;
try {
  args = parseHostArgs(process.argv);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
if (args.dataDir) {
  // A custom data directory gets its own Chromium profile, so the single-instance lock below is
  // per database: two copies can run side by side on different data, never on the same data.
  app.setPath('userData', join(args.dataDir, 'electron-profile'));
}
const dataDir = args.dataDir ?? join(app.getPath('userData'), 'data');

app.enableSandbox();
registerAppScheme();
hardenAllWebContents();
app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: CoreWorker | null = null;
  let quitting = false;
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, allowDevTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!app.isReady() || !core) return;
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The core closes its store (a last checkpoint) on its own thread; quitting waits for it once.
  app.on('will-quit', (event) => {
    if (!core || quitting) return;
    quitting = true;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      core = await startCoreWorker({
        script: CORE_WORKER_PATH,
        dataDir,
        appVersion: app.getVersion(),
        holderName: 'the desktop app',
        onStopped: (reason) => {
          dialog.showErrorBox('Capability Assessment stopped', `The app’s core stopped (${reason}). Start the app again; what was saved is safe.`);
          app.exit(1);
        },
      });
      hardenSession(session.defaultSession);
      serveRenderer(RENDERER_DIR);
      Menu.setApplicationMenu(buildAppMenu({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin' }));
      registerCoreIpc(core, () => mainWindow);
      openWindow();
      app.on('activate', () => {
        if (!mainWindow) openWindow();
      });
    })
    .catch((error: unknown) => {
      if (error instanceof DataFolderLockedError) {
        // Another copy (the web host, or the desktop app under another profile) has this data folder open.
        dialog.showErrorBox('Capability Assessment is already using this data folder', error.message);
        app.exit(1);
        return;
      }
      console.error('[main] failed to start', error);
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Capability Assessment could not start', `Data folder: ${dataDir}\n\n${detail}`);
      app.exit(1);
    });
}
