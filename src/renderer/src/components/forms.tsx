import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { FieldError } from '../mappa';

// GOV.UK form patterns: an error summary at the top that takes focus and links to each
// field, and each field's own message beside it.

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // A page can hold two (the screen's, and a decision form's under a table).
  const titleId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="govuk-error-summary__title" id={titleId}>
        There is a problem
      </h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((error, index) =>
            error.field ? (
              <li key={`${error.field}-${index}`}>
                <a
                  href={`#${error.field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(error.field!)?.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ) : (
              <li key={`general-${index}`}>{error.message}</li>
            ),
          )}
        </ul>
      </div>
    </div>
  );
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  type?: 'text' | 'password' | 'date' | 'number' | 'search';
  autoComplete?: string;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-30' | 'govuk-!-width-two-thirds' | 'govuk-!-width-full';
  /** The field the person types in first on this page (the passphrase on the unlock screen): the cursor starts there. */
  startHere?: boolean;
}

export function TextInput({ id, label, value, onChange, hint, error, type = 'text', autoComplete = 'off', width = 'govuk-input--width-20', startHere = false }: TextInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (startHere) ref.current?.focus();
  }, [startHere]);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        ref={ref}
        className={`govuk-input ${width}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        spellCheck={false}
        autoComplete={autoComplete}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

export function Checkbox({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={id} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-hint`}>
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** A chosen file or folder, shown as text, with the button that opens the OS dialog. */
export function PathPicker({ id, label, value, buttonLabel, onChoose, error, hint }: { id: string; label: string; value: string | null; buttonLabel: string; onChoose: () => void; error?: string | undefined; hint?: string }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <span className="govuk-label govuk-label--s" id={`${id}-label`}>
        {label}
      </span>
      <HintAndError id={id} hint={hint} error={error} />
      <p className="govuk-body app-path" id={`${id}-value`} aria-live="polite">
        {value ?? 'Nothing chosen yet'}
      </p>
      <button type="button" id={id} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-describedby={`${id}-label ${id}-value${error ? ` ${id}-error` : ''}`} onClick={onChoose}>
        {buttonLabel}
      </button>
    </div>
  );
}

export function ProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="app-progress govuk-!-margin-bottom-6">
      <p className="govuk-body" id="progress-label">
        {label}: {percent}%
      </p>
      <div className="app-progress__track" role="progressbar" aria-labelledby="progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="app-progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface Option {
  value: string;
  label: string;
  /** Shown under a radio's label (radios only). */
  hint?: string;
}

export function Select({ id, label, value, options, onChange, hint, error, placeholder }: { id: string; label: string; value: string; options: Option[]; onChange: (value: string) => void; hint?: ReactNode; error?: string | undefined; placeholder?: string }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} name={id} value={value} aria-describedby={describedBy(id, hint, error)} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Textarea({ id, label, value, onChange, hint, error, rows = 4 }: { id: string; label: string; value: string; onChange: (value: string) => void; hint?: ReactNode; error?: string | undefined; rows?: number }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={id} name={id} rows={rows} value={value} spellCheck={false} aria-describedby={describedBy(id, hint, error)} onChange={(e) => onChange(e.target.value)} />
    </FieldShell>
  );
}

export function Radios({ id, legend, value, options, onChange, hint, error, inline = false }: { id: string; legend: string; value: string; options: Option[]; onChange: (value: string) => void; hint?: string; error?: string | undefined; inline?: boolean }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`govuk-radios govuk-radios--small${inline ? ' govuk-radios--inline' : ''}`}>
          {options.map((o, index) => {
            const inputId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input
                  className="govuk-radios__input"
                  id={inputId}
                  name={id}
                  type="radio"
                  value={o.value}
                  checked={value === o.value}
                  aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                  onChange={() => onChange(o.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div className="govuk-hint govuk-radios__hint" id={`${inputId}-item-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * The result of what the person just did. The banner is put into a live region that is
 * always on the page, so a screen reader says it even when focus has gone elsewhere (back
 * to the row the person decided on, say): a live region added with its text is often not read.
 */
export function SuccessBanner({ message, title = 'Success' }: { message: string | null; title?: string }) {
  const titleId = useId();
  return (
    <div aria-live="polite">
      {message ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby={titleId}>
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id={titleId}>
              {title}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{message}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** A field's hint and its error message, with the ids aria-describedby points at. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}
