// How guessable a passphrase is, judged by zxcvbn (Dropbox's estimator, maintained as
// zxcvbn-ts): dictionaries of common passwords, English words and names, keyboard
// patterns, repeats, sequences and dates, rather than a list of character-class rules.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { VaultError, WEAK_PASSPHRASE_MESSAGE, guessablePassphraseMessage } from './errors';

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * zxcvbn's 0-4 scale; 3 is "safely unguessable: moderate protection from an offline
 * slow-hash scenario" (under 10^10 guesses), which is what a stolen register folder is.
 */
export const MIN_PASSPHRASE_SCORE = 3;

/**
 * zxcvbn's cost grows steeply with length (a 256-character keyboard pattern took 3 s here),
 * so only the first 100 characters are judged; a passphrase whose first 100 are strong is
 * strong. Levenshtein matching is left off for the same reason (2 s for '123456789012').
 */
const JUDGED_LENGTH = 100;

/** Words a passphrase should not be built from, besides the user's own name. */
const APP_WORDS = ['mappa', 'register', 'mappa register'];

export interface PassphraseContext {
  /** The user the passphrase is for: a passphrase made from their name is refused. */
  userName?: string;
}

/**
 * Built per check and then dropped (about 0.15 s): the ranked dictionaries take some 14 MB of
 * heap, and passphrases are chosen rarely (a new register, a new member, a change).
 */
async function estimator(): Promise<ZxcvbnFactory> {
  // Loaded only when a passphrase is chosen: the dictionaries would otherwise hold some
  // 30 MB of the main process for its whole life (the peak-memory target counts it).
  const [{ ZxcvbnFactory: Factory }, common, english] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
  return new Factory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    maxLength: JUDGED_LENGTH,
  });
}

function nameWords(userName: string | undefined): string[] {
  if (userName === undefined) return [];
  const words = userName.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  return [userName.normalize('NFC'), ...words];
}

/** True when nothing but the user's name (in any case, with digits, spaces or punctuation) is left. */
function madeFromName(passphrase: string, userName: string | undefined): boolean {
  const words = nameWords(userName).slice(1).sort((a, b) => b.length - a.length);
  if (words.length === 0) return false;
  let rest = passphrase.normalize('NFC').toLowerCase();
  for (const w of words) rest = rest.split(w).join('');
  return rest.replace(/[^\p{L}]+/gu, '').length < 6;
}

export async function checkPassphraseStrength(passphrase: string, context: PassphraseContext = {}): Promise<void> {
  const text = passphrase.normalize('NFC');
  if ([...text].length < MIN_PASSPHRASE_LENGTH) throw new VaultError('weak_passphrase', WEAK_PASSPHRASE_MESSAGE);
  if (madeFromName(text, context.userName)) {
    throw new VaultError('weak_passphrase', guessablePassphraseMessage('It is made from your name.'));
  }
  const result = (await estimator()).check(text, [...nameWords(context.userName), ...APP_WORDS]);
  if (result.score < MIN_PASSPHRASE_SCORE) {
    const usesName = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
    // zxcvbn's own sentence for this case ("personal or page related data") is written for web forms.
    const warning = usesName ? 'It contains your name or the name of the register.' : result.feedback.warning;
    throw new VaultError('weak_passphrase', guessablePassphraseMessage(warning ?? undefined));
  }
}
