import type { UserRow } from '../../../../shared/channels/access';
import type { OfficeView } from '../../../../shared/registerSchemas';
import { AGENCY_KINDS } from '../../../../shared/vocabulary';
import { errorFor, Select, TextInput } from '../../components/forms';
import type { FieldError } from '../../mappa';

// One person taking part in a meeting: their name as they write it, their agency office,
// their job title, and the register user they are, if they are one. Most attendees come
// from other agencies and are not users of this register.

export interface PersonDraft {
  fullName: string;
  officeId: string;
  jobTitle: string;
  userName: string;
}

export const NO_PERSON: PersonDraft = { fullName: '', officeId: '', jobTitle: '', userName: '' };

export const toPerson = (p: PersonDraft) => ({ fullName: p.fullName, officeId: p.officeId, jobTitle: p.jobTitle, userName: p.userName === '' ? null : p.userName });

export function officeOptions(offices: OfficeView[]) {
  return offices.map((o) => ({ value: o.id, label: `${o.name} (${AGENCY_KINDS[o.agency].label})` }));
}

export function PersonFields({
  prefix,
  legend,
  value,
  onChange,
  offices,
  users,
  errors,
}: {
  /** The service's field path for this person ('chair', 'coordinator'; '' for an attendee). */
  prefix: string;
  legend: string;
  value: PersonDraft;
  onChange: (next: PersonDraft) => void;
  offices: OfficeView[];
  users: UserRow[];
  errors: FieldError[];
}) {
  const id = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const set = (field: keyof PersonDraft) => (v: string) => {
    const next = { ...value, [field]: v };
    // Choosing a register user fills in what the register knows of them.
    if (field === 'userName' && v !== '') {
      const user = users.find((u) => u.userName === v);
      if (next.fullName === '') next.fullName = v;
      if (next.officeId === '' && user?.officeId) next.officeId = user.officeId;
    }
    onChange(next);
  };
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
      <Select
        id={id('userName')}
        label="Register user"
        hint="Only a register user can open the papers and minutes here, after signing. Most attendees are not users of this register."
        value={value.userName}
        placeholder="Not a user of this register"
        options={users.map((u) => ({ value: u.userName, label: u.officeName ? `${u.userName}, ${u.officeName}` : u.userName }))}
        onChange={set('userName')}
        error={errorFor(errors, id('userName'))}
      />
      <TextInput id={id('fullName')} label="Full name" hint="As they will type it when they sign." value={value.fullName} onChange={set('fullName')} error={errorFor(errors, id('fullName'))} width="govuk-input--width-30" />
      <Select id={id('officeId')} label="Agency office" value={value.officeId} placeholder="Choose the office" options={officeOptions(offices)} onChange={set('officeId')} error={errorFor(errors, id('officeId'))} />
      <TextInput id={id('jobTitle')} label="Job title" value={value.jobTitle} onChange={set('jobTitle')} error={errorFor(errors, id('jobTitle'))} width="govuk-input--width-30" />
    </fieldset>
  );
}
