import { contextBridge, ipcRenderer } from 'electron';
import { IPC_PREFIX } from '../shared/contract';
import { createClient } from './client';

// The only bridge between the page and the main process. The page gets `window.mappa`
// (one function per contract channel) and nothing else: no ipcRenderer, no event
// objects, no Node API. Only the reply's data crosses, never the IpcRendererEvent.
const mappa = createClient((channel, input) => ipcRenderer.invoke(IPC_PREFIX + channel, input));

contextBridge.exposeInMainWorld('mappa', mappa);
