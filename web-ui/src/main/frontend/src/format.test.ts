import { describe, expect, it } from 'vitest';
import { arabicDigits, currentYearBE, daysUntil, formatDate, formatDateTime, formatMonth, formatTime, num, thaiDigits } from './format';

describe('Thai digits', () => {
  it('replaces every Arabic digit and nothing else', () => {
    expect(thaiDigits('สพร 02/15 ปี 2569')).toBe('สพร ๐๒/๑๕ ปี ๒๕๖๙');
    expect(arabicDigits('นร ๐๕.๑๒/๒๕๖๙')).toBe('นร 05.12/2569');
  });
  it('writes numbers in the reader language', () => {
    expect(num(1234, 'th')).toBe('๑๒๓๔');
    expect(num(1234, 'en')).toBe('1234');
    expect(num(null, 'th')).toBe('');
  });
});

describe('dates in Bangkok time', () => {
  it('gives the Buddhist-Era date in Thai digits', () => {
    expect(formatDate('2026-11-22T09:23:00+07:00', 'th')).toBe('๒๒ พฤศจิกายน ๒๕๖๙');
    expect(formatDate('2026-11-22T09:23:00+07:00', 'en')).toBe('22 November 2026');
  });
  it('uses the Bangkok day, not the UTC day', () => {
    // 20:30 UTC on 31 December is already 1 January in Bangkok
    expect(formatDate('2026-12-31T20:30:00Z', 'th')).toBe('๑ มกราคม ๒๕๗๐');
  });
  it('reads a plain date as that calendar day', () => {
    expect(formatDate('2099-12-31', 'th')).toBe('๓๑ ธันวาคม ๒๖๔๒');
  });
  it('writes the time as the regulation does', () => {
    expect(formatDateTime('2026-11-22T02:05:00Z', 'th')).toBe('๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๐๕ น.');
    expect(formatDateTime('2026-11-22T02:05:00Z', 'en')).toBe('22 November 2026, 09:05');
  });
  it('counts the Buddhist-Era year and days to a due date in Bangkok', () => {
    expect(currentYearBE(new Date('2026-12-31T18:00:00Z'))).toBe(2570);
    expect(daysUntil('2026-11-25', new Date('2026-11-22T17:30:00Z'))).toBe(2);
    expect(daysUntil('2026-11-20', new Date('2026-11-22T01:00:00Z'))).toBe(-2);
  });
});

describe('a calendar month and a time of day', () => {
  it('names the month in the Buddhist-Era year in Thai', () => {
    expect(formatMonth(2026, 11, 'th')).toBe('พฤศจิกายน ๒๕๖๙');
    expect(formatMonth(2027, 1, 'en')).toBe('January 2027');
  });
  it('writes the time as Thai documents do', () => {
    expect(formatTime('2026-11-16T02:30:00Z', 'th')).toBe('๐๙.๓๐ น.');
    expect(formatTime('2026-11-16T02:30:00Z', 'en')).toBe('09:30');
  });
});
