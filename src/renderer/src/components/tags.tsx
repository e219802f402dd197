import { formatLondonDate } from '../../../shared/calendar';
import { AGENCY_KINDS, MAPPA_LEVELS, RISK_LEVELS, type AgencyKindCode, type RiskOfSeriousHarm } from '../../../shared/vocabulary';

// GOV.UK tags for what a coordinator scans a list for: category, level, risk, owner.

const RISK_COLOURS: Record<RiskOfSeriousHarm, string> = {
  low: 'govuk-tag--green',
  medium: 'govuk-tag--yellow',
  high: 'govuk-tag--orange',
  very_high: 'govuk-tag--red',
};

export function CategoryTag({ category }: { category: number | null }) {
  return category === null ? null : <strong className="govuk-tag govuk-tag--blue app-tag">Category {category}</strong>;
}

export function LevelTag({ level }: { level: number | null }) {
  if (level === null) return null;
  return (
    <strong className={`govuk-tag app-tag ${level === 3 ? 'govuk-tag--purple' : level === 2 ? 'govuk-tag--pink' : 'govuk-tag--grey'}`} title={MAPPA_LEVELS[level as 1 | 2 | 3]}>
      Level {level}
    </strong>
  );
}

export function RiskTag({ risk }: { risk: RiskOfSeriousHarm | null }) {
  return risk === null ? null : <strong className={`govuk-tag app-tag ${RISK_COLOURS[risk]}`}>{RISK_LEVELS[risk]} risk</strong>;
}

export function AgencyTag({ agency, name }: { agency: AgencyKindCode; name?: string }) {
  return (
    <strong className="govuk-tag govuk-tag--turquoise app-tag" title={name}>
      {AGENCY_KINDS[agency].label}
    </strong>
  );
}

export function Tag({ children, colour = 'grey' }: { children: string; colour?: 'grey' | 'red' | 'orange' | 'yellow' | 'purple' | 'blue' | 'pink' | 'green' | 'turquoise' }) {
  return <strong className={`govuk-tag govuk-tag--${colour} app-tag`}>{children}</strong>;
}

/** 2026-11-24 -> 24 November 2026; a timestamp shows its London day (23:30 UTC on 5 June -> 6 June 2026). */
export function formatDate(iso: string | null): string {
  return formatLondonDate(iso);
}
