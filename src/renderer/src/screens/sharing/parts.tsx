import { useEffect, useRef, type ReactNode } from 'react';
import type { ShareStatus, ShareSummary } from '../../../../shared/channels/sharing';
import { SHARE_PURPOSES, type SharePurpose } from '../../../../shared/sharingVocabulary';
import { AGENCY_KINDS, type AgencyKindCode } from '../../../../shared/vocabulary';
import { Tag } from '../../components/tags';
import type { FieldError } from '../../mappa';

// Small pieces the sharing screens have in common: the status of a share, its purpose in
// words, a fingerprint set out to be read aloud, and a page heading that takes focus.

const STATUS: Record<ShareStatus, { label: string; colour: 'grey' | 'green' | 'red' | 'orange' | 'blue' }> = {
  draft: { label: 'Draft', colour: 'blue' },
  confirmed: { label: 'Shared', colour: 'green' },
  withdrawn: { label: 'Withdrawn', colour: 'red' },
  declined: { label: 'Not shared', colour: 'orange' },
  discarded: { label: 'Discarded', colour: 'grey' },
};

/** A set with one key put in or taken out: what a ticked or cleared checkbox does to the choices. */
export function toggled<T>(before: ReadonlySet<T>, key: T, on: boolean): Set<T> {
  const next = new Set(before);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

export function ShareStatusTag({ status }: { status: ShareStatus }) {
  return <Tag colour={STATUS[status].colour}>{STATUS[status].label}</Tag>;
}

export function purposeText(share: { purpose: SharePurpose | null; purposeOther: string | null }): string {
  if (share.purpose === null) return 'Not chosen yet';
  return share.purpose === 'other' && share.purposeOther ? share.purposeOther : SHARE_PURPOSES[share.purpose];
}

/** "Wigan Public Protection Unit and North West Mental Health Trust" */
export function namesList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function recipientsText(share: ShareSummary): string {
  if (share.status === 'declined') return `Asked for by ${share.requestedBy ?? 'someone not recorded'}`;
  return share.recipients.length === 0 ? 'Not chosen yet' : namesList(share.recipients.map((o) => o.name));
}

/** An agency's name for a code a partner's file carries (it may be one this version does not know). */
export function agencyLabel(code: string): string {
  return code in AGENCY_KINDS ? AGENCY_KINDS[code as AgencyKindCode].label : code;
}

/**
 * A key's fingerprint, set out in its groups of four in large monospace, so one person can
 * read it aloud and another compare it group by group.
 */
export function Fingerprint({ value, size = 'large', id }: { value: string; size?: 'large' | 'small'; id?: string }) {
  const groups = value.split(' ');
  return (
    <p className={`app-fingerprint app-fingerprint--${size}`} id={id}>
      {groups.map((group, index) => (
        <span className="app-fingerprint__group" key={index}>
          {group}
          {index < groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </p>
  );
}

/**
 * The page's heading, focused when the page appears: the wizard's pages change without a
 * page load, so a keyboard or screen reader user starts at the top of the new one.
 */
export function PageHeading({ caption, children }: { caption?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <>
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-xl app-page-heading" ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

/** A GOV.UK confirmation panel whose title takes focus when it appears, like a page heading. */
export function ConfirmationPanel({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title app-page-heading" ref={ref} tabIndex={-1}>
        {title}
      </h1>
      <div className="govuk-panel__body">{children}</div>
    </div>
  );
}

export function BackLink({ children, onClick }: { children: string; onClick: () => void }) {
  return (
    <a
      href="#back"
      className="govuk-back-link"
      onClick={(event) => {
        event.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}

/** A link that acts inside the app (GOV.UK link style; Enter follows it like any link). */
export function ActionLink({ children, onClick, className = 'govuk-link', describedBy }: { children: ReactNode; onClick: () => void; className?: string; describedBy?: string }) {
  return (
    <a
      href="#go"
      className={className}
      aria-describedby={describedBy}
      onClick={(event) => {
        event.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/**
 * The service's field names made one form's own ('reason' -> 'decline-reason'), for a page
 * that holds more than one form with the same fields: each error still links to its box.
 */
export function prefixErrors(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => (e.field ? { ...e, field: `${prefix}-${e.field}` } : e));
}
