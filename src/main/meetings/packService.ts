import { createHash } from 'node:crypto';
import { londonDayOf } from '../../shared/calendar';
import type { meetingPacksContract } from '../../shared/channels/meetingPacks';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import type { ServiceDeps } from '../access/registerSession';
import { acted, type ActEntry } from '../audit';
import type { Reader } from '../db/types';
import { REFUSED, sealExchange, type Opened } from '../exchange/exchangeFile';
import { openExchangeFile, requireKind, writeThenCommit } from '../exchange/files';
import { requireOwnKeys } from '../exchange/keys';
import { blocked, BLOCKED_OPEN } from '../register/associationBlock';
import { actOnSubject } from '../register/guard';
import { prepareCopy, recordCopy } from './copies';
import { minutesCopyBlocks, paperBlocks } from './copyDocuments';
import { actOnSubjects } from '../register/guard';
import { getAttendee, getMeetingRow } from './meetings';
import { viewFor } from './channelParts';
import { findMinutes, minutesView } from './minutes';
import { buildAcknowledgement, declarationForPack, declarationForReceived, markAcknowledgementExported, PACK_BLOCKED, receivedPackOn, receivedPacks, receivedPackView, signReceivedPack, storeReceivedPack } from './packsIn';
import { acknowledgementImportedOn, attendeeSubjects, buildPack, checkAcknowledgement, packsSent, recordAcknowledgement, recordPackSent, recipientKey, sentPackView, type PackDocumentSource } from './packsOut';
import { getPaper, listPapers } from './papers';
import { requireSignedReader } from './readers';

// The meeting packs' channels (issue 11): on the hosting register, sending the invitation
// and papers to an attendee's office, or a numbered copy of the minutes, and importing the
// acknowledgement; on the attendee's own register, opening a pack, signing it and sending the
// acknowledgement back. Every file is recorded (audit entry and its record) in the same
// commit, before it exists where the person chose; every refusal comes before the dialog.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const day = (now: Date) => londonDayOf(now.toISOString());


export function meetingPacksService({ session, host }: ServiceDeps): SliceService<typeof meetingPacksContract> {
  const read = () => session.vault().reader;

  async function openFile(wanted: 'meeting_pack' | 'meeting_acknowledgement', receivedBefore: (r: Reader, id: string) => string | undefined): Promise<Opened | null> {
    const ctx = session.context(wanted === 'meeting_pack' ? 'meeting.attend' : 'meeting.manage');
    const file = await host.dialogs.chooseExchangeFile('open', 'exchange', '');
    if (file === null) return null;
    const opened = await openExchangeFile(file, read, ctx.now, receivedBefore);
    requireKind(opened, wanted);
    return opened;
  }

  /** A person with a declared association with anyone a received pack discusses: the attempt is recorded, then refused. */
  function refuseDeclared(exchangeId: string, find: (r: Reader, userId: string) => ReturnType<typeof declarationForReceived>): void {
    const declared = session.act('meeting.attend', (w, ctx) => {
      const d = find(w, ctx.actor.userId);
      return d === null ? acted(null) : acted(d, { action: 'association_alert', details: { associationId: d.id, exchangeId, inRegister: false } });
    });
    if (declared !== null) throw blocked(PACK_BLOCKED);
  }

  return {
    'packs.sendInvitation': async ({ meetingId, attendeeId }) => {
      const ctx = session.context('meeting.manage');
      const r = read();
      const attendee = getAttendee(r, meetingId, attendeeId);
      if (attendee.user_id !== null) {
        throw new MappaError('is_a_user', `${attendee.full_name} is a user of this register: they sign the undertaking and read the papers here, not from a pack.`);
      }
      const subjectIds = attendeeSubjects(r, attendee);
      // The sender reads what they send: signed, for each person the pack covers.
      for (const s of subjectIds) requireSignedReader(r, meetingId, ctx.actor.userId, s);
      recipientKey(r, attendee.office_id, attendee.full_name);
      const own = requireOwnKeys(r);
      const documents: PackDocumentSource[] = subjectIds.flatMap((subjectId) =>
        listPapers(r, meetingId, subjectId)
          .filter((p) => p.withdrawn === null)
          .map((p) => {
            const paper = getPaper(r, meetingId, p.id);
            return { kind: 'paper' as const, id: p.id, subjectId, title: paper.title, author: paper.author, owner: paper.owner, classification: paper.classification, version: paper.version, copyNumber: null, blocks: paperBlocks(paper) };
          }),
      );
      const built = buildPack(
        r,
        own,
        { meetingId, purpose: 'invitation', recipient: { attendeeId, fullName: attendee.full_name, role: attendee.job_title, officeId: attendee.office_id }, subjectIds, documents },
        ctx.actor.userName,
        ctx.now,
      );
      const file = await host.dialogs.chooseExchangeFile('save', 'exchange', `mappa-meeting-pack-${day(ctx.now)}-${built.draft.exchangeId.slice(0, 8)}.mappa`);
      if (file === null) return { file: null, exchangeId: null };
      const bytes = await sealExchange(built.draft, built.payload, own, built.recipientAgeKeys);
      const fileSha256 = sha256(bytes);
      writeThenCommit(file, bytes, () =>
        actOnSubjects(session, 'meeting.manage', () => subjectIds, BLOCKED_OPEN, (w, c) => {
          for (const s of subjectIds) requireSignedReader(w, meetingId, c.actor.userId, s);
          const paperIds = documents.map((d) => d.id);
          recordPackSent(w, c, built, { attendeeId, copyId: null, paperIds, fileSha256 });
          const entry = (subjectId: string): ActEntry => ({
            action: 'export',
            subjectId,
            details: { what: 'meeting_pack', meetingId, attendeeId, exchangeId: built.draft.exchangeId, officeId: built.officeId, papers: documents.filter((d) => d.subjectId === subjectId).map((d) => d.id), fileSha256 },
          });
          return acted(undefined, ...subjectIds.map(entry));
        }),
      );
      return { file, exchangeId: built.draft.exchangeId };
    },

    'packs.sendCopy': async ({ meetingId, permissionId }) => {
      const ctx = session.context('meeting.manage');
      const r = read();
      const { permission, copyNumber } = prepareCopy(r, meetingId, permissionId, ctx.actor.userId);
      if (permission.recipientOffice === null) {
        throw new MappaError('no_office', `The chair’s permission names no office for ${permission.recipientName}: a copy goes as an exchange file only to an office with a confirmed key. Make a PDF copy instead.`);
      }
      recipientKey(r, permission.recipientOffice.id, permission.recipientName);
      const own = requireOwnKeys(r);
      const meeting = viewFor(r, meetingId, ctx);
      const view = minutesView(r, meetingId, permission.subjectId, ctx.now);
      const blocks = minutesCopyBlocks({ meeting, minutes: view, permission, copyNumber, madeBy: ctx.actor.userName, madeAt: ctx.now });
      const homeOwner = permission.recipientOffice;
      const built = buildPack(
        r,
        own,
        {
          meetingId,
          purpose: 'copy',
          recipient: { attendeeId: null, fullName: permission.recipientName, role: permission.recipientRole ?? '', officeId: homeOwner.id },
          subjectIds: [permission.subjectId],
          documents: [{ kind: 'minutes', id: view.id, subjectId: permission.subjectId, title: `Minutes, copy ${copyNumber}`, author: meeting.chairName, owner: own.office, classification: 'OFFICIAL-SENSITIVE', version: view.version, copyNumber, blocks }],
        },
        ctx.actor.userName,
        ctx.now,
      );
      const file = await host.dialogs.chooseExchangeFile('save', 'exchange', `mappa-minutes-${londonDayOf(getMeetingRow(r, meetingId).starts_at)}-copy-${copyNumber}.mappa`);
      if (file === null) return { file: null, copyNumber: null };
      const bytes = await sealExchange(built.draft, built.payload, own, built.recipientAgeKeys);
      const fileSha256 = sha256(bytes);
      writeThenCommit(file, bytes, () =>
        actOnSubject(session, 'meeting.manage', () => permission.subjectId, BLOCKED_OPEN, (w, c) => {
          requireSignedReader(w, meetingId, c.actor.userId, permission.subjectId);
          if (findMinutes(w, meetingId, permission.subjectId)?.version !== view.version) throw new MappaError('changed', 'The minutes changed while the copy was being made: make it again.');
          const copyId = recordCopy(w, c, { permissionId, minutesId: view.id, meetingId, subjectId: permission.subjectId, copyNumber, minutesVersion: view.version, form: 'exchange', pages: null, fileSha256 });
          recordPackSent(w, c, built, { attendeeId: null, copyId, paperIds: [], fileSha256 });
          return acted(undefined, {
            action: 'minutes_copy',
            subjectId: permission.subjectId,
            itemIds: view.parts.informationItemIds,
            details: { meetingId, minutesId: view.id, permissionId, copyNumber, minutesVersion: view.version, form: 'exchange', exchangeId: built.draft.exchangeId, recipientOfficeId: homeOwner.id, fileSha256 },
          });
        }),
      );
      return { file, copyNumber };
    },

    'packs.sent': ({ meetingId }) => {
      session.context('meeting.manage');
      return packsSent(read(), meetingId);
    },

    'packs.importAcknowledgement': async () => {
      const opened = await openFile('meeting_acknowledgement', acknowledgementImportedOn);
      if (opened === null) return { cancelled: true as const };
      return session.act('meeting.manage', (w, ctx) => {
        const checked = checkAcknowledgement(w, opened, ctx.now);
        const { signatureIds, subjectIds } = recordAcknowledgement(w, ctx, opened, checked);
        const meetingId = checked.pack.meeting_id;
        const base = {
          meetingId,
          exchangeId: opened.header.exchangeId,
          packExchangeId: checked.pack.exchange_id,
          how: 'own_register',
          version: checked.statement.undertaking.version,
          sha256: checked.statement.undertaking.sha256,
          signerFingerprint: checked.signerFingerprint,
          ...(checked.pack.attendee_id === null ? {} : { attendeeId: checked.pack.attendee_id }),
          signatures: signatureIds,
          fileSha256: opened.fileSha256,
        };
        const entries: ActEntry[] = subjectIds.length === 0 ? [{ action: 'meeting_signature', details: base }] : subjectIds.map((subjectId) => ({ action: 'meeting_signature', subjectId, details: base }));
        return acted({ cancelled: false as const, meetingId, pack: sentPackView(w, checked.pack.exchange_id) }, ...entries);
      });
    },

    'packs.open': async () => {
      const opened = await openFile('meeting_pack', receivedPackOn);
      if (opened === null) return { cancelled: true as const };
      const pack = opened.manifest.meetingPack;
      if (!pack) throw new MappaError('exchange_malformed', REFUSED.malformed);
      // Nothing of it is kept or shown to a person who declared an association with anyone it discusses; a colleague opens it.
      refuseDeclared(opened.header.exchangeId, (r, userId) => declarationForPack(r, userId, pack));
      return session.act('meeting.attend', (w, ctx) => {
        storeReceivedPack(w, ctx, opened);
        const view = receivedPackView(w, opened.header.exchangeId, ctx.actor.userId);
        return acted(
          { cancelled: false as const, pack: view },
          {
            action: 'import',
            details: { step: 'import', kind: 'meeting_pack', exchangeId: opened.header.exchangeId, senderOfficeId: opened.header.sender.officeId, purpose: pack.purpose, documents: pack.documents.length, fileSha256: opened.fileSha256 },
          },
        );
      });
    },

    'packs.received': () =>
      session.act('meeting.attend', (w, ctx) => {
        const list = receivedPacks(w, ctx.actor.userId);
        return acted(list, { action: 'meeting_view', details: { list: 'meeting_packs', returned: list.length } });
      }),

    'packs.get': ({ exchangeId }) => {
      refuseDeclared(exchangeId, (r, userId) => declarationForReceived(r, userId, exchangeId));
      return session.act('meeting.attend', (w, ctx) => {
        const view = receivedPackView(w, exchangeId, ctx.actor.userId);
        const opened = view.locked === null;
        return acted(view, { action: opened ? 'paper_view' : 'meeting_view', details: { exchangeId, pack: 'received', documentsShown: opened ? view.documentList.length : 0 } });
      });
    },

    'packs.sign': ({ exchangeId, typedName, version }) => {
      refuseDeclared(exchangeId, (r, userId) => declarationForReceived(r, userId, exchangeId));
      const vault = session.vault();
      return session.act('meeting.attend', (w, ctx) => {
        const signed = signReceivedPack(w, ctx, { exchangeId, typedName, version }, { signingKey: vault.memberSigningKey(), sign: (label, bytes) => vault.signAsMember(label, bytes) });
        const view = receivedPackView(w, exchangeId, ctx.actor.userId);
        return acted(view, { action: 'meeting_signature', details: { exchangeId, how: 'own_register', version: signed.version, sha256: signed.sha256, pack: 'received' } });
      });
    },

    'packs.exportAcknowledgement': async ({ exchangeId }) => {
      const ctx = session.context('meeting.attend');
      const own = requireOwnKeys(read());
      const built = buildAcknowledgement(read(), own, exchangeId, ctx.actor.userId, ctx.actor.userName, ctx.now);
      const file = await host.dialogs.chooseExchangeFile('save', 'exchange', `mappa-acknowledgement-${day(ctx.now)}-${exchangeId.slice(0, 8)}.mappa`);
      if (file === null) return { file: null };
      const bytes = await sealExchange(built.draft, { values: {} }, own, built.recipientAgeKeys);
      writeThenCommit(file, bytes, () =>
        session.act('meeting.attend', (w, c) => {
          markAcknowledgementExported(w, c, exchangeId);
          return acted(undefined, { action: 'export', details: { what: 'meeting_acknowledgement', packExchangeId: exchangeId, exchangeId: built.draft.exchangeId, fileSha256: sha256(bytes) } });
        }),
      );
      return { file };
    },
  };
}
