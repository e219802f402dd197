// Sharing with MAPPA partners (issue 10), run once in its own process. Prints one JSON line.
// Usage: node --import tsx bench/sharing.ts
//
// Registers of partner agencies on one machine, made and joined through the app's own
// channels (tests/support/partners.ts: key files through the fake host's dialogs, TEST_KDF:
// the KDF is not what is measured). The sending probation register holds a subject with
// 1,000 items and one with 500; five receiving offices of other agencies hold its key and
// it holds theirs, so every file is made for all five.
//  - build+seal: shares.confirm end to end (the rules checked again, the manifest and payload
//    built, signed, age-encrypted to five offices, written where the dialog said, the confirm
//    committed with its audit entry), each run a new draft of the same 1,000 items, all answered.
//  - verify+import: exchange.open (signature, recipient, expiry, zod, decrypt, the preview) and
//    exchange.import, each run a new file: a receiver's first import adds the 1,000 items and
//    the subject; importing another file of the same items matches them.
//  - the check-answers page: shares.get of a draft with 500 items chosen and answered.
// Answering a line through shares.answer returns the whole share, so a 1,000-line draft costs
// ~n² to answer one line at a time (minutes per draft): the drafts are answered with the
// service's own answerLine, all lines in one commit with its share_draft audit entry, and one
// shares.answer round trip is timed on its own as the wizard's per-field step.
import { statSync, writeFileSync } from 'node:fs';
import { listOffices } from '../src/main/access/offices';
import { acted } from '../src/main/audit';
import { planItem } from '../src/main/register/demo/generate';
import { Prng } from '../src/main/register/demo/prng';
import { sealExchange } from '../src/main/exchange/exchangeFile';
import { requireOwnKeys } from '../src/main/exchange/keys';
import { answerLine } from '../src/main/sharing/shares';
import { buildShare } from '../src/main/sharing/outgoing';
import { today } from '../src/shared/calendar';
import type { FieldRef, ShareView } from '../src/shared/channels/sharing';
import type { AgencyKindCode } from '../src/shared/vocabulary';
import { CASE, anUnansweredShare, aPartnerRegister, confirmKey, confirmShare, FULL_ANSWER, HOLLIS, openFile, type PartnerRegister } from '../tests/support/partners';
import { aSubject } from '../tests/support/registerBuilders';
import { pct, round } from './figures';

const SHARE_ITEMS = 1_000;
const PAGE_ITEMS = 500;
const BUILD_RUNS = 5; // after one warm-up
const PAGE_RUNS = 25; // after one warm-up
const AREA = 'Greater Manchester';
const RECEIVERS: Array<{ name: string; agency: AgencyKindCode; user: string }> = [
  { name: 'Wigan Public Protection Unit', agency: 'police', user: 'Sam Sergeant' },
  { name: 'North West Mental Health Trust', agency: 'health', user: 'Hana Health' },
  { name: 'Wigan Housing Solutions', agency: 'housing', user: 'Harry Housing' },
  { name: 'Wigan Children’s Services', agency: 'childrens_services', user: 'Chris Children' },
  { name: 'Wigan Adult Social Care', agency: 'adult_social_care', user: 'Alex Adult' },
];

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = now();
  const value = await fn();
  return [value, now() - t];
}

/** `n` real items (items.add, demo-generator text and field kinds) on a new subject, all owned by the sender's own office. */
async function subjectWithItems(from: PartnerRegister, n: number, seed: string, familyName: string): Promise<{ subjectId: string; refs: FieldRef[] }> {
  const s = from.api.service;
  const subject = { ...HOLLIS, familyName, pnc: null };
  const subjectId = (await s['subjects.create'](aSubject(subject))).id;
  const home = listOffices(from.api.session.vault().reader).filter((o) => o.isHome);
  const p = new Prng(seed);
  const day = today(new Date());
  const refs: FieldRef[] = [];
  for (let i = 0; i < n; i++) {
    const item = await s['items.add'](planItem(p, day, subjectId, { givenName: subject.givenName ?? 'Darren', familyName }, home));
    refs.push({ kind: 'item', itemId: item.id });
  }
  return { subjectId, refs };
}

/** Every line's three tests, as aDraftShare answers them, through the service's answerLine: all lines in one commit. */
function answerAll(from: PartnerRegister, share: ShareView): void {
  from.api.session.act('share.make', (w, ctx) => {
    for (const line of share.lines) {
      answerLine(w, ctx, share.id, line.lineId, {
        ...FULL_ANSWER,
        outsidePurposeReason: line.outsidePurpose ? 'Needed for this plan in particular.' : null,
        specialJustification: line.specialCategory !== null ? 'It bears directly on the risk in this plan.' : null,
      });
    }
    return acted(undefined, { action: 'share_draft', subjectId: share.subjectId, details: { shareId: share.id, step: 'answer', lines: share.lines.length } });
  });
}

/** A new draft share of `refs` to `recipients`, through the wizard's channels, every line answered. */
async function answeredDraft(from: PartnerRegister, subjectId: string, recipients: string[], refs: FieldRef[]): Promise<ShareView> {
  const share = await anUnansweredShare(from, subjectId, recipients, refs);
  answerAll(from, share);
  return share;
}

/**
 * What shares.confirm does before its commit (build, seal, write), for when the confirm
 * itself is refused: the file can still be imported and measured. Not a figure of its own.
 */
async function sealWithoutConfirm(from: PartnerRegister, shareId: string): Promise<string> {
  const reader = from.api.session.vault().reader;
  const own = requireOwnKeys(reader);
  const built = buildShare(reader, shareId, own, from.user.userName, new Date());
  const bytes = await sealExchange(built.draft, built.payload, own, built.recipientAgeKeys);
  const file = from.file(`share-unconfirmed-${built.draft.exchangeId.slice(0, 8)}.mappa`);
  writeFileSync(file, bytes);
  return file;
}

async function main(): Promise<void> {
  const tSetup = now();
  const sender = await aPartnerRegister({ office: { name: 'Wigan Probation Delivery Unit', agency: 'probation', area: AREA }, userName: 'Casey Coordinator' });
  const receivers: PartnerRegister[] = [];
  const recipients: string[] = [];
  for (const r of RECEIVERS) {
    const receiver = await aPartnerRegister({ office: { name: r.name, agency: r.agency, area: AREA }, userName: r.user });
    recipients.push(await confirmKey(receiver, sender));
    await confirmKey(sender, receiver);
    receivers.push(receiver);
  }
  const big = await subjectWithItems(sender, SHARE_ITEMS, 'bench sharing 1000', 'Hollis');
  const page = await subjectWithItems(sender, PAGE_ITEMS, 'bench sharing 500', 'Marsh');
  const setupMs = now() - tSetup;

  // 1. build+seal: shares.confirm, a new answered draft of the same 1,000 items each run.
  const build: number[] = [];
  const sealOnly: number[] = []; // only when the confirm is refused
  const files: string[] = [];
  let draftMs = 0;
  let confirmError = '';
  let fields = 0;
  for (let run = 0; run <= BUILD_RUNS; run++) {
    const [draft, ms] = await timed(() => answeredDraft(sender, big.subjectId, recipients, big.refs));
    draftMs += ms;
    fields = draft.lines.length;
    let file = '';
    if (confirmError === '') {
      try {
        const [saved, confirmMs] = await timed(() => confirmShare(sender, draft.id));
        file = saved;
        if (run > 0) build.push(confirmMs);
      } catch (error) {
        confirmError = error instanceof Error ? error.message : String(error);
      }
    }
    if (confirmError !== '') {
      const [saved, sealMs] = await timed(() => sealWithoutConfirm(sender, draft.id));
      file = saved;
      if (run > 0) sealOnly.push(sealMs);
    }
    files.push(file);
  }
  const fileBytes = files.map((f) => statSync(f).size);

  // 2. verify+import: receiver j's first import is file j (adds); then file j+1 (matches).
  const first: number[] = [];
  const again: number[] = [];
  const firstOpen: number[] = [];
  const outcomes = { added: new Set<number>(), matched: new Set<number>() };
  const importInto = async (receiver: PartnerRegister, file: string, into: number[], open: number[] | undefined, expect: 'added' | 'matched'): Promise<void> => {
    const t = now();
    const preview = await openFile(receiver, file);
    const opened = now() - t;
    const result = await receiver.api.service['exchange.import']({ token: preview.token, subjectId: null });
    into.push(now() - t);
    open?.push(opened);
    outcomes[expect].add(result[expect]);
  };
  const measured = files.slice(1);
  for (const [j, receiver] of receivers.entries()) await importInto(receiver, measured[j % measured.length] ?? '', first, firstOpen, 'added');
  for (const [j, receiver] of receivers.entries()) await importInto(receiver, measured[(j + 1) % measured.length] ?? '', again, undefined, 'matched');

  // 3. the check-answers page: shares.get of a 500-item draft, all answered.
  const pageDraft = await answeredDraft(sender, page.subjectId, recipients.slice(0, 1), page.refs);
  const get: number[] = [];
  let pageReady = false;
  for (let run = 0; run <= PAGE_RUNS; run++) {
    const [view, ms] = await timed(() => sender.api.service['shares.get']({ id: pageDraft.id, reason: CASE }));
    if (run > 0) get.push(ms);
    pageReady = view.ready && view.lines.length === PAGE_ITEMS + 1;
  }
  // The wizard's per-field step on the same draft: one shares.answer round trip (it answers with the whole share).
  const answer: number[] = [];
  for (const line of pageDraft.lines.slice(1, 8)) {
    const [, ms] = await timed(() => sender.api.service['shares.answer']({ id: pageDraft.id, lineId: line.lineId, ...FULL_ANSWER, outsidePurposeReason: line.outsidePurpose ? 'Needed for this plan in particular.' : null, specialJustification: line.specialCategory !== null ? 'It bears on the risk.' : null }));
    answer.push(ms);
  }

  for (const r of [sender, ...receivers]) r.api.session.lock();
  const figures: Record<string, number> = {
    share_items: SHARE_ITEMS,
    share_fields: fields,
    share_recipients: recipients.length,
    share_build_p50_ms: build.length > 0 ? pct(build, 50) : -1,
    share_build_runs: build.length,
    share_seal_only_p50_ms: sealOnly.length > 0 ? pct(sealOnly, 50) : -1,
    share_file_kb: pct(fileBytes, 50) / 1024,
    share_import_first_p50_ms: pct(first, 50),
    share_import_first_open_p50_ms: pct(firstOpen, 50),
    share_import_first_runs: first.length,
    share_import_first_added: outcomes.added.size === 1 ? [...outcomes.added][0]! : -1,
    share_import_again_p50_ms: pct(again, 50),
    share_import_again_runs: again.length,
    share_import_again_matched: outcomes.matched.size === 1 ? [...outcomes.matched][0]! : -1,
    share_draft_setup_s: draftMs / (BUILD_RUNS + 1) / 1000,
    share_setup_s: setupMs / 1000,
    check_answers_items: PAGE_ITEMS,
    check_answers_p50_ms: pct(get, 50),
    check_answers_p95_ms: pct(get, 95),
    check_answers_runs: get.length,
    check_answers_ready: pageReady ? 1 : 0,
    share_answer_p50_ms: pct(answer, 50),
    sharing_peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
  const rounded: Record<string, number | string> = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)]));
  if (confirmError !== '') rounded.share_confirm_error = confirmError.slice(0, 300);
  process.stdout.write(`${JSON.stringify(rounded)}\n`);
}

void main();
