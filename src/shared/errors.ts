import { z } from 'zod';

// A domain error crosses the IPC boundary as data, never as a thrown Error: Electron
// keeps only an Error's message, and a stack trace must never reach a user.
export const errorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  /** Which input field the error belongs to, for the GOV.UK error summary link. */
  field: z.string().optional(),
});
export type MappaErrorData = z.infer<typeof errorSchema>;

export class MappaError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'MappaError';
    this.code = code;
    this.field = field;
  }
  toData(): MappaErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);

export type Result<T> = { ok: true; value: T } | { ok: false; error: MappaErrorData };

/** The value of a successful reply; an error reply becomes a MappaError thrown here. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new MappaError(result.error.code, result.error.message, result.error.field);
}
