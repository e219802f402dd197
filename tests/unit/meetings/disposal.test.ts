// Where meetings keep a subject's data, and what disposal does with it (src/main/db/
// personalData.ts): the minutes, papers and actions about a person go with them; the
// record that a meeting discussed them, who attended and signed, the chair's permissions
// and the distribution log stay. Disposing of one item the minutes refer to takes the link
// out of the minutes and keeps them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/main/access/context';
import { disposeOfSubjectData } from '../../../src/main/db/personalData';
import { decideRetention, setRetentionRule } from '../../../src/main/register/retention';
import { deleteSubject } from '../../../src/main/register/subjects';
import { anItem } from '../../support/registerBuilders';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

const ctxOf = (t: MeetingTeam): Ctx => ({
  actor: { userId: 'test', userName: 'Indra Governance', role: 'ig_lead', officeId: t.offices.probation, agency: 'probation', registerAdministrator: false },
  now: t.clock(),
});

async function aPersonMinuted() {
  team = await aMeetingTeam();
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t);
  const item = await s['items.add'](anItem(hollis, t.offices.police, { value: 'Seen at the Brumwhistle Arms on 20 November.' }));
  let meeting = await aLevel2Meeting(t, [hollis]);
  for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
  const where = { meetingId: meeting.id, subjectId: hollis };
  await s['papers.add']({ ...where, attendeeId: attendeeOf(meeting, 'Casey Coordinator').id, title: 'Report to panel: Qvantrelle', report: { involvement: 'Jxumbrecht supervision.', currentSituation: null, riskFactors: null, protectiveFactors: null, victims: null, recommendations: null }, itemIds: [item.id], classification: 'OFFICIAL-SENSITIVE' });
  await s['minutes.save']({ ...where, ...completeMinutes(t, { informationItemIds: [item.id], riskAssessment: 'Vlorinsk pattern of harassment.' }) });
  await s['minutes.save']({ ...where, ...completeMinutes(t, { informationItemIds: [item.id], riskAssessment: 'Vlorinsk and Nebulwick pattern of harassment.' }) });
  await s['minutes.send'](where);
  await s['copies.permit']({ ...where, recipientName: 'Siân Llŷr', recipientOfficeId: null, recipientRole: null, reason: 'Child protection plan.', grantedOn: '2026-12-01', grantedHow: 'By secure email' });
  return { t, s, hollis, item: item.id, meeting, where };
}

const count = (t: MeetingTeam, table: string) => t.api.session.vault().reader.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n;

describe('disposal of a person’s meeting records', () => {
  it('unlinks a disposed item from the minutes and papers that refer to it, and keeps them', async () => {
    const { t, item } = await aPersonMinuted();
    const vault = t.api.session.vault();
    vault.commit((w) => {
      setRetentionRule(w, ctxOf(t), { agency: 'police', retainMonths: 12, reviewMonths: 6 });
      decideRetention(w, ctxOf(t), { itemId: item, decision: 'dispose', reason: 'Past the retention period.' });
    });
    const r = vault.reader;
    expect(r.get('SELECT information_item_ids AS ids FROM minutes')).toEqual({ ids: '[]' });
    expect(r.get('SELECT item_ids AS ids FROM meeting_papers')).toEqual({ ids: '[]' });
    expect(count(t, 'minutes_history')).toBe(4);
  });

  it('removes the minutes, their history, the papers and the actions with the person; keeps who met, signed and was permitted a copy', async () => {
    const { t, hollis } = await aPersonMinuted();
    const vault = t.api.session.vault();
    const kept = { meeting_subjects: count(t, 'meeting_subjects'), attendee_subjects: count(t, 'attendee_subjects'), undertaking_signatures: count(t, 'undertaking_signatures'), copy_permissions: count(t, 'copy_permissions') };
    vault.commit((w) => {
      deleteSubject(w, ctxOf(t), hollis, 'No longer managed under MAPPA; past retention.');
      disposeOfSubjectData(w, hollis);
    });
    for (const table of ['minutes', 'minutes_history', 'meeting_papers', 'meeting_actions', 'action_history']) expect(count(t, table), table).toBe(0);
    expect({ meeting_subjects: count(t, 'meeting_subjects'), attendee_subjects: count(t, 'attendee_subjects'), undertaking_signatures: count(t, 'undertaking_signatures'), copy_permissions: count(t, 'copy_permissions') }).toEqual(kept);
    const dump = JSON.stringify(vault.reader.all("SELECT name FROM sqlite_master WHERE type = 'table'").map((x) => vault.reader.all(`SELECT * FROM "${String(x.name)}"`)));
    for (const word of ['Vlorinsk', 'Nebulwick', 'Qvantrelle', 'Jxumbrecht']) expect(dump.includes(word), word).toBe(false);
  });
});
