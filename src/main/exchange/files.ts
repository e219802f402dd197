import { readFileSync, statSync } from 'node:fs';
import { MappaError } from '../../shared/errors';
import { removeQuietly, writeFileAtomicSync } from '../vault/atomicWrite';
import { MAX_EXCHANGE_BYTES, REFUSED } from './exchangeFile';

// Exchange and key files on disk, where the person chose in the host's dialog.

/** Writes a file the person chose, then commits the act that records it; if the commit fails the file is removed again. */
export function writeThenCommit<T>(file: string, bytes: Uint8Array, commit: () => T): T {
  writeFileAtomicSync(file, bytes);
  try {
    return commit();
  } catch (error) {
    removeQuietly(file);
    throw error;
  }
}

/** An exchange file's bytes, refused before reading when it is larger than any exchange file. */
export function readExchangeFile(file: string): Buffer {
  if (statSync(file).size > MAX_EXCHANGE_BYTES) throw new MappaError('exchange_malformed', REFUSED.malformed);
  return readFileSync(file);
}
