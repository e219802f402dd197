// The encrypted register file: public surface for the rest of the main process.
export { VaultError, type VaultErrorCode, WRONG_PASSPHRASE_MESSAGE, WEAK_PASSPHRASE_MESSAGE } from './errors';
export { createRegister, openRegister, isRegisterFolder, type CreateOptions, type OpenOptions, type Opened } from './register';
export { restoreBackup, type RestoreOptions } from './backup';
export { unlockWait } from './attempts';
export { DEFAULT_KDF, MIN_PASSPHRASE_LENGTH, checkPassphrasePolicy, type KdfParams } from './kdf';
export { DEFAULT_SNAPSHOT_THRESHOLD, type SnapshotThreshold, type Vault, type UserSummary } from './vault';
