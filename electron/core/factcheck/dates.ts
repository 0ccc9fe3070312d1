import { casual, type ParsedResult } from 'chrono-node';
import { makeAnchor } from './anchors.js';
import { sentenceTense, type Tense } from './tense.js';
import { normaliseApostrophes, tokensIn, type Token } from './tokens.js';
import type { DateMention, DatePrecision, Sentence } from './types.js';
import type { Updated } from '../model.js';

/**
 * Time expressions, resolved against the article's own date: what "last year" or "on Tuesday" meant on the day the
 * story was filed, not today. chrono-node finds the expressions; the rules below decide what they mean.
 *
 * - Reference: the article's Updated date at noon UTC (noon, so no timezone moves it to another day). When the
 *   date is relative ("Updated 7 sec ago") or missing, nothing relative is resolved — each expression says why.
 *   Expressions that state their year ("August 13, 2025", "in 2021") need no reference and are always resolved.
 * - Precision is what the expression states: "last year" → YYYY, "in April" → YYYY-MM, "on Tuesday" → YYYY-MM-DD.
 * - A bare weekday, month, or day of a month without a year is read by the sentence's tense: in a future-tense
 *   sentence ("is expected to … on Friday") it is the next one on or after the article's date; in a past-tense
 *   sentence ("spoke … on Tuesday") the last one on or before it; otherwise the nearest one.
 * - Weeks and weekends ("this week", "last weekend") are spans, not days: reported, not resolved.
 * - Expressions counted from another event ("two days after the talks") are reported, not resolved: the article's
 *   date is not their starting point.
 */
export function findDates(input: DateInputs): DateMention[] {
  const { text, sentences, tokens, quotes, updated } = input;
  const ref = referenceDate(updated);
  const out: DateMention[] = [];
  for (const s of sentences) {
    const sentence = normaliseApostrophes(s.text);
    const spans = expressions(sentence, ref?.date ?? FALLBACK_REFERENCE);
    for (const e of spans) {
      const start = s.start + e.start;
      const end = s.start + e.end;
      const resolved = resolve(e, ref, updated, tenseAround(text, s, tokens, quotes, start));
      out.push({ text: text.slice(start, end), ...resolved, anchor: makeAnchor(text, start, end), field: s.field });
    }
  }
  return out;
}

export interface DateInputs {
  text: string;
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  /** Quotation marks' spans: a date inside a quote takes the quote's tense, one outside takes the narrative's. */
  quotes: readonly { open: number; close: number }[];
  updated: Updated | null;
}

function tenseAround(text: string, s: Sentence, tokens: readonly Token[], quotes: DateInputs['quotes'], at: number): Tense {
  const quote = quotes.find((q) => at >= q.open && at < q.close);
  if (quote) return sentenceTense(normaliseApostrophes(text.slice(quote.open, quote.close)), tokensIn(tokens, quote.open, quote.close));
  const inside = quotes.filter((q) => q.open < s.end && q.close > s.start);
  let narrative = '';
  let cursor = s.start;
  for (const q of inside) {
    narrative += text.slice(cursor, Math.max(cursor, q.open)) + ' ';
    cursor = Math.max(cursor, q.close);
  }
  narrative += text.slice(cursor, s.end);
  const outside = tokensIn(tokens, s.start, s.end).filter((t) => !inside.some((q) => t.start >= q.open && t.start < q.close));
  return sentenceTense(normaliseApostrophes(narrative), outside);
}

interface Expression {
  start: number;
  end: number;
  text: string;
  /** null for the bare years this module finds itself. */
  result: ParsedResult | null;
  year?: number;
}

interface Reference {
  date: Date;
  iso: string;
}

// Any fixed instant will do for finding expressions when there is no reference: those that need one are reported
// unresolved, and those that state their year do not depend on it.
const FALLBACK_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

function referenceDate(updated: Updated | null): Reference | null {
  if (!updated || updated.relative || !updated.date) return null;
  const [y, m, d] = updated.date.split('-').map(Number) as [number, number, number];
  return { date: new Date(Date.UTC(y, m - 1, d, 12)), iso: updated.date };
}

const LEADING_PREPOSITION = /(?:^|\s)(in|on|since|by|until|till|during|from|before|after)\s$/i;
/** Words chrono lets slip in front of an expression ("them 3 days ago"); an expression starts with one of these. */
const DATE_START = /^(?:\d|on\b|in\b|at\b|by\b|since\b|until\b|last\b|next\b|this\b|past\b|coming\b|early\b|late\b|mid|the\b|a\b|an\b|yesterday|today|tomorrow|tonight|now\b|noon|midnight|morning|afternoon|evening|night|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|several\b|few\b|within\b|from\b|between\b|before\b|after\b|around\b|about\b|over\b|earlier\b|later\b|end\b|beginning\b|start\b|week|month|year|day|hour|minute|quarter|decade|spring|summer|autumn|fall\b|winter)/i;
/** Month names that are also ordinary words; written in lowercase they are the words. */
const AMBIGUOUS_LOWERCASE = /^(?:may|march|sat|sun|jan|mar|jun)$/;
/** "in 2021", "since 1990": chrono leaves bare years alone. */
const BARE_YEAR = /\b(?:in|since|by|until|till|during|from|before|after|through|throughout|around|early|late|mid-?)\s+((?:1[6-9]|20)\d{2})\b(?![-–]\d|\s*(?:%|percent|people|troops|soldiers|km|kilometres|kilometers|miles|tons|tonnes))/gi;

function expressions(sentence: string, instant: Date): Expression[] {
  const found: Expression[] = [];
  for (const r of casual.parse(sentence, { instant, timezone: 0 }, { forwardDate: false })) {
    let start = r.index;
    let end = r.index + r.text.length;
    // Trim what chrono took around the expression: punctuation, and stray words before it.
    while (end > start && /[\s,.;:!?)"”’]/.test(sentence[end - 1]!)) end--;
    while (start < end && !DATE_START.test(sentence.slice(start, end))) {
      const space = sentence.indexOf(' ', start);
      if (space === -1 || space >= end) break;
      start = space + 1;
    }
    if (!DATE_START.test(sentence.slice(start, end))) continue;
    const words = sentence.slice(start, end);
    if (AMBIGUOUS_LOWERCASE.test(words)) continue;
    const before = LEADING_PREPOSITION.exec(sentence.slice(Math.max(0, start - 7), start));
    if (before) start -= before[0].trimStart().length;
    found.push({ start, end, text: sentence.slice(start, end), result: r });
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ start, end, text: m[0], result: null, year: Number(m[1]) });
  }
  return found.sort((a, b) => a.start - b.start);
}

type Resolution = Pick<DateMention, 'resolved' | 'precision' | 'note'>;

function resolve(e: Expression, ref: Reference | null, updated: Updated | null, tense: Tense): Resolution {
  if (e.result === null) return { resolved: String(e.year), precision: 'year' };
  const c = e.result.start;
  const known = (k: 'year' | 'month' | 'day' | 'weekday' | 'hour'): boolean => c.isCertain(k);
  const year = c.get('year');
  // The expression writes its year out, so its meaning does not depend on when the article was filed.
  const absolute = known('year') && year !== null && new RegExp(`\\b${year}\\b`).test(e.text);
  if (!absolute && !ref) return { resolved: null, precision: null, note: unresolvable(updated) };

  if (/\bweek(?:end)?s?\b/i.test(e.text)) return { resolved: null, precision: null, note: 'a week-long span, not a single date' };
  if (/\b(?:after|before|later|earlier)$/i.test(e.text)) return { resolved: null, precision: null, note: 'counted from another event, not from the article’s date' };
  const precision: DatePrecision | null = known('day') || known('weekday') ? 'day' : known('month') ? 'month' : known('year') ? 'year' : null;
  if (precision === null) return { resolved: null, precision: null, note: known('hour') ? 'a time of day without a date' : 'too vague to pin to a date' };
  if (absolute || !ref) return { resolved: format(precision, year, c.get('month'), c.get('day')), precision };

  // A weekday alone: the tense picks the week.
  if (known('weekday') && !known('day')) {
    const target = c.get('weekday')!;
    const ahead = (target - ref.date.getUTCDay() + 7) % 7;
    const back = (ref.date.getUTCDay() - target + 7) % 7;
    const shift = tense === 'future' ? ahead : tense === 'past' ? -back : ahead <= back ? ahead : -back;
    const d = new Date(ref.date.getTime() + shift * 86_400_000);
    return { resolved: format('day', d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), precision: 'day', note: ruleNote('a weekday', tense, ref.iso) };
  }
  // A month, or a day of a month, without a year: the tense picks the year.
  if (known('month') && !known('year')) {
    const month = c.get('month')!;
    const day = known('day') ? c.get('day') : null;
    const y = pickYear(ref, month, day, tense);
    return { resolved: format(precision, y, month, day), precision, note: ruleNote(day === null ? 'a month' : 'a date', tense, ref.iso) };
  }
  // Everything else chrono counted from the reference: "last year", "yesterday", "3 days ago".
  return { resolved: format(precision, year, c.get('month'), c.get('day')), precision };
}

function pickYear(ref: Reference, month: number, day: number | null, tense: Tense): number {
  const refY = ref.date.getUTCFullYear();
  // Compare at the expression's own precision: "in August" written in August is this August either way.
  const at = (y: number): number => (day === null ? Date.UTC(y, month - 1, 1) : Date.UTC(y, month - 1, day));
  const now = day === null ? Date.UTC(refY, ref.date.getUTCMonth(), 1) : Date.UTC(refY, ref.date.getUTCMonth(), ref.date.getUTCDate());
  const next = at(refY) >= now ? refY : refY + 1;
  const last = at(refY) <= now ? refY : refY - 1;
  if (tense === 'future') return next;
  if (tense === 'past') return last;
  return at(next) - now < now - at(last) ? next : last; // a tie reads as the past: news reports what happened
}

function unresolvable(updated: Updated | null): string {
  if (!updated) return 'cannot be resolved: the article has no date';
  return updated.relative ? `cannot be resolved: the article’s date is relative (“${updated.raw}”)` : `cannot be resolved: the article’s date could not be read (“${updated.raw}”)`;
}

function ruleNote(what: string, tense: Tense, iso: string): string {
  const which = tense === 'future' ? 'the next one on or after' : tense === 'past' ? 'the last one on or before' : 'the one nearest to';
  const why = tense === 'unknown' ? 'the sentence has no clear tense' : `a ${tense}-tense sentence`;
  return `${what} alone: read as ${which} the article’s date ${iso} (${why})`;
}

function format(precision: DatePrecision, y: number | null, m: number | null, d: number | null): string | null {
  if (y === null) return null;
  const yyyy = String(y).padStart(4, '0');
  if (precision === 'year') return yyyy;
  if (m === null) return null;
  const mm = String(m).padStart(2, '0');
  if (precision === 'month') return `${yyyy}-${mm}`;
  if (d === null) return null;
  return `${yyyy}-${mm}-${String(d).padStart(2, '0')}`;
}
