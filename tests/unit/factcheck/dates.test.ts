import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../electron/core/factcheck/index.js';
import { emptyContent, type ArticleContent, type Updated } from '../../../electron/core/model.js';

/** An article dated `date` (or with the given Updated line) whose body is `paragraphs`. */
function dated(updated: Updated | null, ...paragraphs: string[]): ArticleContent {
  return { ...emptyContent('Headline'), updated, paragraphs };
}
const on = (date: string): Updated => ({ raw: `Updated ${date}`, date, relative: false });
const dates = (c: ArticleContent) => analyseArticle(c).dates.map((d) => [d.text, d.resolved]);

// 2025-08-13 is a Wednesday.
const WED = on('2025-08-13');

describe('weekdays are read by the sentence’s tense', () => {
  it('future: the next one on or after the article’s date', () => {
    expect(dates(dated(WED, 'The leaders will meet on Monday.', 'Talks are scheduled to resume on Wednesday.'))).toEqual([
      ['on Monday', '2025-08-18'],
      ['on Wednesday', '2025-08-13'],
    ]);
  });

  it('past: the last one on or before it', () => {
    expect(dates(dated(WED, 'The leaders met on Friday.', 'Officials spoke on Thursday.'))).toEqual([
      ['on Friday', '2025-08-08'],
      ['on Thursday', '2025-08-07'],
    ]);
  });

  it('no tense to go by: the nearest one', () => {
    const found = analyseArticle(dated(WED, 'Talks on Friday and on Monday.')).dates;
    expect(found.map((d) => [d.text, d.resolved])).toEqual([
      ['on Friday', '2025-08-15'],
      ['on Monday', '2025-08-11'],
    ]);
    expect(found[0]!.note).toContain('nearest');
  });

  it('takes a quoted date’s tense from the quote, not from the reporting verb', () => {
    expect(dates(dated(WED, '“We will sign the deal on Friday,” the minister said.'))).toEqual([['on Friday', '2025-08-15']]);
  });
});

describe('months and days without a year', () => {
  it('a past month in a past-tense sentence is this year’s if it has come, else last year’s', () => {
    expect(dates(dated(WED, 'Fighting broke out in October.', 'Prices rose in August.'))).toEqual([
      ['in October', '2024-10'],
      ['in August', '2025-08'],
    ]);
  });

  it('a month in a future-tense sentence is the next one', () => {
    expect(dates(dated(WED, 'Elections will be held in March.'))).toEqual([['in March', '2026-03']]);
  });

  it('a day of a month follows the same rule, at day precision', () => {
    const [d] = analyseArticle(dated(WED, 'The ceasefire was signed on Dec. 3.')).dates;
    expect([d!.resolved, d!.precision]).toEqual(['2024-12-03', 'day']);
  });
});

describe('precision follows the expression', () => {
  it('reads years, months and days as written', () => {
    const found = analyseArticle(dated(WED, 'The pact was signed last year.', 'It took effect in March 2019.', 'It expired on July 4, 2021.', 'Troops left in 2014.')).dates;
    expect(found.map((d) => [d.text, d.resolved, d.precision])).toEqual([
      ['last year', '2024', 'year'],
      ['in March 2019', '2019-03', 'month'],
      ['on July 4, 2021', '2021-07-04', 'day'],
      ['in 2014', '2014', 'year'],
    ]);
  });

  it('counts relative days from the article’s date', () => {
    expect(dates(dated(WED, 'The minister resigned yesterday.', 'He arrived three days ago.'))).toEqual([
      ['yesterday', '2025-08-12'],
      ['three days ago', '2025-08-10'],
    ]);
  });

  it('reports weeks and event-relative spans without resolving them', () => {
    const found = analyseArticle(dated(WED, 'Talks failed earlier this week.', 'The strike came two days after the talks.')).dates;
    expect(found.map((d) => [d.text, d.resolved, d.note])).toEqual([
      ['this week', null, 'a week-long span, not a single date'],
      ['two days after', null, 'counted from another event, not from the article’s date'],
    ]);
  });

  it('does not take "may" the verb or "recent years" for dates', () => {
    expect(dates(dated(WED, 'Prices may rise in recent years of growth.'))).toEqual([]);
  });
});

describe('without a usable article date', () => {
  it('resolves nothing relative when the date is relative', () => {
    const found = analyseArticle(dated({ raw: 'Updated 7 sec ago', date: null, relative: true }, 'They met on Tuesday and last year.', 'It began on 3 March 2020.')).dates;
    expect(found.map((d) => [d.text, d.resolved, d.note ?? null])).toEqual([
      ['on Tuesday', null, 'cannot be resolved: the article’s date is relative (“Updated 7 sec ago”)'],
      ['last year', null, 'cannot be resolved: the article’s date is relative (“Updated 7 sec ago”)'],
      ['on 3 March 2020', '2020-03-03', null],
    ]);
  });

  it('says so when there is no Updated line at all', () => {
    const [d] = analyseArticle(dated(null, 'They met on Tuesday.')).dates;
    expect(d).toMatchObject({ resolved: null, note: 'cannot be resolved: the article has no date' });
  });
});
