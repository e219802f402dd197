import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRendererHandler, resolveRendererPath } from '../../../src/main/shell/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/security';

const root = mkdtempSync(path.join(os.tmpdir(), 'mappa-renderer-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'outside');

describe('the app:// protocol', () => {
  const handle = createRendererHandler(root);

  it('serves the page with the CSP as a response header', async () => {
    const response = await handle(new Request('app://mappa/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('serves / as the page and scripts with a script type', async () => {
    expect((await handle(new Request('app://mappa/'))).status).toBe(200);
    const script = await handle(new Request('app://mappa/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://mappa/../secret.txt',
    'app://mappa/%2e%2e/secret.txt',
    'app://mappa/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://mappa/%00index.html',
    'app://evil/index.html',
    'app://mappa/missing.js',
  ])('refuses %s', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never resolves a path outside the renderer folder', () => {
    expect(resolveRendererPath(root, 'app://mappa/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveRendererPath(root, 'app://mappa/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
  });
});
