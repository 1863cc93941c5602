// Numbers and dates as a Thai reader expects them: Thai digits and Buddhist-Era years in Thai,
// Arabic digits and the Gregorian calendar in English. Every date is shown in Bangkok time.

export type Lang = 'th' | 'en';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const ZONE = 'Asia/Bangkok';

/** Replaces Arabic digits with Thai digits ("สพร 02/15" → "สพร ๐๒/๑๕"). */
export function thaiDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

/** Replaces Thai digits with Arabic digits. */
export function arabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** A number as the reader's language writes it. */
export function num(n: number | string | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || n === '') return '';
  return lang === 'th' ? thaiDigits(n) : String(n);
}

function parts(iso: string, locale: string, opts: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat(locale, { ...opts, timeZone: ZONE }).formatToParts(new Date(iso))) {
    out[p.type] = p.value;
  }
  return out;
}

/** "๒๒ พฤศจิกายน ๒๕๖๙" or "22 November 2026"; a plain date ("2026-12-31") is read as that day. */
export function formatDate(iso: string | null | undefined, lang: Lang, short = false): string {
  if (!iso) return '';
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+07:00` : iso;
  if (lang === 'th') {
    const p = parts(instant, 'th-TH-u-ca-buddhist', { day: 'numeric', month: short ? 'short' : 'long', year: 'numeric' });
    return thaiDigits(`${p.day} ${p.month} ${p.year}`);
  }
  const p = parts(instant, 'en-GB', { day: 'numeric', month: short ? 'short' : 'long', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** "๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๒๓ น." or "22 November 2026, 09:23". */
export function formatDateTime(iso: string | null | undefined, lang: Lang, short = false): string {
  if (!iso) return '';
  const t = parts(iso, 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return lang === 'th'
    ? `${formatDate(iso, lang, short)} เวลา ${thaiDigits(`${t.hour}.${t.minute}`)} น.`
    : `${formatDate(iso, lang, short)}, ${t.hour}:${t.minute}`;
}

/** The current Buddhist-Era year in Bangkok. */
export function currentYearBE(now: Date = new Date()): number {
  return Number(parts(now.toISOString(), 'en-GB', { year: 'numeric' }).year) + 543;
}

/** Whole days from today (Bangkok) to a due date; negative when overdue. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const today = parts(now.toISOString(), 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const from = Date.UTC(Number(today.year), Number(today.month) - 1, Number(today.day));
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - from) / 86_400_000);
}

/** A calendar's heading: "พฤศจิกายน ๒๕๖๙" or "November 2026"; {@code month} is 1..12. */
export function formatMonth(year: number, month: number, lang: Lang): string {
  const noon = `${year}-${String(month).padStart(2, '0')}-15T12:00:00+07:00`;
  if (lang === 'th') {
    const p = parts(noon, 'th-TH-u-ca-buddhist', { month: 'long', year: 'numeric' });
    return thaiDigits(`${p.month} ${p.year}`);
  }
  const p = parts(noon, 'en-GB', { month: 'long', year: 'numeric' });
  return `${p.month} ${p.year}`;
}

/** "๐๙.๓๐ น." or "09:30", in Bangkok. */
export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const t = parts(iso, 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return lang === 'th' ? `${thaiDigits(`${t.hour}.${t.minute}`)} น.` : `${t.hour}:${t.minute}`;
}
