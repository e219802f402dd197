// One error type for everything the register file can refuse. `code` is stable and is
// what the app branches on; `message` is written for the person at the keyboard.
// Messages never contain passphrases, keys, file contents or register data.

export type VaultErrorCode =
  | 'wrong_passphrase'
  | 'unlock_delay'
  | 'weak_passphrase'
  | 'damaged'
  | 'too_new'
  | 'not_a_register'
  | 'folder_not_empty'
  | 'locked'
  | 'not_allowed'
  | 'last_administrator'
  | 'user_exists'
  | 'invalid_user_name'
  | 'write_failed'
  | 'busy'
  | 'in_use'
  | 'needs_upgrade'
  | 'rolled_back';

export class VaultError extends Error {
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string) {
    super(message);
    this.name = 'VaultError';
    this.code = code;
  }
}

export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase does not open this register.';
export const WEAK_PASSPHRASE_MESSAGE = 'Choose a passphrase of at least 12 characters.';

/** A passphrase long enough but easy to guess; `warning` says why (a sentence from the strength check). */
export function guessablePassphraseMessage(warning?: string): string {
  return (
    `This passphrase is too easy to guess.${warning ? ` ${warning}` : ''} ` +
    'Use at least 12 characters: try three or four unrelated words.'
  );
}

export function wrongPassphrase(): VaultError {
  return new VaultError('wrong_passphrase', WRONG_PASSPHRASE_MESSAGE);
}

export function damaged(what: string): VaultError {
  return new VaultError(
    'damaged',
    `This register cannot be opened because ${what} is damaged or has been altered. ` +
      'Nothing has been changed. Restore the register from a backup, or ask your administrator for help.',
  );
}

export function lockedError(): VaultError {
  return new VaultError('locked', 'The register is locked. Unlock it to continue.');
}

export function writeFailed(what: string): VaultError {
  return new VaultError(
    'write_failed',
    `The register could not save ${what} to disk, so nothing was changed. Check the disk has free space and is still connected, then try again.`,
  );
}
