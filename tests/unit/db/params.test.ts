import { describe, expect, it } from 'vitest';
import { checkParams } from '../../../src/main/db/sqlite';

describe('SQL parameters written to the journal', () => {
  it('accepts positional values and SQLite parameter names', () => {
    expect(() => checkParams(['a', 1, null, new Uint8Array([1])])).not.toThrow();
    expect(() => checkParams({ ':id': 'x', '@n': 2, $when: null })).not.toThrow();
  });

  it('refuses a key that is not a parameter name, such as __proto__, which would not replay the same', () => {
    expect(() => checkParams(JSON.parse('{"__proto__": 0}') as Record<string, number>)).toThrow('"__proto__" is not an SQL parameter name');
    expect(() => checkParams({ id: 'x' })).toThrow('"id" is not an SQL parameter name');
  });

  it('refuses values SQLite cannot store as they are', () => {
    expect(() => checkParams([Number.NaN])).toThrow('SQL parameters must be strings, finite numbers, null or Uint8Array.');
  });
});
