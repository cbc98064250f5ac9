import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_CHANNEL, type CoreBridge } from '../../shared/api/bridge';

// The whole surface the renderer gets: one function that carries a call to the main process.
const bridge: CoreBridge = {
  invoke: (method, actorId, params) => ipcRenderer.invoke(IPC_CHANNEL, { method, actorId, params }),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
