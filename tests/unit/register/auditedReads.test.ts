// Issue 9, attack 5 (first half): subjects.search (by name and by item text),
// subjects.reviewsDue, items.history and retention.due showed a subject's data and left no
// audit entry. Each read is now an act: the query and which subjects came back are recorded.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { verifyAuditChain } from '../../../src/main/audit';
import { anItem, aSubject, aTeam, OTHER, PARTNER, type Team } from '../access/insiders';

let team: Team | undefined;
afterEach(() => team?.api.session.lock());

async function aRegisterWithCases() {
  team = await aTeam();
  const { api, offices } = team;
  const partner = (await api.service['subjects.create'](PARTNER)).id;
  const other = (await api.service['subjects.create'](OTHER)).id;
  const item = await api.service['items.add'](anItem(other, offices.probation, { value: 'Drives a blue transit van to the depot on Sundays.' }));
  return { ...team, partner, other, item: item.id };
}

describe('reads are acts', () => {
  it('records a search by name: the person’s words, how they matched, and the ids of the subjects shown', async () => {
    const { api, as, since, entries, other } = await aRegisterWithCases();
    await as('jordan');
    const mark = entries().length;
    const reply = await dispatch(api.service, 'subjects.search', { query: 'Hartley' });
    expect(reply).toMatchObject({ ok: true, value: { total: 1, matchedBy: 'words' } });
    const [entry, ...more] = since(mark);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'subject_search', actor: { userName: 'PC Jordan Reid' }, subjectId: null });
    expect(entry!.details).toEqual({ query: 'Hartley', matchedBy: 'words', itemText: true, offset: 0, total: 1, returned: 1, part: 1, parts: 1, subjectIds: [other] });
  });

  it('records a search by item text the same way: the words are the person’s, the ids are who came back', async () => {
    const { api, as, since, entries, other } = await aRegisterWithCases();
    await as('pat');
    const mark = entries().length;
    const reply = await dispatch(api.service, 'subjects.search', { query: 'transit van', includeItemText: true, category: 2 });
    expect(reply).toMatchObject({ ok: true, value: { total: 1 } });
    expect(since(mark).map((e) => [e.action, e.details.query, e.details.category, e.details.subjectIds])).toEqual([['subject_search', 'transit van', 2, [other]]]);
  });

  it('records an empty search too, and a search the IG lead can find by subject afterwards', async () => {
    const { api, as, since, entries, other } = await aRegisterWithCases();
    await as('jordan');
    const mark = entries().length;
    await search(api, { query: 'nobody by this name' });
    expect(since(mark).map((e) => [e.action, e.details.returned, e.details.subjectIds])).toEqual([['subject_search', 0, []]]);
    await search(api, { query: 'Hartley' });
    await as('indra');
    const about = await dispatch(api.service, 'audit.query', { subjectId: other, actions: ['subject_search'] });
    if (!about.ok) throw new Error(about.error.message);
    expect((about.value as { entries: { userName: string; details: Record<string, unknown> }[] }).entries.map((e) => [e.userName, e.details.query])).toEqual([['PC Jordan Reid', 'Hartley']]);
  });

  it('pages of a long search write entries in proportion to what was shown, each within the details limit, no id left out', async () => {
    const { api, as, since, entries } = await aRegisterWithCases();
    for (let n = 0; n < 230; n += 1) await api.service['subjects.create'](aSubject({ givenName: `Sam${n}`, familyName: 'Ashworth', dateOfBirth: null }));
    await as('pat');
    let mark = entries().length;
    const first = await search(api, { query: 'Ashworth', limit: 200, offset: 0 });
    const page1 = since(mark);
    // 200 ids of 36 characters do not fit one entry's 2,000 characters of details: 5 entries, the query in the first.
    expect(page1.map((e) => [e.action, e.details.part, e.details.parts])).toEqual([1, 2, 3, 4, 5].map((p) => ['subject_search', p, 5]));
    expect(page1[0]!.details).toMatchObject({ query: 'Ashworth', offset: 0, total: 230, returned: 200 });
    expect(page1.slice(1).every((e) => e.details.query === undefined)).toBe(true);
    expect(page1.flatMap((e) => e.details.subjectIds as string[])).toEqual(first.subjects.map((s) => s.id));
    for (const e of page1) expect(JSON.stringify(e.details).length).toBeLessThanOrEqual(2000);
    // Scrolling on: the next page's 30 subjects, one entry.
    mark = entries().length;
    const second = await search(api, { query: 'Ashworth', limit: 200, offset: 200 });
    expect(since(mark).map((e) => [e.details.offset, e.details.returned, e.details.subjectIds])).toEqual([[200, 30, second.subjects.map((s) => s.id)]]);
    expect(verifyAuditChain(api.session.vault().reader)).toMatchObject({ ok: true });
  });

  it('records the reviews-due list with the subjects it showed', async () => {
    const { api, as, since, entries, partner, other } = await aRegisterWithCases();
    await as('pat');
    const mark = entries().length;
    const due = await api.service['subjects.reviewsDue']({});
    expect(due.map((s) => s.id).sort()).toEqual([partner, other].sort());
    const [entry] = since(mark);
    expect(entry).toMatchObject({ action: 'subject_list', details: { list: 'reviews_due', returned: 2 } });
    expect((entry!.details.subjectIds as string[]).sort()).toEqual([partner, other].sort());
  });

  it('records reading an item’s earlier versions, with the subject and the item', async () => {
    const { api, as, since, entries, other, item } = await aRegisterWithCases();
    await api.service['items.update']({ itemId: item, fieldKind: 'risk_factor', rmpHeading: null, value: 'Drives a red van now.', classification: 'OFFICIAL-SENSITIVE', noOnwardDisclosure: false, notToSubject: false, notToSubjectReason: null, changeReason: 'New vehicle' });
    await as('pat');
    const mark = entries().length;
    const history = await api.service['items.history']({ id: item });
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(since(mark).map((e) => [e.action, e.subjectId, e.itemIds, e.details])).toEqual([['item_history', other, [item], { versions: 2 }]]);
  });

  it('records the retention list an IG lead reads, which shows only the items their own agency decides on', async () => {
    const { api, as, since, entries, offices, other } = await aRegisterWithCases();
    await api.service['items.add'](anItem(other, offices.police, { receivedOn: '2012-01-01', value: 'Old police intelligence.' }));
    await api.service['items.add'](anItem(other, offices.probation, { receivedOn: '2012-01-01', value: 'Old probation note.' }));
    await as('indra');
    await api.service['retention.setRule']({ agency: 'probation', retainMonths: 24, reviewMonths: 12 });
    await api.service['retention.setRule']({ agency: 'police', retainMonths: 24, reviewMonths: 12 });
    const mark = entries().length;
    const due = await api.service['retention.due']({});
    expect(due.map((d) => d.owner.agency)).toEqual(['probation']);
    expect(since(mark).map((e) => [e.action, e.details.list, e.details.subjectIds])).toEqual([['subject_list', 'retention_due', [other]]]);
  });

  it('refuses a read to a role without it, and writes nothing', async () => {
    const { api, as, entries } = await aRegisterWithCases();
    await as('jordan');
    const mark = entries().length;
    expect(await dispatch(api.service, 'retention.due', {})).toEqual({ ok: false, error: { code: 'not_allowed', message: 'Only an information governance lead can make retention decisions.' } });
    expect(entries().length).toBe(mark);
  });
});

/** A search through the channel, as the renderer or an attacker calls it (defaults filled in by the contract). */
async function search(api: Team['api'], input: Record<string, unknown>) {
  const reply = await dispatch(api.service, 'subjects.search', input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as { subjects: { id: string }[]; total: number };
}
