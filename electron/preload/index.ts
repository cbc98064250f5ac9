import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_CHANNEL,
  PROGRESS_CHANNEL,
  UNWATCH_PROGRESS_CHANNEL,
  WATCH_PROGRESS_CHANNEL,
  type CoreBridge,
} from '../../shared/api/bridge';
import type { ProgressPush } from '../../shared/api/progress';

const watchers = new Map<number, (push: ProgressPush) => void>();
let nextWatchId = 1;
ipcRenderer.on(PROGRESS_CHANNEL, (_event, message: { watchId: number; push: ProgressPush }) => watchers.get(message.watchId)?.(message.push));

// The whole surface the renderer gets: one function that carries a call to the main process, and progress pushed back.
const bridge: CoreBridge = {
  invoke: (method, sessionId, params) => ipcRenderer.invoke(IPC_CHANNEL, { method, sessionId, params }),
  watchProgress: (sessionId, listener) => {
    const watchId = nextWatchId++;
    watchers.set(watchId, listener);
    ipcRenderer.send(WATCH_PROGRESS_CHANNEL, { watchId, sessionId });
    return () => {
      if (watchers.delete(watchId)) ipcRenderer.send(UNWATCH_PROGRESS_CHANNEL, { watchId });
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
