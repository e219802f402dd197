import { useState, type FormEvent } from 'react';
import type { ActionView } from '../../../../shared/channels/meetings';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { ACTION_STATUSES, type ActionStatus } from '../../../../shared/meetingsVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { Checkbox, ErrorSummary, Select, SuccessBanner } from '../../components/forms';
import { AgencyTag, formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ActionLink, ActionStatusTag, OverdueTag, PageHeading } from './parts';
import { officeOptions } from './PersonFields';

// The actions list (issue 11): every action from the minutes of meetings the person signed
// for, across meetings, by owning agency and due date, the overdue highlighted; each status
// change is recorded with who made it and why.

const STATUS_OPTIONS = (Object.keys(ACTION_STATUSES) as ActionStatus[]).map((k) => ({ value: k, label: ACTION_STATUSES[k] }));

export function ActionsScreen() {
  const { navigate } = useSession();
  const [ownerOfficeId, setOwnerOfficeId] = useState('');
  const [openOnly, setOpenOnly] = useState(true);
  const offices = useLoad(() => api().offices.list({}), []);
  const loaded = useLoad(() => api().actions.list({ ownerOfficeId: ownerOfficeId === '' ? null : ownerOfficeId, openOnly }), [ownerOfficeId, openOnly]);
  const [banner, setBanner] = useState<string | null>(null);
  const errors = useErrors(offices.errors, loaded.errors);
  const actions = loaded.data;
  const groups: { agency: string; office: ActionView['owner']; actions: ActionView[] }[] = [];
  for (const a of actions ?? []) {
    let g = groups.find((x) => x.office.id === a.owner.id);
    if (!g) groups.push((g = { agency: a.owner.agency, office: a.owner, actions: [] }));
    g.actions.push(a);
  }
  const replace = (next: ActionView) => {
    loaded.setData((before) => (before ?? []).map((a) => (a.id === next.id ? next : a)));
    setBanner(`The action “${next.description}” is now ${ACTION_STATUSES[next.status].toLowerCase()}.`);
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={banner} />
      <PageHeading caption="Meetings">Actions</PageHeading>
      <p className="govuk-body">Every action agreed in the minutes of the meetings you signed for, by the agency that owns it and the date it is due.</p>
      <div className="app-filters">
        <Select id="ownerOfficeId" label="Owning agency" value={ownerOfficeId} placeholder="All agencies" options={officeOptions(offices.data ?? [])} onChange={setOwnerOfficeId} />
        <Checkbox id="openOnly" label="Open and in progress only" checked={openOnly} onChange={setOpenOnly} />
      </div>
      {actions === undefined ? null : actions.length === 0 ? (
        <p className="govuk-inset-text">No actions to show.</p>
      ) : (
        groups.map((g) => (
          <table className="govuk-table" key={g.office.id}>
            <caption className="govuk-table__caption govuk-table__caption--m">
              {g.office.name} <AgencyTag agency={g.office.agency} name={g.office.name} />
            </caption>
            <TableHead columns={['Action', 'Person', 'Due', 'Status', 'Change the status']} />
            <tbody className="govuk-table__body">
              {g.actions.map((a) => (
                <tr className={`govuk-table__row${a.overdue ? ' app-row--overdue' : ''}`} key={a.id}>
                  <td className="govuk-table__cell">
                    {a.description}
                    <span className="govuk-body-s app-block">Why: {a.rationale}</span>
                    <span className="govuk-body-s app-block">
                      From <ActionLink onClick={() => navigate({ name: 'meeting', id: a.meetingId })}>{a.meetingTitle}</ActionLink>
                    </span>
                    {a.history.length > 1 ? (
                      <details className="govuk-details govuk-!-margin-bottom-0 govuk-!-margin-top-1">
                        <summary className="govuk-details__summary">
                          <span className="govuk-details__summary-text">Status history</span>
                        </summary>
                        <div className="govuk-details__text">
                          <ul className="govuk-list govuk-body-s">
                            {a.history.map((h, i) => (
                              <li key={i}>
                                {ACTION_STATUSES[h.status]}, {formatLondonDateTime(h.at)}, by {h.by}
                                {h.note ? `: ${h.note}` : ''}
                              </li>
                            ))}
                          </ul>
                        </div>
                      </details>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{a.ownerPerson}</td>
                  <td className="govuk-table__cell">
                    {formatDate(a.dueOn)} {a.overdue ? <OverdueTag /> : null}
                  </td>
                  <td className="govuk-table__cell">
                    <ActionStatusTag status={a.status} />
                  </td>
                  <td className="govuk-table__cell">
                    <StatusChange action={a} onChange={replace} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      )}
    </>
  );
}

function StatusChange({ action, onChange }: { action: ActionView; onChange: (a: ActionView) => void }) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState('');
  const { errors, busy, submit } = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      onChange(await api().actions.setStatus({ actionId: action.id, status, note: note.trim() === '' ? null : note }));
      setNote('');
    });
  };
  return (
    <form onSubmit={save} noValidate className="app-status-change">
      {errors.length > 0 ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {errors.map((e) => e.message).join(' ')}
        </p>
      ) : null}
      <select className="govuk-select govuk-!-margin-bottom-1" aria-label={`New status of “${action.description}”`} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
        {STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <input className="govuk-input govuk-!-margin-bottom-1" type="text" aria-label={`Note on the change to “${action.description}”`} placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy}>
        Save<span className="govuk-visually-hidden"> the status of “{action.description}”</span>
      </button>
    </form>
  );
}
