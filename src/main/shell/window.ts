import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { CLASSIFICATION, PRODUCT_NAME } from '../../shared/classification';
import { webPreferences } from './security';

export type WindowFactory = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function mainWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: `${PRODUCT_NAME} — ${CLASSIFICATION}`,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: webPreferences(preloadPath, options),
  };
}

/** Creates the one app window; it is shown once its first paint is ready. */
export function createMainWindow(
  Window: WindowFactory,
  preloadPath: string,
  url: string,
  options: { devTools: boolean },
): BrowserWindow {
  const window = new Window(mainWindowOptions(preloadPath, options));
  window.once('ready-to-show', () => window.show());
  // The page's <title> must not replace the classification in the title bar.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(url);
  return window;
}
