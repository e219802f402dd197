// Fuzzy person-name matching for declared associations. A declaration is the user's own
// description of someone ("Bob Smyth"); the register holds "SMITH, Robert" with aliases.
// An alert that fires on a near-miss costs an IG lead a look; one that stays silent lets
// an officer read their partner's record (APP counter-corruption case study). So the
// match is generous on spelling and nicknames but needs every token of the shorter name.

/** Common English given-name families: any two names in one group are the same person's name. */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'libby', 'lisa'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['michael', 'mike', 'mick', 'mickey', 'micky'],
  ['david', 'dave', 'davey', 'davy'],
  ['anthony', 'antony', 'tony'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'kath', 'cathy', 'kathy', 'kat'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy', 'sammie'],
  ['christopher', 'chris', 'kit'],
  ['christine', 'chris', 'chrissie', 'christina', 'tina'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['william', 'will', 'bill', 'billy', 'liam', 'willie'],
  ['richard', 'rich', 'rick', 'ricky', 'dick'],
  ['thomas', 'tom', 'tommy'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon', 'jonny'],
  ['joseph', 'joe', 'joey'],
  ['daniel', 'dan', 'danny'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['alexander', 'alex', 'sandy'],
  ['alexandra', 'alex', 'sandra', 'lexi'],
  ['andrew', 'andy', 'drew'],
  ['benjamin', 'ben', 'benny'],
  ['charles', 'charlie', 'chas', 'chuck'],
  ['matthew', 'matt'],
  ['nicholas', 'nick', 'nicky'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'trish', 'patsy'],
  ['peter', 'pete'],
  ['timothy', 'tim', 'timmy'],
  ['margaret', 'maggie', 'meg', 'peggy', 'maisie'],
  ['susan', 'sue', 'suzy', 'susie'],
  ['rebecca', 'becky', 'becca'],
  ['victoria', 'vicky', 'vicki', 'tori'],
  ['jennifer', 'jen', 'jenny'],
  ['deborah', 'debbie', 'debra', 'deb'],
  ['gerald', 'gerry', 'jerry'],
  ['francis', 'frank', 'frankie'],
  ['frances', 'fran', 'frankie'],
  ['kenneth', 'ken', 'kenny'],
  ['raymond', 'ray'],
  ['ronald', 'ron', 'ronnie'],
  ['terence', 'terry'],
  ['leonard', 'len', 'lenny'],
  ['abigail', 'abby', 'abi'],
];

const NICKNAMES: ReadonlyMap<string, ReadonlySet<number>> = (() => {
  const m = new Map<string, Set<number>>();
  NICKNAME_GROUPS.forEach((group, i) => {
    for (const name of group) m.set(name, (m.get(name) ?? new Set<number>()).add(i));
  });
  return m;
})();

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'rev', 'sir', 'dame']);

/**
 * Lower case, no diacritics or punctuation, titles dropped when two names remain:
 * "SMITH, Mrs Zoë-Ann" -> ["smith", "zoe", "ann"].
 */
export function nameTokens(name: string): string[] {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '') // O'Brien -> obrien
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  const untitled = tokens.filter((t) => !TITLES.has(t));
  return untitled.length >= 2 ? untitled : tokens;
}

export function sameNickname(a: string, b: string): boolean {
  const ga = NICKNAMES.get(a);
  const gb = NICKNAMES.get(b);
  if (ga === undefined || gb === undefined) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let halfTranspositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) halfTranspositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - halfTranspositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

export type TokenMatch = 'exact' | 'nickname' | 'fuzzy' | 'none';

// Both measures must agree: Jaro-Winkler alone rates "smithson" closer to "smith" than
// "smyth"; the edit ratio alone rates "paul" and "saul" alike.
const MIN_JARO_WINKLER = 0.85;
const MIN_EDIT_RATIO = 0.75;

export function compareTokens(a: string, b: string): TokenMatch {
  if (a === b) return 'exact';
  if (sameNickname(a, b)) return 'nickname';
  const ratio = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  return ratio >= MIN_EDIT_RATIO && jaroWinkler(a, b) >= MIN_JARO_WINKLER ? 'fuzzy' : 'none';
}

const MAX_TOKENS = 8;

export type NameMatch = 'strong' | 'fuzzy' | 'none';

/**
 * Compares two full names in any token order. Every token of the shorter name (at least
 * two) must pair with a different token of the longer one, so a middle name may be
 * missing but a family name may not. Strong: at most one token is only a fuzzy match.
 */
export function compareNames(a: string, b: string): NameMatch {
  const ta = nameTokens(a).slice(0, MAX_TOKENS);
  const tb = nameTokens(b).slice(0, MAX_TOKENS);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < 2) return 'none';
  const rank: Record<TokenMatch, number> = { exact: 3, nickname: 2, fuzzy: 1, none: 0 };
  // Small inputs (names): try every assignment, best first, to avoid a greedy mis-pairing.
  let best: { paired: number; fuzzy: number } | null = null;
  const used = new Array<boolean>(long.length).fill(false);
  const search = (i: number, fuzzy: number): void => {
    if (best !== null && best.fuzzy <= fuzzy) return;
    if (i === short.length) {
      best = { paired: i, fuzzy };
      return;
    }
    const candidates = long
      .map((t, j) => ({ j, m: used[j] ? 'none' : compareTokens(short[i] as string, t) }))
      .filter((c): c is { j: number; m: TokenMatch } => c.m !== 'none')
      .sort((x, y) => rank[y.m] - rank[x.m]);
    for (const c of candidates) {
      used[c.j] = true;
      search(i + 1, fuzzy + (c.m === 'fuzzy' ? 1 : 0));
      used[c.j] = false;
    }
  };
  search(0, 0);
  if (best === null) return 'none';
  return (best as { fuzzy: number }).fuzzy <= 1 ? 'strong' : 'fuzzy';
}

/** Every name in the same nickname families as `token` (itself included). */
export function nicknamesOf(token: string): string[] {
  const groups = NICKNAMES.get(token);
  if (groups === undefined) return [token];
  return [...new Set([token, ...[...groups].flatMap((g) => NICKNAME_GROUPS[g] ?? [])])];
}
