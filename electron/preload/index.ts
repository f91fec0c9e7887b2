// The preload: runs sandboxed and context-isolated before the page, and exposes `window.desk` (see bridge.ts).
// Built to CommonJS (out/preload/index.cjs): sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '../../shared/ipc';
import { createDeskBridge } from './bridge';

const bridge: DeskBridge = createDeskBridge((channel, args) => ipcRenderer.invoke(channel, args));

contextBridge.exposeInMainWorld('desk', bridge);
