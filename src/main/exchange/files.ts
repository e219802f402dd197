import { readFileSync, statSync } from 'node:fs';
import { formatLondonDateTime } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import type { Reader } from '../db/types';
import { removeQuietly, writeFileAtomicSync } from '../vault/atomicWrite';
import { MAX_EXCHANGE_BYTES, openExchange, REFUSED, type ExchangeKind, type Opened } from './exchangeFile';
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

/** What each kind of exchange file is, and where in the app it is opened. */
const WHERE_TO_OPEN: Readonly<Record<ExchangeKind, string>> = {
  share: 'a share from a partner office: import it on the Import page',
  withdrawal: 'a partner’s withdrawal of a share: import it on the Import page',
  meeting_pack: 'a MAPPA meeting pack for an attendee: open it from Meetings, with “Open a meeting pack”',
  meeting_acknowledgement: 'an attendee’s acknowledgement of a meeting pack: import it from the meeting’s page, with “Import an acknowledgement”',
  sar_referral: 'a subject access request referred to this office: open it from Subject access requests, with “Open a referral”',
};

/** Refuses a verified file brought to a place that does not open its kind, saying where it is opened; nothing is taken in. */
export function wrongPlace(kind: ExchangeKind): never {
  throw new MappaError('exchange_wrong_place', `This file is ${WHERE_TO_OPEN[kind]}. Nothing was opened here.`);
}

export function requireKind(opened: Opened, ...kinds: ExchangeKind[]): void {
  if (!kinds.includes(opened.header.kind)) wrongPlace(opened.header.kind);
}
