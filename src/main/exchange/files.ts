import { readFileSync, statSync } from 'node:fs';
import { formatLondonDateTime } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import type { Reader } from '../db/types';
import { removeQuietly, writeFileAtomicSync } from '../vault/atomicWrite';
import { MAX_EXCHANGE_BYTES, openExchange, REFUSED, type Opened } from './exchangeFile';
import { partnerKeyByRemote, requireOwnKeys } from './keys';

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

/**
 * Opens and verifies an exchange file the person chose, as this register's office: its own
 * keys, its confirmed partners' keys, and `receivedBefore` (the capability's own record of
 * the files it has taken in) for the replay refusal.
 */
export async function openExchangeFile(file: string, read: () => Reader, now: Date, receivedBefore: (r: Reader, exchangeId: string) => string | undefined): Promise<Opened> {
  const bytes = readExchangeFile(file);
  const own = requireOwnKeys(read());
  return openExchange(bytes, {
    fingerprint: own.fingerprint,
    ageIdentity: own.ageIdentity,
    senderKeys: (remote) => partnerKeyByRemote(read(), remote),
    receivedBefore: (exchangeId) => receivedBefore(read(), exchangeId),
    now,
    formatTime: formatLondonDateTime,
  });
}
