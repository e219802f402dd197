import { useState, type FormEvent } from 'react';
import type { ReceivedDocument, ReceivedPackView } from '../../../../shared/channels/meetingPacks';
import { formatLondonDate, formatLondonDateTime } from '../../../../shared/calendar';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { DocumentBlocks } from '../../components/DocumentBlocks';
import { ErrorSummary, SuccessBanner } from '../../components/forms';
import { SummaryRow } from '../../components/SummaryRow';
import { Tag } from '../../components/tags';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { BackLink, PageHeading, WarningText, whereText } from './parts';
import { SignatureFields, Statement } from './UndertakingSignature';

// One meeting pack on the attendee's own register (issue 11; MAPPA D): the confidentiality
// undertaking first, large and readable, with the signature form; the papers listed as
// locked, in the service's words, until the person the pack was made for signs it here.
// Then the papers open, each with its marking and owner, and the signed acknowledgement is
// saved to go back to the meeting's coordinator. What is locked, and for whom, is the
// service's answer: the screen shows it.

export function PackScreen({ exchangeId }: { exchangeId: string }) {
  const { navigate } = useSession();
  const loaded = useLoad(() => api().packs.get({ exchangeId }), [exchangeId]);
  const pack = loaded.data;
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const back = <BackLink onClick={() => navigate({ name: 'packs' })}>Back to meeting packs</BackLink>;
  if (!pack) {
    return (
      <>
        {back}
        <ErrorSummary errors={errors} />
        {loaded.loading ? <p className="govuk-body">Opening the meeting pack…</p> : null}
      </>
    );
  }

  const sign = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const signed = await api().packs.sign({ exchangeId, typedName, agreed: agreed as true, version: pack.statement.version });
      loaded.setData(signed);
      setBanner(`You signed the confidentiality undertaking (version ${signed.statement.version}). The papers are open below; when you have read them, send the acknowledgement at the end of the page.`);
    });
  };
  const sendAcknowledgement = () =>
    void submit(async () => {
      setBanner(null);
      const saved = await api().packs.exportAcknowledgement({ exchangeId });
      if (saved.file === null) return;
      await loaded.reload();
      setBanner(`The acknowledgement was saved to ${saved.file}. Send it back to the meeting’s coordinator at ${pack.from.name} by secure email: they import it on the meeting’s page, where your signature is recorded.`);
    });
  const open = pack.locked === null;

  return (
    <>
      {back}
      <ErrorSummary errors={errors} />
      <SuccessBanner message={banner} />
      {open ? (
        <>
          <PageHeading key="open" caption={`Meeting pack from ${pack.from.name}`}>
            {pack.meetingTitle}
          </PageHeading>
          <MeetingFacts pack={pack} />
          <Documents pack={pack} />
          <h2 className="govuk-heading-l">Send the acknowledgement</h2>
          <p className="govuk-body">
            The acknowledgement is your signature of the undertaking, made with your own key on this register. Save it, then send the file back to the meeting’s coordinator at {pack.from.name} by secure email; they import it on the meeting’s page.
          </p>
          {pack.acknowledgementExportedAt ? <p className="govuk-inset-text">You saved the acknowledgement on {formatLondonDateTime(pack.acknowledgementExportedAt)}. Save it again if the file was lost.</p> : null}
          <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={sendAcknowledgement}>
            Send the acknowledgement
          </button>
        </>
      ) : (
        <>
          <PageHeading key="locked" caption={`Meeting pack: ${pack.meetingTitle}`}>
            {pack.statement.title}
          </PageHeading>
          <p className="govuk-body-l">
            For {pack.recipientName}
            {pack.recipientRole ? `, ${pack.recipientRole}` : ''}, from {pack.from.name} ({pack.from.agencyLabel}). Read the statement, then sign below to open the papers.
          </p>
          <Statement body={pack.statement.body} version={pack.statement.version} />
          {pack.signed === null ? (
            <form onSubmit={sign} noValidate>
              <SignatureFields expectedName={pack.recipientName} typedName={typedName} onTypedName={setTypedName} agreed={agreed} onAgreed={setAgreed} errors={errors} />
              <p className="govuk-body">You are signing version {pack.statement.version} of the statement, for this meeting. Your signature is made with your own key on this register.</p>
              <button type="submit" className="govuk-button govuk-button--large" disabled={busy} aria-disabled={busy}>
                Sign the undertaking
              </button>
            </form>
          ) : null}
          <MeetingFacts pack={pack} />
          <Documents pack={pack} />
        </>
      )}
    </>
  );
}

function MeetingFacts({ pack }: { pack: ReceivedPackView }) {
  const where = whereText(pack.meeting);
  return (
    <>
      <h2 className="govuk-heading-l">The meeting</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="When">{formatLondonDateTime(pack.startsAt)}</SummaryRow>
        <SummaryRow label="Where">{where === '' ? 'Not recorded' : where}</SummaryRow>
        <SummaryRow label="Chair">{pack.meeting.chair}</SummaryRow>
        <SummaryRow label="Hosted by">
          {pack.meeting.hostOffice.name} ({pack.meeting.hostOffice.agencyLabel}), {pack.meeting.hostOffice.area}
        </SummaryRow>
        <SummaryRow label={pack.subjects.length === 1 ? 'Person discussed' : 'People discussed'}>
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {pack.subjects.map((s) => (
              <li key={s.name}>
                {s.name}
                {s.dateOfBirth ? `, born ${formatLondonDate(s.dateOfBirth)}` : ''}
              </li>
            ))}
          </ul>
        </SummaryRow>
        <SummaryRow label="For">
          {pack.recipientName}
          {pack.recipientRole ? `, ${pack.recipientRole}` : ''}
        </SummaryRow>
        <SummaryRow label="Confidentiality undertaking">{pack.signed ? `Version ${pack.statement.version}, signed by ${pack.signed.typedName} on ${formatLondonDateTime(pack.signed.signedAt)}` : `Version ${pack.statement.version}, not signed yet`}</SummaryRow>
      </dl>
    </>
  );
}

const documentLine = (d: ReceivedDocument) => `By ${d.author}. Owned by ${d.owner}.${d.subjectName ? ` About ${d.subjectName}.` : ''}${d.copyNumber !== null ? ` Copy ${d.copyNumber}.` : ''}`;

function Documents({ pack }: { pack: ReceivedPackView }) {
  const heading = pack.purpose === 'copy' ? 'The minutes' : 'Papers';
  if (pack.locked !== null) {
    return (
      <section aria-labelledby="documents-heading">
        <h2 className="govuk-heading-l" id="documents-heading">
          {heading}
        </h2>
        <div className="app-locked" role="region" aria-label="Papers locked">
          <WarningText>{pack.locked}</WarningText>
          <ul className="govuk-list">
            {pack.documentList.map((d) => (
              <li key={d.line} className="app-paper">
                <Tag colour="red">Locked</Tag> <span className="govuk-!-font-weight-bold">{d.title}</span>
                <span className="govuk-body-s app-block">{documentLine(d)}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="documents-heading">
      <h2 className="govuk-heading-l" id="documents-heading">
        {heading}
      </h2>
      {pack.documentList.length === 0 ? <p className="govuk-inset-text">This pack carries no papers: the meeting had none when it was sent.</p> : null}
      {pack.documentList.map((d) => (
        <article className="app-document-frame" key={d.line} aria-labelledby={`document-${d.line}`}>
          <p className="app-document__marking">{d.classification}</p>
          <h3 className="govuk-heading-l govuk-!-margin-top-3" id={`document-${d.line}`}>
            {d.title}
          </h3>
          <p className="govuk-body">{documentLine(d)}</p>
          <DocumentBlocks blocks={d.blocks ?? []} headingLevel={4} />
          <p className="app-document__marking">{d.classification}</p>
        </article>
      ))}
    </section>
  );
}
