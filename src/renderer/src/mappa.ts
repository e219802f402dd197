import type { MappaClient } from '../../shared/contract';
import { MappaError, unwrap, type Result } from '../../shared/errors';

declare global {
  interface Window {
    /** Built by the preload from the IPC contract; the page's only way to the register. */
    readonly mappa: MappaClient;
  }
}

type Unwrapped<T> = {
  [A in keyof T]: {
    [M in keyof T[A]]: T[A][M] extends (input: infer I) => Promise<Result<infer O>> ? (input: I) => Promise<O> : never;
  };
};

export type Api = Unwrapped<MappaClient>;

let cached: Api | undefined;

/** Fired on window when a call finds the register locked. */
export const LOCKED_EVENT = 'mappa:locked';

/** window.mappa with each reply unwrapped: resolves with the value, throws a MappaError. */
export function api(): Api {
  if (cached) return cached;
  const client = window.mappa as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>;
  cached = Object.fromEntries(
    Object.entries(client).map(([area, fns]) => [
      area,
      Object.fromEntries(
        Object.entries(fns).map(([name, fn]) => [
          name,
          async (input: unknown) => {
            const result = await fn(input);
            // The main process locked the register (inactivity, sleep, screen lock): every
            // screen holding register data must go.
            if (!result.ok && result.error.code === 'locked') window.dispatchEvent(new Event(LOCKED_EVENT));
            return unwrap(result);
          },
        ]),
      ),
    ]),
  ) as unknown as Api;
  return cached;
}

export interface FieldError {
  field?: string;
  message: string;
}

/** What to show the person for a failed call: the service's sentences, each next to its field. */
export function toFieldErrors(error: unknown): FieldError[] {
  if (error instanceof MappaError) {
    if (error.fields) return error.fields.map((f) => ({ field: f.field, message: f.message }));
    return [error.field ? { field: error.field, message: error.message } : { message: error.message }];
  }
  return [{ message: 'Something went wrong. Nothing was changed. Try again.' }];
}
