import { useState } from 'react';

/**
 * A form over what was loaded from the register: it shows the loaded values with the
 * person's changes on top, so an answer that arrives after they start typing does not
 * overwrite what they typed, and no effect copies the answer into the form.
 */
export function useEdits<F extends object>(loaded: F) {
  const [edits, setEdits] = useState<Partial<F>>({});
  const form = { ...loaded, ...edits };
  /** The change handler for one field. */
  const set =
    <K extends keyof F>(key: K) =>
    (value: F[K]) =>
      setEdits((current) => ({ ...current, [key]: value }));
  /** Several fields at once (one choice that sets another's default). */
  const change = (patch: Partial<F>) => setEdits((current) => ({ ...current, ...patch }));
  /** Back to what was loaded, e.g. after a save answered with the stored values. */
  const discard = () => setEdits({});
  return { form, set, change, discard };
}
