// The database handle that capability folders (register/, audit/, sharing/ ...) receive.
// They never see sql.js, files or keys: reads go through `Reader`, and every write
// happens inside a durable commit through `Writer`.

export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Row = Record<string, SqlValue>;

export interface Reader {
  /** All rows of a SELECT, as plain objects keyed by column name. */
  all<T extends Row = Row>(sql: string, params?: SqlParams): T[];
  /** The first row of a SELECT, or undefined. */
  get<T extends Row = Row>(sql: string, params?: SqlParams): T | undefined;
}

export interface Writer extends Reader {
  /**
   * Runs one data-changing statement inside the current commit. The statement and its
   * parameters are written to the journal verbatim and replayed on open, so it must be
   * deterministic: ids, timestamps and random values are computed by the caller and
   * passed as parameters, never by SQL (no random(), datetime('now'), etc.).
   */
  run(sql: string, params?: SqlParams): void;
}
