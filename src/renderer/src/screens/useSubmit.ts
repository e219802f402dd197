import { useCallback, useEffect, useRef, useState } from 'react';
import { api, toFieldErrors, type FieldError } from '../mappa';

/**
 * Runs a form's call: clears old errors, stops a double submit, and turns a refusal
 * into errors for the summary and the fields. With `trackProgress`, polls the service
 * for the progress of long work (backup, restore) while the call runs.
 */
export function useSubmit(options: { trackProgress?: boolean } = {}) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      if (busy) return undefined;
      setBusy(true);
      setErrors([]);
      let timer: ReturnType<typeof setInterval> | undefined;
      if (options.trackProgress) {
        setProgress(0);
        timer = setInterval(() => {
          void api()
            .register.progress({})
            .then((p) => {
              if (mounted.current && p.task) setProgress(p.fraction);
            })
            .catch(() => undefined);
        }, 150);
      }
      try {
        return await work();
      } catch (error) {
        if (mounted.current) setErrors(toFieldErrors(error));
        return undefined;
      } finally {
        if (timer) clearInterval(timer);
        if (mounted.current) {
          setBusy(false);
          setProgress(null);
        }
      }
    },
    [busy, options.trackProgress],
  );

  return { errors, setErrors, busy, progress, submit };
}
