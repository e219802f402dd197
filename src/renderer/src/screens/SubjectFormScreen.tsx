import type { FormEvent } from 'react';
import type { SubjectDetail, SubjectInput } from '../../../shared/registerSchemas';
import { MAPPA_CATEGORIES, MAPPA_LEVELS, RISK_LEVELS, type RiskOfSeriousHarm } from '../../../shared/vocabulary';
import { api } from '../mappa';
import { useSession } from '../session';
import { Checkbox, ErrorSummary, errorFor, Radios, Select, Textarea, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';
import { useEdits } from './useEdits';
import { useErrors, useLoad } from './useLoad';

type Form = Record<'kind' | 'givenName' | 'familyName' | 'aliases' | 'dateOfBirth' | 'ethnicity' | 'pnc' | 'ndelius' | 'visor' | 'address' | 'areaOfClosestLinks' | 'indexOffence' | 'sentence' | 'category' | 'level' | 'risk' | 'exceptionalReason' | 'leadOfficeId' | 'nextReview', string> & { noFixedAbode: boolean };

const EMPTY: Form = {
  kind: 'nominal',
  givenName: '',
  familyName: '',
  aliases: '',
  dateOfBirth: '',
  ethnicity: '',
  pnc: '',
  ndelius: '',
  visor: '',
  address: '',
  noFixedAbode: false,
  areaOfClosestLinks: '',
  indexOffence: '',
  sentence: '',
  category: '',
  level: '',
  risk: '',
  exceptionalReason: '',
  leadOfficeId: '',
  nextReview: '',
};

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function toInput(f: Form): SubjectInput {
  return {
    kind: f.kind === 'pdp' ? 'pdp' : 'nominal',
    givenName: f.givenName,
    familyName: f.familyName,
    aliases: f.aliases.split(/[,\n]/).map((a) => a.trim()).filter(Boolean),
    dateOfBirth: orNull(f.dateOfBirth),
    ethnicity: orNull(f.ethnicity),
    pnc: orNull(f.pnc),
    ndelius: orNull(f.ndelius),
    visor: orNull(f.visor),
    address: orNull(f.address),
    noFixedAbode: f.noFixedAbode,
    areaOfClosestLinks: orNull(f.areaOfClosestLinks),
    indexOffence: orNull(f.indexOffence),
    sentence: orNull(f.sentence),
    // A PDP has no category or level; the fields are hidden, so nothing chosen earlier is sent.
    category: f.kind === 'pdp' || f.category === '' ? null : (Number(f.category) as 1 | 2 | 3 | 4),
    level: f.kind === 'pdp' || f.level === '' ? null : (Number(f.level) as 1 | 2 | 3),
    risk: f.risk === '' ? null : (f.risk as RiskOfSeriousHarm),
    exceptionalReason: orNull(f.exceptionalReason),
    leadOfficeId: orNull(f.leadOfficeId),
    nextReview: orNull(f.nextReview),
  };
}

/** The form as it starts for a subject already in the register. */
function fromSubject(s: SubjectDetail): Form {
  return {
    kind: s.kind,
    givenName: s.givenName,
    familyName: s.familyName,
    aliases: s.aliases.join(', '),
    dateOfBirth: s.dateOfBirth ?? '',
    ethnicity: s.ethnicity ?? '',
    pnc: s.pnc ?? '',
    ndelius: s.ndelius ?? '',
    visor: s.visor ?? '',
    address: s.address ?? '',
    noFixedAbode: s.noFixedAbode,
    areaOfClosestLinks: s.areaOfClosestLinks ?? '',
    indexOffence: s.indexOffence ?? '',
    sentence: s.sentence ?? '',
    category: s.category === null ? '' : String(s.category),
    level: s.level === null ? '' : String(s.level),
    risk: s.risk ?? '',
    exceptionalReason: s.exceptionalReason ?? '',
    leadOfficeId: s.leadOfficeId ?? '',
    nextReview: s.nextReview ?? '',
  };
}

/** Add or edit a MAPPA nominal or a Potentially Dangerous Person (the MAPPA A referral's fields). */
export function SubjectFormScreen({ id }: { id?: string }) {
  const { navigate, notify, reasonFor, rememberReason } = useSession();
  const loaded = useLoad(async () => {
    const [offices, subject] = await Promise.all([api().offices.list({}), id ? api().subjects.get({ id, reason: reasonFor(id) }) : Promise.resolve(null)]);
    return { offices, form: subject ? fromSubject(subject) : EMPTY };
  }, [id, reasonFor]);
  const offices = loaded.data?.offices ?? [];
  const { form, set } = useEdits(loaded.data?.form ?? EMPTY);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const err = (field: string) => errorFor(errors, field);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const input = toInput(form);
      const saved = id ? await api().subjects.update({ id, subject: input }) : await api().subjects.create(input);
      // Whoever has just recorded a person is managing their case: the record opens for that reason.
      if (!id) rememberReason(saved.id, { code: 'case_management' });
      notify(id ? `The details of ${input.givenName} ${input.familyName} were saved.` : `${input.givenName} ${input.familyName} was added to the register.`);
      navigate({ name: 'subject', id: saved.id });
    });
  };

  const nominal = form.kind !== 'pdp';
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">{id ? 'Edit details' : 'Add a subject'}</h1>
      <form onSubmit={save} noValidate>
        <Radios id="kind" legend="Who is this?" value={form.kind} inline options={[{ value: 'nominal', label: 'MAPPA nominal' }, { value: 'pdp', label: 'Potentially Dangerous Person' }]} onChange={set('kind')} error={err('kind')} />
        <h2 className="govuk-heading-m">Identity</h2>
        <TextInput id="givenName" label="Given name" value={form.givenName} onChange={set('givenName')} error={err('givenName')} />
        <TextInput id="familyName" label="Family name" value={form.familyName} onChange={set('familyName')} error={err('familyName')} />
        <Textarea id="aliases" label="Aliases and nicknames" hint="Separate them with commas" value={form.aliases} onChange={set('aliases')} error={err('aliases')} rows={2} />
        <TextInput id="dateOfBirth" label="Date of birth" type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} error={err('dateOfBirth')} />
        <TextInput id="ethnicity" label="Ethnicity, as the person states it" hint="Special category data: record it only as stated" value={form.ethnicity} onChange={set('ethnicity')} error={err('ethnicity')} />
        <TextInput id="pnc" label="PNC number" hint="For example 98/123456X" value={form.pnc} onChange={set('pnc')} error={err('pnc')} width="govuk-input--width-10" />
        <TextInput id="ndelius" label="nDelius CRN" hint="For example X123456" value={form.ndelius} onChange={set('ndelius')} error={err('ndelius')} width="govuk-input--width-10" />
        <TextInput id="visor" label="ViSOR reference" value={form.visor} onChange={set('visor')} error={err('visor')} width="govuk-input--width-10" />
        <h2 className="govuk-heading-m">Where they live</h2>
        <Checkbox id="noFixedAbode" label="No fixed abode" checked={form.noFixedAbode} onChange={set('noFixedAbode')} />
        {form.noFixedAbode ? (
          <TextInput id="areaOfClosestLinks" label="Area of closest links" value={form.areaOfClosestLinks} onChange={set('areaOfClosestLinks')} error={err('areaOfClosestLinks')} />
        ) : (
          <Textarea id="address" label="Address" value={form.address} onChange={set('address')} error={err('address')} rows={3} />
        )}
        <h2 className="govuk-heading-m">Offending and management</h2>
        <Textarea id="indexOffence" label="Index offence" value={form.indexOffence} onChange={set('indexOffence')} error={err('indexOffence')} rows={2} />
        <TextInput id="sentence" label="Sentence" value={form.sentence} onChange={set('sentence')} error={err('sentence')} width="govuk-!-width-two-thirds" />
        {nominal ? (
          <>
            <Radios id="category" legend="MAPPA category" hint="A person is in exactly one category" value={form.category} options={([1, 2, 3, 4] as const).map((c) => ({ value: String(c), label: MAPPA_CATEGORIES[c] }))} onChange={set('category')} error={err('category')} />
            <Radios id="level" legend="MAPPA level" hint="Level 1 cannot be used for Category 3" value={form.level} options={([1, 2, 3] as const).map((l) => ({ value: String(l), label: MAPPA_LEVELS[l] }))} onChange={set('level')} error={err('level')} />
          </>
        ) : null}
        <Radios id="risk" legend="Risk of serious harm" value={form.risk} inline options={(Object.keys(RISK_LEVELS) as RiskOfSeriousHarm[]).map((r) => ({ value: r, label: RISK_LEVELS[r] }))} onChange={set('risk')} error={err('risk')} />
        <Textarea id="exceptionalReason" label="Exceptional reason (if any)" hint="Needed for Level 2 or 3 when the risk of serious harm is not high or very high, for example exceptional media or public interest" value={form.exceptionalReason} onChange={set('exceptionalReason')} error={err('exceptionalReason')} rows={2} />
        <Select id="leadOfficeId" label="Lead agency" value={form.leadOfficeId} placeholder="Not set" options={offices.map((o) => ({ value: o.id, label: `${o.name}, ${o.area}` }))} onChange={set('leadOfficeId')} error={err('leadOfficeId')} />
        <TextInput id="nextReview" label="Next review" hint="Level 2 and 3 cases always have one: left empty, Level 3 is set 4 weeks ahead and Level 2 16 weeks" type="date" value={form.nextReview} onChange={set('nextReview')} error={err('nextReview')} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            {id ? 'Save changes' : 'Add subject'}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(id ? { name: 'subject', id } : { name: 'subjects' })}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
