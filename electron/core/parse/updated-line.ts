/**
 * Reads the "Updated …" line of a scraped page. Absolute dates are kept as ISO days; anything relative
 * ("7 sec ago", "yesterday") is flagged and never turned into a guessed day, because a checker will rely on it.
 */
export interface UpdatedInfo {
  raw: string;
  date: string | null;
  relative: boolean;
}

export interface UpdatedParse {
  value: UpdatedInfo;
  /** True when the remainder reads as a date or an age, so the line is page furniture, not prose. */
  recognised: boolean;
  problem: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const TIME = String.raw`(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?|\s*(?:GMT|UTC)[+-]?\d{0,2}(?::?\d{2})?)?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})${TIME}$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY}([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, 'iu');
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`, 'iu');
// Sites abbreviate ages down to one letter ("3d ago", "5m ago"); the letter's unit does not matter, only that it is an age.
// Anchored at both ends: "Updated today the council voted…" is prose and must stay in the text.
const AGE = String.raw`(?:(?:\d+|an?|one|few)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|wks?|mo|months?|y|years?|yrs?)\s+ago|just\s+now|moments?\s+ago|today|yesterday)`;
const RELATIVE = new RegExp(String.raw`^${AGE}${TIME}$`, 'iu');
// 13/08/2025, 08.13.2025 or 2025/08/13: a numeric day whose field order the page does not state. The year has
// two or four digits so that a version number ("Updated 1.2.3") stays prose.
const NUMERIC = new RegExp(String.raw`^(?:(\d{4})[/.](\d{1,2})[/.](\d{1,2})|(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4}))${TIME}$`, 'iu');

export function parseUpdatedLine(line: string): UpdatedParse {
  const raw = line.trim();
  const rest = raw.replace(/^(?:last\s+)?updated\b\s*:?\s*/iu, '').trim();
  if (RELATIVE.test(rest)) {
    return {
      value: { raw, date: null, relative: true },
      recognised: true,
      problem: `relative date "${raw}" cannot be pinned to a day`,
    };
  }
  const read = readAbsoluteDate(rest);
  if (read === 'no-date') {
    return { value: { raw, date: null, relative: false }, recognised: false, problem: `could not read a date in "${raw}"` };
  }
  // A line shaped like a date is page furniture even when the day is impossible or ambiguous; it must not become prose.
  if (read.date === null) return { value: { raw, date: null, relative: false }, recognised: true, problem: `${read.why} in "${raw}"` };
  return { value: { raw, date: read.date, relative: false }, recognised: true, problem: null };
}

type DateRead = 'no-date' | { date: string } | { date: null; why: string };

function readAbsoluteDate(s: string): DateRead {
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) return real(isoDay(Number(m[3]), MONTHS[m[2]!.toLowerCase()], Number(m[1])));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return real(isoDay(Number(m[3]), MONTHS[m[1]!.toLowerCase()], Number(m[2])));
  m = ISO.exec(s);
  if (m) return real(isoDay(Number(m[1]), Number(m[2]), Number(m[3])));
  m = NUMERIC.exec(s);
  if (m?.[1]) return real(isoDay(Number(m[1]), Number(m[2]), Number(m[3])));
  if (m) return readDayMonth(Number(m[4]), Number(m[5]), m[6]!);
  return 'no-date';
}

const real = (date: string | null): DateRead => (date ? { date } : { date: null, why: 'no such day' });

/** Only a field above 12 says which of the two is the day; between two possible days, never guess. */
function readDayMonth(a: number, b: number, year: string): DateRead {
  if (year.length !== 4) return { date: null, why: 'no four-digit year' };
  const y = Number(year);
  if (a > 12 && b <= 12) return real(isoDay(y, b, a));
  if (b > 12 && a <= 12) return real(isoDay(y, a, b));
  if (a === b) return real(isoDay(y, a, a));
  return { date: null, why: 'ambiguous day and month order' };
}

function isoDay(year: number, month: number | undefined, day: number): string | null {
  if (!month || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
