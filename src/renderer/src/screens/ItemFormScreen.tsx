import type { FormEvent } from 'react';
import { systemClock, today } from '../../../shared/calendar';
import type { ItemView } from '../../../shared/registerSchemas';
import { CLASSIFICATIONS, FIELD_KINDS, RMP_HEADINGS, type Classification, type FieldKind, type RmpHeading } from '../../../shared/vocabulary';
import { api } from '../mappa';
import { useSession } from '../session';
import { Checkbox, ErrorSummary, errorFor, Radios, Select, Textarea, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';
import { useEdits } from './useEdits';
import { useErrors, useLoad } from './useLoad';

const KIND_OPTIONS = (Object.keys(FIELD_KINDS) as FieldKind[]).map((k) => ({ value: k, label: FIELD_KINDS[k].label }));
const HEADING_OPTIONS = (Object.keys(RMP_HEADINGS) as RmpHeading[]).map((h) => ({ value: h, label: RMP_HEADINGS[h] }));

interface Form {
  fieldKind: string;
  rmpHeading: string;
  value: string;
  ownerOfficeId: string;
  providerName: string;
  providerOfficeId: string;
  receivedOn: string;
  classification: string;
  /** null until the person decides: then it follows the owning office (see below). */
  noOnwardDisclosure: boolean | null;
  notToSubject: boolean;
  notToSubjectReason: string;
  changeReason: string;
}

const blank = (): Form => ({
  fieldKind: '',
  rmpHeading: '',
  value: '',
  ownerOfficeId: '',
  providerName: '',
  providerOfficeId: '',
  // Today in England and Wales: the service refuses a date received after its today.
  receivedOn: today(systemClock()),
  classification: 'OFFICIAL-SENSITIVE',
  noOnwardDisclosure: null,
  notToSubject: false,
  notToSubjectReason: '',
  changeReason: '',
});

/** The form as it starts for an item already in the register. */
const fromItem = (item: ItemView): Form => ({
  ...blank(),
  fieldKind: item.fieldKind,
  rmpHeading: item.rmpHeading ?? '',
  value: item.value,
  classification: item.classification,
  noOnwardDisclosure: item.noOnwardDisclosure,
  notToSubject: item.notToSubject,
  notToSubjectReason: item.notToSubjectReason ?? '',
});

/** Add information to a subject, or edit it (the earlier version is kept). */
export function ItemFormScreen({ subjectId, itemId }: { subjectId: string; itemId?: string }) {
  const { status, navigate, notify, reasonFor } = useSession();
  const loaded = useLoad(async () => {
    const [offices, subject] = await Promise.all([api().offices.list({}), api().subjects.get({ id: subjectId, reason: reasonFor(subjectId) })]);
    const item = itemId ? subject.itemGroups.flatMap((g) => g.items).find((i) => i.id === itemId) : undefined;
    return {
      offices,
      subjectName: `${subject.givenName} ${subject.familyName}`,
      form: item ? fromItem(item) : blank(),
      ownerLabel: item ? `${item.owner.name}; provided by ${item.providerName}` : '',
    };
  }, [subjectId, itemId, reasonFor]);
  const offices = loaded.data?.offices ?? [];
  const { form, set, change } = useEdits(loaded.data?.form ?? blank());
  const { fieldKind, rmpHeading, value, ownerOfficeId, providerName, providerOfficeId, receivedOn, classification, noOnwardDisclosure, notToSubject, notToSubjectReason, changeReason } = form;
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const err = (field: string) => errorFor(errors, field);

  // Leaflet: another agency's information is not passed on without its permission, so
  // the condition starts on for an item owned by any office but this register's own.
  const defaultNoOnward = ownerOfficeId !== '' && ownerOfficeId !== status.homeOffice?.id;
  const onward = noOnwardDisclosure ?? defaultNoOnward;
  const special = fieldKind !== '' ? FIELD_KINDS[fieldKind as FieldKind].special : null;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const common = {
        fieldKind: fieldKind as FieldKind,
        rmpHeading: fieldKind === 'rmp_entry' && rmpHeading !== '' ? (rmpHeading as RmpHeading) : null,
        value,
        classification: classification as Classification,
        notToSubject,
        notToSubjectReason: notToSubject && notToSubjectReason.trim() !== '' ? notToSubjectReason : null,
      };
      if (itemId) {
        await api().items.update({ ...common, itemId, noOnwardDisclosure: onward, changeReason: changeReason.trim() === '' ? null : changeReason });
        notify('The item was saved. Its earlier version is kept in its history.');
      } else {
        await api().items.add({ ...common, subjectId, ownerOfficeId, providerName, providerOfficeId, receivedOn, noOnwardDisclosure: onward });
        notify('The information was added.');
      }
      navigate({ name: 'subject', id: subjectId });
    });
  };

  const officeOptions = offices.map((o) => ({ value: o.id, label: `${o.name}, ${o.area}` }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{loaded.data?.subjectName ?? ''}</span>
      <h1 className="govuk-heading-xl">{itemId ? 'Edit information' : 'Add information'}</h1>
      <form onSubmit={save} noValidate>
        <Select id="fieldKind" label="Kind of information" value={fieldKind} placeholder="Choose the kind of information" options={KIND_OPTIONS} onChange={set('fieldKind')} error={err('fieldKind')} />
        {special ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              This is special category data ({special}). Sharing it will need its own justification.
            </strong>
          </div>
        ) : null}
        {fieldKind === 'rmp_entry' ? <Select id="rmpHeading" label="Risk management plan heading" value={rmpHeading} placeholder="Choose a heading" options={HEADING_OPTIONS} onChange={set('rmpHeading')} error={err('rmpHeading')} /> : null}
        <Textarea id="value" label="Information" value={value} onChange={set('value')} error={err('value')} rows={5} />
        {itemId ? (
          <p className="govuk-body">Owned by {loaded.data?.ownerLabel ?? ''}. The owner and provider of an item cannot change.</p>
        ) : (
          <>
            <Select id="ownerOfficeId" label="Owning agency office" hint="The agency that provided this information owns it" value={ownerOfficeId} placeholder="Choose the owning office" options={officeOptions} onChange={(v) => change({ ownerOfficeId: v, noOnwardDisclosure: null, ...(providerOfficeId === '' ? { providerOfficeId: v } : {}) })} error={err('ownerOfficeId')} />
            <TextInput id="providerName" label="Provided by (person)" value={providerName} onChange={set('providerName')} error={err('providerName')} />
            <Select id="providerOfficeId" label="Provider’s office" value={providerOfficeId} placeholder="Choose the provider’s office" options={officeOptions} onChange={set('providerOfficeId')} error={err('providerOfficeId')} />
            <TextInput id="receivedOn" label="Date received" type="date" value={receivedOn} onChange={set('receivedOn')} error={err('receivedOn')} />
          </>
        )}
        <Radios id="classification" legend="Classification" value={classification} inline options={CLASSIFICATIONS.map((c) => ({ value: c, label: c }))} onChange={set('classification')} error={err('classification')} />
        <h2 className="govuk-heading-m">Handling conditions</h2>
        <Checkbox id="noOnwardDisclosure" label="No onward disclosure without the owner’s permission" hint="On by default for information owned by another agency" checked={onward} onChange={set('noOnwardDisclosure')} />
        <Checkbox id="notToSubject" label="Not to be disclosed to the subject" checked={notToSubject} onChange={set('notToSubject')} />
        {notToSubject ? <Textarea id="notToSubjectReason" label="Why must it not be disclosed to the subject?" hint="For example, it would reveal a pending recall or put a victim at risk" value={notToSubjectReason} onChange={set('notToSubjectReason')} error={err('notToSubjectReason')} rows={2} /> : null}
        {itemId ? <Textarea id="changeReason" label="Reason for the change (optional)" value={changeReason} onChange={set('changeReason')} error={err('changeReason')} rows={2} /> : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            {itemId ? 'Save changes' : 'Add information'}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'subject', id: subjectId })}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
