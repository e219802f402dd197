import { useCallback, useEffect, useMemo, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { toFieldErrors, type FieldError } from '../mappa';

const NONE: FieldError[] = [];

export interface Loaded<T> {
  /** The answer, once it has come. A reload keeps the last answer on screen until the new one arrives. */
  data: T | undefined;
  /** Replaces the answer with what a later act returned (acts answer with the new state). */
  setData: Dispatch<SetStateAction<T | undefined>>;
  /** The refusal, as the sentences the error summary shows; empty after a load that worked. */
  errors: FieldError[];
  /** The refusal itself, for a screen that answers some refusals its own way (a reason to give, a block). */
  error: unknown;
  loading: boolean;
  /** Loads again; resolves when the answer is in, or was dropped for a newer one. */
  reload: () => Promise<void>;
}

/**
 * What a screen reads from the register when it arrives, and again whenever `deps` change.
 * An answer that comes after the screen has gone, or after its inputs changed, is dropped,
 * so a slow reply never lands on the wrong screen or the wrong subject.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failure, setFailure] = useState<{ error: unknown; errors: FieldError[] } | null>(null);
  const [loading, setLoading] = useState(true);
  // New inputs: loading again from this render on (React's "adjust state when props change").
  const [asked, setAsked] = useState(deps);
  if (!sameDeps(asked, deps)) {
    setAsked(deps);
    setLoading(true);
  }
  // Each load takes a ticket; only the newest ticket's answer is kept.
  const ticket = useRef(0);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });

  const run = useCallback((work: () => Promise<T>) => {
    const mine = ++ticket.current;
    const settle = (outcome: { value: T } | { error: unknown }) => {
      if (mine !== ticket.current) return;
      if ('value' in outcome) {
        setData(() => outcome.value);
        setFailure(null);
      } else {
        setFailure({ error: outcome.error, errors: toFieldErrors(outcome.error) });
      }
      setLoading(false);
    };
    // A loader that throws before its first await is refused like one that rejects.
    return new Promise<T>((resolve) => resolve(work())).then(
      (value) => settle({ value }),
      (error: unknown) => settle({ error }),
    );
  }, []);

  useEffect(() => {
    void run(load);
    return () => {
      // Gone, or asked again with other inputs: whatever is still on its way is dropped.
      ticket.current += 1;
    };
    // The caller's deps are the effect's deps; `load` is the closure over them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const reload = useCallback(() => {
    setLoading(true);
    return run(() => latest.current());
  }, [run]);
  return { data, setData, errors: failure?.errors ?? NONE, error: failure?.error, loading, reload };
}

const sameDeps = (a: DependencyList, b: DependencyList) => a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/**
 * One list for the error summary of a screen that loads and then submits: the same list
 * until either part changes, since the summary takes focus whenever its list changes.
 */
export function useErrors(loaded: FieldError[], submitted: FieldError[]): FieldError[] {
  return useMemo(() => (loaded.length === 0 ? submitted : submitted.length === 0 ? loaded : [...loaded, ...submitted]), [loaded, submitted]);
}
