import { describe, expect, it } from 'vitest';
import { analyseArticle, articleText, quoteSpans } from '../../../electron/core/factcheck/index.js';
import { emptyContent, type ArticleContent } from '../../../electron/core/model.js';

const body = (...paragraphs: string[]): ArticleContent => ({ ...emptyContent('Headline'), paragraphs });
const quotes = (...paragraphs: string[]) => analyseArticle(body(...paragraphs)).quotes.map((q) => [q.text, q.speaker]);

describe('finding quotations', () => {
  it('reads curly and straight marks and drops the attribution’s comma', () => {
    expect(quotes('“We are ready,” said Jane Doe. Officials called it "a clear signal" of intent.')).toEqual([
      ['We are ready', 'Jane Doe'],
      ['a clear signal', null],
    ]);
  });

  it('runs an unclosed curly quote to the end of its paragraph, and ignores a stray straight mark', () => {
    const at = articleText(body('“The first part of a long quote.', 'A 6" pipe burst.'));
    expect(quoteSpans(at).map((q) => at.text.slice(q.start, q.end))).toEqual(['The first part of a long quote.']);
  });
});

describe('speakers', () => {
  it('`“…,” X said` with a title before the name', () => {
    expect(quotes('“We will not retreat,” Defense Minister Rustem Umerov said on Monday.')).toEqual([['We will not retreat', 'Rustem Umerov']]);
  });

  it('`X said “…”`, with words between the verb and the quote', () => {
    expect(quotes('Angela Merkel said on Monday that Germany would “stand firm.”')).toEqual([['stand firm.', 'Angela Merkel']]);
  });

  it('`according to X`', () => {
    expect(quotes('The strike was “a grave mistake,” according to the Foreign Ministry spokesman Wang Wenbin.')).toEqual([['a grave mistake', 'Wang Wenbin']]);
  });

  it('a pronoun speaker is the named speaker of the sentence before', () => {
    expect(quotes('Prime Minister Keir Starmer spoke to reporters in London. “This is a turning point,” he said.')).toEqual([
      ['This is a turning point', 'Keir Starmer'],
    ]);
  });

  it('a quote with no attribution of its own takes the one in the previous paragraph', () => {
    expect(quotes('Lavrov told reporters the talks had failed.', '“There is nothing left to discuss.”')).toEqual([
      ['There is nothing left to discuss.', 'Lavrov'],
    ]);
  });

  it('a described but unnamed speaker gives null, without borrowing the previous sentence’s', () => {
    expect(quotes('Jane Doe said the town was calm. A police officer described the attack as “senseless.”')).toEqual([['senseless.', null]]);
  });

  it('marks a quote repeated word for word', () => {
    const q = analyseArticle({ ...body('“We are ready,” Jane Doe said.'), highlights: ['“We are ready,” Doe said'] }).quotes;
    expect(q.map((x) => [x.field, x.speaker, x.speakerEntity, x.repeatOf])).toEqual([
      ['highlight:1', 'Doe', 'Jane Doe', null],
      ['paragraph:1', 'Jane Doe', 'Jane Doe', 0],
    ]);
  });
});
