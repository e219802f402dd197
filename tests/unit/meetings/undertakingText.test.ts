// The undertaking the register ships (migration 7) says what DOMAIN.md lists for MAPPA D,
// and the hash stored beside it is the hash of its text, so a signature's hash means it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHIPPED_UNDERTAKING_BODY, SHIPPED_UNDERTAKING_SHA256, SHIPPED_UNDERTAKING_TITLE } from '../../../src/main/db/schema/v7-meetings';

describe('the shipped confidentiality undertaking (MAPPA D)', () => {
  it('carries the SHA-256 of its own text', () => {
    expect(createHash('sha256').update(SHIPPED_UNDERTAKING_BODY, 'utf8').digest('hex')).toBe(SHIPPED_UNDERTAKING_SHA256);
  });

  it('says what the national form says', () => {
    expect(SHIPPED_UNDERTAKING_TITLE).toBe('Confidentiality and Diversity Statement (MAPPA D)');
    const text = SHIPPED_UNDERTAKING_BODY;
    expect(text).toContain('need to protect the public outweighs the duty of confidentiality');
    expect(text).toContain('sections 30(1)(b), 38, 40 and 41');
    expect(text).toContain('Article 8(2)');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('without the Chair’s agreement');
    expect(text).toContain('restricted part of your agency’s files');
    expect(text).toContain('Diversity');
  });
});
