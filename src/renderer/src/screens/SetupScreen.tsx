import { useState, type FormEvent } from 'react';
import type { RegisterStatus } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/permissions';
import { AGENCY_KINDS, AGENCY_GROUPS, type AgencyKindCode } from '../../../shared/vocabulary';
import { api } from '../mappa';
import type { Unlocked } from '../session';
import { ErrorSummary, errorFor, Radios, Select, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

export const AGENCY_OPTIONS = (Object.keys(AGENCY_KINDS) as AgencyKindCode[]).map((code) => ({
  value: code,
  label: `${AGENCY_KINDS[code].label} (${AGENCY_GROUPS[AGENCY_KINDS[code].group]})`,
}));
export const ROLE_OPTIONS = (Object.keys(ROLES) as Role[]).map((code) => ({ value: code, label: ROLES[code] }));

/** First use: which agency office the register belongs to, and the creator's own role. */
export function SetupScreen({ status, onDone }: { status: Unlocked; onDone: (status: RegisterStatus) => void }) {
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [area, setArea] = useState('');
  const [role, setRole] = useState<string>('coordinator');
  const { errors, busy, submit } = useSubmit();

  if (status.setupNeeded === 'profile') {
    return (
      <>
        <h1 className="govuk-heading-xl">Your role is not set yet</h1>
        <p className="govuk-body">An administrator of this register needs to set your office and role before you can use it. Lock the register and ask them.</p>
      </>
    );
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => onDone(await api().register.setup({ office: { name, agency: agency as AgencyKindCode, area }, role: role as Role })));
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Set up the register</h1>
      <p className="govuk-body">A register belongs to one local agency office. Every item in it records which agency owns it: MAPPA itself owns nothing.</p>
      <form onSubmit={save} noValidate>
        <TextInput id="office.name" label="Your office’s name" hint="For example, Wigan Probation Delivery Unit" value={name} onChange={setName} error={errorFor(errors, 'office.name')} width="govuk-input--width-30" />
        <Select id="office.agency" label="Kind of agency" value={agency} placeholder="Choose the kind of agency" options={AGENCY_OPTIONS} onChange={setAgency} error={errorFor(errors, 'office.agency')} />
        <TextInput id="office.area" label="Area" hint="The MAPPA area, for example Greater Manchester" value={area} onChange={setArea} error={errorFor(errors, 'office.area')} />
        <Radios id="role" legend="Your role" value={role} options={ROLE_OPTIONS} onChange={setRole} error={errorFor(errors, 'role')} />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save and continue
        </button>
      </form>
    </>
  );
}
