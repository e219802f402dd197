import { z } from 'zod';

// A domain error crosses the IPC boundary as data, never as a thrown Error: Electron
// keeps only an Error's message, and a stack trace must never reach a user.
export const errorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  /** Which input field the error belongs to, for the GOV.UK error summary link. */
  field: z.string().optional(),
  /** Every problem with a form, when there is more than one (the error summary lists all). */
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type MappaErrorData = z.infer<typeof errorSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

export class MappaError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly fields: FieldProblem[] | undefined;
  constructor(code: string, message: string, field?: string, fields?: FieldProblem[]) {
    super(message);
    this.name = 'MappaError';
    this.code = code;
    this.field = field;
    this.fields = fields && fields.length > 0 ? fields : undefined;
  }
  toData(): MappaErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.fields === undefined ? {} : { fields: this.fields }),
    };
  }
}

/** Collects every problem with a form, then throws them together (or not at all). */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): void {
    if (!this.list.some((p) => p.field === field)) this.list.push({ field, message });
  }
  get count(): number {
    return this.list.length;
  }
  throwIfAny(code = 'invalid_record'): void {
    const first = this.list[0];
    if (!first) return;
    throw new MappaError(code, first.message, first.field, this.list.length > 1 ? [...this.list] : undefined);
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
  throw new MappaError(result.error.code, result.error.message, result.error.field, result.error.fields);
}

/**
 * Every problem zod found in an input, each as a sentence next to its field (the GOV.UK
 * error summary lists them all). The schemas' own messages are written for people
 * ("Enter the family name"); a problem with no field is about the request as a whole,
 * named by `what` ("the request to subjects.create").
 */
export function inputError(what: string, error: z.ZodError): MappaError {
  const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);
  const fields: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (field && !fields.some((f) => f.field === field)) fields.push({ field, message: sentence(issue.message) });
  }
  const first = fields[0];
  if (first) return new MappaError('invalid_input', first.message, first.field, fields.length > 1 ? fields : undefined);
  const reason = (error.issues[0]?.message ?? 'not understood').replace(/\.$/, '');
  return new MappaError('invalid_input', `${capitalise(what)} is not valid: ${reason}.`);
}

/** Parses with the same schema the contract uses, so a rule has one sentence wherever it is checked. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw inputError(what, parsed.error);
  return parsed.data;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
