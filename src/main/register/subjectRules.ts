import { Problems } from '../../shared/errors';
import type { SubjectInput } from '../../shared/registerSchemas';
import { MAPPA_LEVELS } from '../../shared/vocabulary';
import type { Reader } from '../db/types';
import { addDays, ageOn, isValidDate, today } from '../../shared/calendar';
import { findOffice } from '../access/offices';
import { reviewWeeks } from './registerSettings';

// The rules a subject record must meet, each with its source (DOMAIN.md "Who is managed").
// All problems are collected so the person sees every one at once, next to its field.

const PNC = /^(\d{2}|\d{4})\/\d{1,7}[A-Z]$/;
const CRN = /^[A-Z]\d{6}$/;
const VISOR = /^[A-Z0-9/-]{4,30}$/;

export type NormalisedSubject = SubjectInput & { nextReview: string | null };

export function normaliseReference(value: string | null): string | null {
  return value === null ? null : value.replace(/\s+/g, '').toUpperCase();
}

export function checkSubject(r: Reader, input: SubjectInput, now: Date, existingId: string | null, options: { received?: boolean } = {}): NormalisedSubject {
  const whole = options.received !== true;
  const problems = new Problems();
  const day = today(now);
  const subject: NormalisedSubject = {
    ...input,
    aliases: [...new Set(input.aliases.map((a) => a.trim()).filter((a) => a.length > 0))],
    pnc: normaliseReference(input.pnc),
    ndelius: normaliseReference(input.ndelius),
    visor: normaliseReference(input.visor),
  };

  if (subject.dateOfBirth !== null) {
    if (!isValidDate(subject.dateOfBirth)) problems.add('dateOfBirth', 'Date of birth must be a real date.');
    else if (subject.dateOfBirth > day) problems.add('dateOfBirth', 'Date of birth must be in the past.');
    else if (ageOn(subject.dateOfBirth, day) > 120) problems.add('dateOfBirth', 'Check the date of birth: it makes the person older than 120.');
  }

  // Referral (MAPPA A): an address, or no fixed abode with the area of closest links.
  if (subject.noFixedAbode) {
    if (subject.areaOfClosestLinks === null) problems.add('areaOfClosestLinks', 'Enter the area of closest links for a person of no fixed abode.');
    subject.address = null;
  } else if (subject.address === null && whole) {
    problems.add('address', 'Enter an address, or say the person has no fixed abode.');
  }

  if (subject.pnc !== null && !PNC.test(subject.pnc)) problems.add('pnc', 'Enter a PNC number like 98/123456X.');
  if (subject.ndelius !== null && !CRN.test(subject.ndelius)) problems.add('ndelius', 'Enter an nDelius CRN like X123456: one letter and six digits.');
  if (subject.visor !== null && !VISOR.test(subject.visor)) problems.add('visor', 'Enter a ViSOR reference of 4 to 30 letters and numbers.');
  for (const [field, label] of [
    ['pnc', 'PNC number'],
    ['ndelius', 'nDelius CRN'],
    ['visor', 'ViSOR reference'],
  ] as const) {
    const value = subject[field];
    if (value === null) continue;
    const clash = r.get<{ id: string; given_name: string; family_name: string }>(
      `SELECT id, given_name, family_name FROM subjects WHERE ${field} = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?`,
      [value, existingId],
    );
    if (clash) problems.add(field, `Another subject (${clash.given_name} ${clash.family_name}) already has the ${label} ${value}. A person is recorded once.`);
  }

  if (subject.leadOfficeId !== null && !findOffice(r, subject.leadOfficeId)) {
    problems.add('leadOfficeId', 'Choose the lead agency from the list of offices in this register.');
  }

  if (subject.kind === 'pdp') {
    // Procedures §21: a Potentially Dangerous Person is unconvicted and outside MAPPA's categories.
    if (subject.category !== null) problems.add('category', 'A Potentially Dangerous Person is not in a MAPPA category: leave the category empty.');
    if (subject.level !== null) problems.add('level', 'A Potentially Dangerous Person has no MAPPA level: they are considered at an Assessment of Risk Meeting.');
  } else if (whole) {
    // Procedures §2: a person is in exactly one category.
    if (subject.category === null) problems.add('category', 'Choose the MAPPA category: every MAPPA nominal is in exactly one.');
    if (subject.level === null) problems.add('level', 'Choose the MAPPA level.');
    if (subject.risk === null) problems.add('risk', 'Choose the risk of serious harm.');
    // Procedures §5: Level 1 cannot be used for Category 3.
    if (subject.category === 3 && subject.level === 1) problems.add('level', 'Level 1 cannot be used for a Category 3 offender: choose Level 2 or 3.');
  }

  const multiAgency = subject.level === 2 || subject.level === 3;
  if (multiAgency) {
    // Procedures §6, §8: Level 2/3 need high or very high risk, or exceptional circumstances.
    const highRisk = subject.risk === 'high' || subject.risk === 'very_high';
    if (!highRisk && subject.exceptionalReason === null) {
      problems.add(
        'exceptionalReason',
        `${MAPPA_LEVELS[subject.level as 2 | 3].split(':')[0]} needs a high or very high risk of serious harm, or a recorded exceptional reason.`,
      );
    }
    // Procedures §8: every Level 2/3 case carries a next review date.
    if (subject.nextReview === null) subject.nextReview = addDays(day, reviewWeeks(r, subject.level as 2 | 3) * 7);
  }
  if (subject.nextReview !== null) {
    if (!isValidDate(subject.nextReview)) problems.add('nextReview', 'The next review date must be a real date.');
    else if (subject.nextReview < day && (existingId === null || multiAgency)) problems.add('nextReview', 'The next review date must be today or later.');
  }

  problems.throwIfAny();
  return subject;
}
