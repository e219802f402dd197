import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SubjectSummary } from '../../../shared/registerSchemas';
import { AGENCY_KINDS, type AgencyKindCode } from '../../../shared/vocabulary';
import { api, toFieldErrors, type FieldError } from '../mappa';
import { useSession } from '../session';
import { Checkbox, ErrorSummary, Select, TextInput } from '../components/forms';
import { CategoryTag, formatDate, LevelTag, RiskTag, Tag } from '../components/tags';

const ROW_HEIGHT = 76;
/** Results come a page at a time; the next page is asked for as the list nears its end. */
const PAGE = 200;

const MATCHED_BY: Record<string, string> = {
  everything: '',
  date_of_birth: 'born on that date',
  reference: 'with that reference',
  words: 'matching your words',
};

export function SubjectsScreen() {
  const { can, navigate } = useSession();
  const [query, setQuery] = useState('');
  const [includeItemText, setIncludeItemText] = useState(true);
  const [ownerAgency, setOwnerAgency] = useState('');
  const [category, setCategory] = useState('');
  const [level, setLevel] = useState('');
  const [kind, setKind] = useState('');
  const [reviewDue, setReviewDue] = useState(false);
  const [result, setResult] = useState<{ subjects: SubjectSummary[]; total: number; matchedBy: string } | null>(null);
  const loadingMore = useRef(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const latest = useRef(0);
  const first = useRef(true);

  const criteria = () => ({
    query,
    includeItemText,
    ownerAgency: ownerAgency === '' ? null : (ownerAgency as AgencyKindCode),
    category: category === '' ? null : (Number(category) as 1 | 2 | 3 | 4),
    level: level === '' ? null : (Number(level) as 1 | 2 | 3),
    kind: kind === '' ? null : (kind as 'nominal' | 'pdp'),
    reviewDue,
  });

  useEffect(() => {
    // Search as the person types, a moment after they pause; only the newest answer counts.
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api()
        .subjects.search({ ...criteria(), offset: 0, limit: PAGE })
        .then((found) => {
          if (ticket !== latest.current) return;
          setErrors([]);
          setResult(found);
        })
        .catch((error: unknown) => {
          if (ticket === latest.current) setErrors(toFieldErrors(error));
        });
    }, first.current ? 0 : 150);
    first.current = false;
    return () => clearTimeout(timer);
    // criteria() is built from exactly these inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, includeItemText, ownerAgency, category, level, kind, reviewDue]);

  const subjects = result?.subjects ?? [];
  const total = result?.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const lastVisible = virtualizer.getVirtualItems().at(-1)?.index ?? 0;

  useEffect(() => {
    // The person scrolled near the end of what has arrived: fetch the next page.
    if (!result || loadingMore.current || subjects.length >= total || lastVisible < subjects.length - 20) return;
    loadingMore.current = true;
    const ticket = latest.current;
    api()
      .subjects.search({ ...criteria(), offset: subjects.length, limit: PAGE })
      .then((more) => {
        if (ticket === latest.current) setResult((r) => (r ? { ...r, total: more.total, subjects: [...r.subjects, ...more.subjects] } : r));
      })
      .catch((error: unknown) => setErrors(toFieldErrors(error)))
      .finally(() => {
        loadingMore.current = false;
      });
    // criteria() reads the same inputs the first page was asked with; a new search resets `result`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastVisible, subjects.length, total, result]);

  return (
    <>
      <ErrorSummary errors={errors} />
      <div className="app-heading-row">
        <h1 className="govuk-heading-xl">Subjects</h1>
        {can('subject.create') ? (
          <button type="button" className="govuk-button" onClick={() => navigate({ name: 'subjectForm' })}>
            Add a subject
          </button>
        ) : null}
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form role="search" aria-label="Find subjects" onSubmit={(e) => e.preventDefault()}>
            <TextInput id="query" type="search" label="Search" hint="Name, alias, date of birth (24/11/1990), PNC, CRN or ViSOR reference, or words in an item" value={query} onChange={setQuery} width="govuk-!-width-full" />
            <Checkbox id="includeItemText" label="Also search the text of items" checked={includeItemText} onChange={setIncludeItemText} />
            <Select id="ownerAgency" label="Has information owned by" value={ownerAgency} placeholder="Any agency" options={(Object.keys(AGENCY_KINDS) as AgencyKindCode[]).map((a) => ({ value: a, label: AGENCY_KINDS[a].label }))} onChange={setOwnerAgency} />
            <Select id="category" label="MAPPA category" value={category} placeholder="Any category" options={[1, 2, 3, 4].map((c) => ({ value: String(c), label: `Category ${c}` }))} onChange={setCategory} />
            <Select id="level" label="MAPPA level" value={level} placeholder="Any level" options={[1, 2, 3].map((l) => ({ value: String(l), label: `Level ${l}` }))} onChange={setLevel} />
            <Select id="kind" label="Kind" value={kind} placeholder="Nominals and PDPs" options={[{ value: 'nominal', label: 'MAPPA nominals' }, { value: 'pdp', label: 'Potentially Dangerous Persons' }]} onChange={setKind} />
            <Checkbox id="reviewDue" label="Review due within 7 days" checked={reviewDue} onChange={setReviewDue} />
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status" aria-live="polite">
            {result === null
              ? 'Searching…'
              : `${result.total.toLocaleString('en-GB')} ${result.total === 1 ? 'subject' : 'subjects'} ${MATCHED_BY[result.matchedBy] ?? ''}`.trim()}
          </p>
          <div ref={listRef} className="app-virtual-list" tabIndex={-1}>
            <ul className="app-virtual-list__inner" aria-label="Subjects found" style={{ height: `${virtualizer.getTotalSize()}px` }}>
              {virtualizer.getVirtualItems().map((row) => {
                const s = subjects[row.index];
                if (!s) {
                  return (
                    <li key={`loading-${row.index}`} className="app-subject-row" aria-setsize={total} aria-posinset={row.index + 1} style={{ height: `${row.size}px`, transform: `translateY(${row.start}px)` }}>
                      <span className="govuk-body-s">Loading…</span>
                    </li>
                  );
                }
                return (
                  <li key={s.id} className="app-subject-row" aria-setsize={total} aria-posinset={row.index + 1} style={{ height: `${row.size}px`, transform: `translateY(${row.start}px)` }}>
                    <a
                      href={`#subject-${s.id}`}
                      className="govuk-link govuk-!-font-weight-bold"
                      onClick={(event) => {
                        event.preventDefault();
                        navigate({ name: 'subject', id: s.id, whose: `${s.givenName} ${s.familyName}${s.dateOfBirth ? `, born ${formatDate(s.dateOfBirth)}` : ''}` });
                      }}
                    >
                      {s.familyName.toUpperCase()}, {s.givenName}
                    </a>
                    <span className="govuk-body-s app-subject-row__meta">
                      {s.dateOfBirth ? ` born ${formatDate(s.dateOfBirth)}` : ' date of birth not known'}
                      {s.aliases.length > 0 ? `; also known as ${s.aliases.join(', ')}` : ''}
                    </span>
                    <div>
                      {s.kind === 'pdp' ? <Tag colour="orange">Potentially Dangerous Person</Tag> : null}
                      <CategoryTag category={s.category} />
                      <LevelTag level={s.level} />
                      <RiskTag risk={s.risk} />
                      {s.under18 ? <Tag colour="red">Under 18</Tag> : null}
                      {s.reviewDue ? <Tag colour="yellow">{`Review due ${formatDate(s.nextReview)}`}</Tag> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
      </div>
    </>
  );
}
