import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session } from 'electron';
import { createApi } from '../api';
import { electronDialogs } from './dialogs';
import { bindService } from './ipc';
import { createRendererHandler } from './protocol';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, denyAllPermissions, guardWebContents, SESSION_PARTITION } from './security';
import { createMainWindow } from './window';

// The app's lifecycle: the only file that touches Electron's runtime objects directly.
// Everything it wires is a plain function tested in Node with fakes.

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const devTools = !app.isPackaged;

// Must run before 'ready': app:// behaves like https (secure context, same-origin rules).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
// Dates in the page (date inputs, toLocaleDateString) read day/month/year, as UK staff expect.
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first over the register files.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const appSession = session.fromPartition(SESSION_PARTITION, { cache: false });
    denyAllPermissions(appSession);
    // Nothing leaves the machine: every request other than the app's own scheme (and the
    // dev server while developing) is cancelled.
    appSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url.startsWith(`${APP_SCHEME}://`) || (devServerUrl && details.url.startsWith(devServerUrl)) || details.url.startsWith('devtools://');
      callback({ cancel: !allowed });
    });
    appSession.protocol.handle(APP_SCHEME, createRendererHandler(path.join(__dirname, '../renderer')));

    const api = createApi({
      version: app.getVersion(),
      host: { dialogs: electronDialogs(dialog, () => mainWindow), settingsDir: app.getPath('userData') },
    });
    bindService(ipcMain, api.service, trustedOrigins);
    // Keys and data leave memory when the machine sleeps, the screen locks or the app quits.
    powerMonitor.on('suspend', () => api.session.autoLock());
    powerMonitor.on('lock-screen', () => api.session.autoLock());
    app.on('before-quit', () => api.session.lock());

    mainWindow = createMainWindow(BrowserWindow, path.join(__dirname, '../preload/index.js'), devServerUrl ?? APP_ENTRY_URL, { devTools });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
