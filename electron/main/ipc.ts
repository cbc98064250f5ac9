import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL, PROGRESS_CHANNEL, UNWATCH_PROGRESS_CHANNEL, WATCH_PROGRESS_CHANNEL } from '../../shared/api/bridge';
import type { Core } from '../core';
import { isAppUrl } from './app-origin';
import { MALFORMED_MESSAGE, readCoreMessage, readUnwatchMessage, readWatchMessage, REFUSED_SENDER } from './ipc-message';

/** Only the main frame of our own window, showing our own app origin, may talk to the core. */
function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** The IPC doors: check who is asking and that the message has the right shape, then hand it to the core. */
export function registerCoreIpc(core: Pick<Core, 'dispatch' | 'watchProgress'>, getMainWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, raw: unknown) => {
    if (!isTrustedSender(event, getMainWindow())) {
      console.warn('[ipc] refused a request from', event.senderFrame?.url ?? 'an unknown frame');
      return REFUSED_SENDER;
    }
    const message = readCoreMessage(raw);
    if (!message) return MALFORMED_MESSAGE;
    return core.dispatch(message.sessionId, message.method, message.params);
  });

  // Progress pushed to the window; a window's watches end with its page (a reload or close leaves none behind).
  const watchesBySender = new Map<number, Map<number, () => void>>();
  const stopAll = (senderId: number) => {
    for (const stop of watchesBySender.get(senderId)?.values() ?? []) stop();
    watchesBySender.delete(senderId);
  };
  ipcMain.on(WATCH_PROGRESS_CHANNEL, (event, raw: unknown) => {
    const message = readWatchMessage(raw);
    if (!message || !isTrustedSender(event, getMainWindow())) return;
    const { sender } = event;
    let watches = watchesBySender.get(sender.id);
    if (!watches) {
      watches = new Map();
      watchesBySender.set(sender.id, watches);
      const senderId = sender.id;
      sender.once('destroyed', () => stopAll(senderId));
      sender.once('did-start-navigation', () => stopAll(senderId));
    }
    watches.get(message.watchId)?.();
    watches.set(
      message.watchId,
      core.watchProgress(message.sessionId, (push) => {
        if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { watchId: message.watchId, push });
      }),
    );
  });
  ipcMain.on(UNWATCH_PROGRESS_CHANNEL, (event, raw: unknown) => {
    const message = readUnwatchMessage(raw);
    if (!message || !isTrustedSender(event, getMainWindow())) return;
    const watches = watchesBySender.get(event.sender.id);
    watches?.get(message.watchId)?.();
    watches?.delete(message.watchId);
  });

  return () => {
    ipcMain.removeHandler(IPC_CHANNEL);
    ipcMain.removeAllListeners(WATCH_PROGRESS_CHANNEL);
    ipcMain.removeAllListeners(UNWATCH_PROGRESS_CHANNEL);
    for (const senderId of [...watchesBySender.keys()]) stopAll(senderId);
  };
}
