import { useEffect, useRef, type ReactNode } from 'react';
import type { FieldError } from '../mappa';

// GOV.UK form patterns: an error summary at the top that takes focus and links to each
// field, and each field's own message beside it.

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="govuk-error-summary__title" id="error-summary-title">
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
  type?: 'text' | 'password';
  autoComplete?: string;
  width?: 'govuk-input--width-20' | 'govuk-input--width-30' | 'govuk-!-width-two-thirds';
}

export function TextInput({ id, label, value, onChange, hint, error, type = 'text', autoComplete = 'off', width = 'govuk-input--width-20' }: TextInputProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
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
      <input
        className={`govuk-input ${width}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        spellCheck={false}
        autoComplete={autoComplete}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
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
      {hint ? <div className="govuk-hint">{hint}</div> : null}
      {error ? (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <p className="govuk-body app-path" id={`${id}-value`} aria-live="polite">
        {value ?? 'Nothing chosen yet'}
      </p>
      <button type="button" id={id} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-describedby={`${id}-label ${id}-value`} onClick={onChoose}>
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
