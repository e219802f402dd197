// The exchange file must work in Electron's main process, where Node's crypto is built on
// BoringSSL. Ed25519 and SHA-256 go through node:crypto as the vault's do. age's X25519 uses
// WebCrypto where the runtime has it and falls back to @noble/curves when the runtime says
// the algorithm is not supported (a NotSupportedError, as WebCrypto requires): this test
// takes X25519 away from WebCrypto and makes, opens and checks a file all the same.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

afterEach(() => vi.restoreAllMocks());

describe('age without WebCrypto X25519', () => {
  it('encrypts to several recipients and decrypts with pure-JS X25519', async () => {
    const subtle = globalThis.crypto.subtle;
    const importKey = subtle.importKey.bind(subtle);
    const refused = vi.spyOn(subtle, 'importKey').mockImplementation(((...args: Parameters<SubtleCrypto['importKey']>) => {
      const algorithm = args[2];
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (name === 'X25519') return Promise.reject(new DOMException('Unrecognized algorithm name', 'NotSupportedError'));
      return importKey(...args);
    }) as SubtleCrypto['importKey']);
    const a = await generateX25519Identity();
    const b = await generateX25519Identity();
    const e = new Encrypter();
    e.addRecipient(await identityToRecipient(a));
    e.addRecipient(await identityToRecipient(b));
    const sealed = await e.encrypt('Exclusion zone around Orchard Close');
    const d = new Decrypter();
    d.addIdentity(b);
    expect(await d.decrypt(sealed, 'text')).toBe('Exclusion zone around Orchard Close');
    expect(refused).toHaveBeenCalled();
  });
});
