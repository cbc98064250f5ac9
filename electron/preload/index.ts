import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_CHANNEL, type CoreBridge } from '../../shared/api/bridge';

// The whole surface the renderer gets: one function that carries a call to the main process.
const bridge: CoreBridge = {
  invoke: (method, sessionId, params) => ipcRenderer.invoke(IPC_CHANNEL, { method, sessionId, params }),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
