import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface MainWindowOptions {
  preloadPath: string;
  allowDevTools: boolean;
}

export function createMainWindow({ preloadPath, allowDevTools }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Capability Assessment',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Chromium's PDF viewer, for evidence PDFs shown inline; plugins cannot be installed by content.
      plugins: true,
      devTools: allowDevTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
