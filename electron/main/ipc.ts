import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import type { Core } from '../core';
import { isAppUrl } from './app-origin';
import { MALFORMED_MESSAGE, readCoreMessage, REFUSED_SENDER } from './ipc-message';

/** Only the main frame of our own window, showing our own app origin, may talk to the core. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** The one IPC door: check who is asking and that the message has the right shape, then hand it to the core. */
export function registerCoreIpc(core: Pick<Core, 'dispatch'>, getMainWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, raw: unknown) => {
    if (!isTrustedSender(event, getMainWindow())) {
      console.warn('[ipc] refused a request from', event.senderFrame?.url ?? 'an unknown frame');
      return REFUSED_SENDER;
    }
    const message = readCoreMessage(raw);
    if (!message) return MALFORMED_MESSAGE;
    return core.dispatch(message.sessionId, message.method, message.params);
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
