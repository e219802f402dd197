import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  guardWebContents,
  isTrustedUrl,
  SESSION_PARTITION,
  webPreferences,
} from '../../../src/main/shell/security';
import { createMainWindow, mainWindowOptions } from '../../../src/main/shell/window';

type Listener = (event: { preventDefault: () => void; isMainFrame?: boolean }, ...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    }),
    emit(name: string, ...args: unknown[]) {
      const event = { preventDefault: vi.fn(), isMainFrame: true };
      listeners.get(name)?.(event, ...args);
      return event;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('the window', () => {
  it('is created with context isolation, the sandbox, no Node integration and web security on', () => {
    expect(webPreferences('/app/preload.js', { devTools: false })).toEqual({
      preload: '/app/preload.js',
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
      devTools: false,
    });
  });

  it('uses an in-memory session partition, so nothing is cached on disk', () => {
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('loads the app from its own privileged scheme, never file://, and shows the marking in its title', () => {
    const created: { options: unknown; url?: string }[] = [];
    class FakeWindow {
      constructor(readonly options: unknown) {
        created.push({ options });
      }
      once = vi.fn();
      on = vi.fn();
      show = vi.fn();
      loadURL = vi.fn(async (url: string) => {
        created[0]!.url = url;
      });
    }
    createMainWindow(FakeWindow as never, '/app/preload.js', APP_ENTRY_URL, { devTools: false });
    expect(created).toHaveLength(1);
    expect(created[0]!.url).toBe('app://mappa/index.html');
    expect(created[0]!.options).toEqual(mainWindowOptions('/app/preload.js', { devTools: false }));
    expect(mainWindowOptions('/p', { devTools: false }).title).toContain('OFFICIAL-SENSITIVE');
  });

  it('has devtools only when asked (development builds)', () => {
    expect(webPreferences('/p', { devTools: true }).devTools).toBe(true);
    expect(mainWindowOptions('/p', { devTools: false }).webPreferences?.devTools).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('is exactly the strict policy the app ships with', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'; worker-src 'none'",
    );
  });

  it('allows no eval, no inline script and no remote origin', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|https?:/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

describe('navigation and new windows', () => {
  it('prevents every navigation, frame navigation, redirect and webview', () => {
    const contents = fakeContents();
    guardWebContents(contents as never);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = contents.emit(name, 'https://attacker.example/');
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
    // Even a navigation to the app's own origin: the app is one page.
    expect(contents.emit('will-navigate', `${APP_ORIGIN}/index.html`).preventDefault).toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const contents = fakeContents();
    guardWebContents(contents as never);
    expect(contents.open('https://attacker.example/')).toEqual({ action: 'deny' });
    expect(contents.open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let device: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
      setDevicePermissionHandler: (h: typeof device) => {
        device = h;
      },
    } as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check!({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(device!({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });
});

describe('trusted origins', () => {
  const trusted = [APP_ORIGIN];
  it.each([
    ['app://mappa/index.html', true],
    ['app://mappa/', true],
    ['app://other/index.html', false],
    ['file:///app/index.html', false],
    ['https://mappa/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
    ['', false],
  ])('%s is trusted: %s', (url, expected) => {
    expect(isTrustedUrl(url, trusted)).toBe(expected);
  });
});
