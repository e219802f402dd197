import type { Session, WebContents, WebPreferences } from 'electron';

// Electron's security checklist, as values the tests can read. Every window of the
// app is made from these; nothing else in the code base creates a window.

/** The renderer is served from this privileged scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mappa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** An in-memory partition (no "persist:" prefix): no cache, cookies or storage on disk. */
export const SESSION_PARTITION = 'mappa-register';

/**
 * Sent as a response header on every page the app serves. Only the app's own origin;
 * no eval, no inline script or style, no remote origin, no plugins, no framing, no form
 * posts anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
].join('; ');

export function webPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    partition: SESSION_PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

/**
 * Is this frame URL the app's own page? Only the app's origin (and, when running from
 * the dev server, that one dev origin) may call the main process.
 */
export function isTrustedUrl(url: string | undefined | null, trustedOrigins: readonly string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const origin = parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  return trustedOrigins.includes(origin);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** No camera, microphone, notifications, geolocation, HID, USB, serial, clipboard-read: nothing. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * No navigation of any frame, no redirects, no new windows, no webviews, in every web
 * contents. The app is one page loaded by the shell with loadURL (which these events do
 * not see); any navigation the page itself starts (a link, a drag-and-drop, a script
 * setting location) is refused.
 */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
