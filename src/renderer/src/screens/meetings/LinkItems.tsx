import type { LinkableItem } from '../../../../shared/channels/meetings';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { useLoad } from '../useLoad';

// The person's register items the information shared can refer to, chosen from a list
// (kind, owning agency, date, first words) rather than typed as ids. The service lists them
// only to a signed attendee, behind the association block, as an audited read with the
// reason given for this person.

const describe = (i: LinkableItem) => `${i.fieldLabel}, ${i.owner.name}, ${formatDate(i.receivedOn)}: “${i.firstWords}”`;

export function LinkItems({ meetingId, subjectId, chosen, onChange }: { meetingId: string; subjectId: string; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { reasonFor } = useSession();
  const loaded = useLoad(() => api().minutes.linkableItems({ meetingId, subjectId, reason: reasonFor(subjectId) }), [meetingId, subjectId, reasonFor]);
  const items = loaded.data ?? [];
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="informationItemIds-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Register items the information shared refers to</legend>
        <div className="govuk-hint" id="informationItemIds-hint">
          Each stays owned by its agency, in the minutes and in every copy.
        </div>
        <ErrorSummary errors={loaded.errors} />
        {!loaded.loading && items.length === 0 && loaded.errors.length === 0 ? <p className="govuk-body">This person has no items in the register.</p> : null}
        <div className="govuk-checkboxes govuk-checkboxes--small" id="informationItemIds">
          {items.map((i) => (
            <div className="govuk-checkboxes__item" key={i.itemId}>
              <input className="govuk-checkboxes__input" id={`item-${i.itemId}`} type="checkbox" checked={chosen.includes(i.itemId)} onChange={(e) => toggle(i.itemId, e.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`item-${i.itemId}`}>
                {describe(i)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
