import { useState, type FormEvent } from 'react';
import { AGENCY_GROUPS, AGENCY_KINDS, type AgencyKindCode } from '../../../shared/vocabulary';
import { api } from '../mappa';
import { useSession } from '../session';
import { ErrorSummary, errorFor, Select, SuccessBanner, TextInput } from '../components/forms';
import { Tag } from '../components/tags';
import { AGENCY_OPTIONS } from './SetupScreen';
import { useSubmit } from './useSubmit';
import { TableHead } from '../components/TableHead';
import { useErrors, useLoad } from './useLoad';

/**
 * The agency offices this register knows. Every item names the office that owns it
 * (leaflet: MAPPA owns no information), so partner offices are added here first.
 */
export function OfficesScreen() {
  const { can } = useSession();
  const loaded = useLoad(() => api().offices.list({}), []);
  const offices = loaded.data ?? [];
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [area, setArea] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);

  const add = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(async () => {
      loaded.setData(await api().offices.add({ name, agency: agency as AgencyKindCode, area }));
      setNotice(`${name.trim()} has been added.`);
      setName('');
      setAgency('');
      setArea('');
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h1 className="govuk-heading-xl">Agency offices</h1>
      <p className="govuk-body">Every item in the register names the agency office that owns it: MAPPA itself owns no information. Add each partner agency’s local office before recording what it shares.</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Offices in this register</caption>
        <TableHead columns={['Office', 'Kind of agency', 'Area']} />
        <tbody className="govuk-table__body">
          {offices.map((office) => (
            <tr className="govuk-table__row" key={office.id}>
              <td className="govuk-table__cell">
                {office.name} {office.isHome ? <Tag colour="purple">This register</Tag> : null}
              </td>
              <td className="govuk-table__cell">
                {AGENCY_KINDS[office.agency].label}
                <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{AGENCY_GROUPS[AGENCY_KINDS[office.agency].group]}</span>
              </td>
              <td className="govuk-table__cell">{office.area}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('office.manage') ? (
        <>
          <h2 className="govuk-heading-m">Add a partner agency office</h2>
          <form onSubmit={add} noValidate>
            <TextInput id="name" label="Office name" hint="For example, Wigan and Leigh Police Public Protection Unit" value={name} onChange={setName} error={errorFor(errors, 'name')} width="govuk-input--width-30" />
            <Select id="agency" label="Kind of agency" value={agency} placeholder="Choose the kind of agency" options={AGENCY_OPTIONS} onChange={setAgency} error={errorFor(errors, 'agency')} />
            <TextInput id="area" label="Area" hint="The MAPPA area, for example Greater Manchester" value={area} onChange={setArea} error={errorFor(errors, 'area')} />
            <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
              Add office
            </button>
          </form>
        </>
      ) : (
        <p className="govuk-inset-text">Only a MAPPA coordinator or an administrator can add agency offices.</p>
      )}
    </>
  );
}
