import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../electron/core/parse/lines.js';
import { parseSeedText } from '../../../electron/core/parse/seed-text.js';
import { parseUpdatedLine } from '../../../electron/core/parse/updated-line.js';

describe('parseUpdatedLine: absolute dates keep the day', () => {
  it.each([
    ['Updated 13 August 2025', '2025-08-13'],
    ['Updated 27 November 2026 14:05', '2026-11-27'],
    ['Updated 27 Nov 2026, 14:05', '2026-11-27'],
    ['Updated: 1 Jan 2024', '2024-01-01'],
    ['Updated 29 February 2024', '2024-02-29'],
    ['Updated Thursday 27 November 2026 14:05 GMT', '2026-11-27'],
    ['Updated Thu, 27 Nov 2026 14:05:30 UTC', '2026-11-27'],
    ['Updated 3rd March 2025', '2025-03-03'],
    ['Updated November 27, 2026', '2026-11-27'],
    ['Updated: Nov. 27, 2026 2:05 p.m. ET', '2026-11-27'],
    ['Updated Sept 9, 2025 at 9:30 am', '2025-09-09'],
    ['Last updated 13 August 2025', '2025-08-13'],
    ['UPDATED 13 AUGUST 2025', '2025-08-13'],
    ['Updated 2026-11-27', '2026-11-27'],
    ['Updated 2026-11-27T14:05:00Z', '2026-11-27'],
    ['Updated 2026-11-27 14:05+03:00', '2026-11-27'],
    ['   Updated 13 August 2025   ', '2025-08-13'],
    // Numeric days: year first, or a field above 12, says which is which.
    ['Updated 2025/08/13', '2025-08-13'],
    ['Updated 13/08/2025', '2025-08-13'],
    ['Updated 08/13/2025', '2025-08-13'],
    ['Updated 13.08.2025 14:05', '2025-08-13'],
    ['Updated 05/05/2025', '2025-05-05'],
  ])('%s → %s', (line, date) => {
    const r = parseUpdatedLine(line);
    expect(r.value).toEqual({ raw: line.trim(), date, relative: false });
    expect(r.recognised).toBe(true);
    expect(r.problem).toBeNull();
  });
});

describe('parseUpdatedLine: relative ages are flagged, never guessed', () => {
  it.each([
    'Updated 7 sec ago',
    'Updated 2 hours ago',
    'Updated 1 hr ago',
    'Updated an hour ago',
    'Updated a day ago',
    'Updated 45 minutes ago',
    'Updated 3 days ago',
    'Updated 2 weeks ago',
    'Updated 5 months ago',
    'Updated 1 year ago',
    'Updated 3d ago',
    'Updated 5m ago',
    'Updated 12h ago',
    'Updated just now',
    'Updated moments ago',
    'Updated today',
    'Updated yesterday',
    'Updated yesterday at 17:30',
    'Updated: 10 mins ago',
  ])('%s', (line) => {
    const r = parseUpdatedLine(line);
    expect(r.value).toEqual({ raw: line, date: null, relative: true });
    expect(r.recognised).toBe(true);
    expect(r.problem).toBe(`relative date "${line}" cannot be pinned to a day`);
  });
});

describe('parseUpdatedLine: date-shaped but unusable lines are furniture with a problem', () => {
  it.each([
    ['Updated 31 February 2025', 'no such day'],
    ['Updated 31 April 2025', 'no such day'],
    ['Updated 29 February 2025', 'no such day'],
    ['Updated 2025-13-01', 'no such day'],
    ['Updated 07/08/2025', 'ambiguous day and month order'],
    ['Updated 13/13/2025', 'no such day'],
    ['Updated 13/08/25', 'no four-digit year'],
    ['Updated 2025/02/30', 'no such day'],
  ])('%s (%s)', (line, why) => {
    const r = parseUpdatedLine(line);
    expect(r.value).toEqual({ raw: line, date: null, relative: false });
    expect(r.recognised).toBe(true);
    expect(r.problem).toBe(`${why} in "${line}"`);
  });
});

describe('parseUpdatedLine: prose is not an Updated line', () => {
  it.each([
    'Updated figures show a rise in unemployment.',
    'Updated guidance was issued on Tuesday, officials said.',
    'Updated',
    'Updated: see below',
    'Updated 13 August',
    'Updated August 2025',
    'Updated 2 hours',
    'Updated in 2 hours ago format',
    'Updated 13 August 2025 because of a correction to the casualty figures',
    'Updated 1.2.3',
    'Updated 3.5 million times',
    'Updated today the council voted to freeze rents',
    'Updated 2 hours ago, officials said the figures were wrong',
    'Updated yesterday and again this morning',
  ])('%s', (line) => {
    const r = parseUpdatedLine(line);
    expect(r.recognised).toBe(false);
    expect(r.value).toEqual({ raw: line, date: null, relative: false });
    expect(r.problem).toBe(`could not read a date in "${line}"`);
  });

  it('classifies prose lines that start with "Updated" as text, and date lines as updated', () => {
    const kinds = splitLines('Updated figures show a rise.\nUpdated 13 August 2025\nUpdated 2 hours ago\nUpdated: see below').map((l) => l.kind);
    expect(kinds).toEqual(['text', 'updated', 'updated', 'text']);
  });

  it('keeps an "Updated figures…" body line as a paragraph', () => {
    const parse = parseSeedText('Jobless rate falls\n\nLONDON: The jobless rate fell in May.\nUpdated figures show a rise in vacancies.\n');
    expect(parse.articles).toHaveLength(1);
    expect(parse.articles[0]!.content.updated).toBeNull();
    expect(parse.articles[0]!.content.paragraphs).toEqual(['The jobless rate fell in May.', 'Updated figures show a rise in vacancies.']);
  });
});

describe('an Updated-looking prose line inside the furniture block is kept', () => {
  it('keeps "Updated today the council voted…" as text rather than dropping it as a second Updated line', () => {
    const text = 'Council budget\n\nShort Url\nUpdated 2 hours ago\nUpdated today the council voted to freeze rents\nFollow\n\nCouncil budget\n\nLEEDS: Body.';
    const words = JSON.stringify(parseSeedText(text).articles.map((a) => a.content));
    expect(words).toContain('Updated today the council voted to freeze rents');
  });
});
