import nlp from 'compromise/two';

/**
 * The only module that talks to the NLP library. compromise's tagger (part of speech plus its lexicon of people,
 * places and organisations) runs locally from data bundled in the package; nothing is fetched at run time.
 * `compromise/two` is the tagger without the phrase-level API of the full build — we only read tags.
 */
export interface Token {
  text: string;
  /** Lowercase, punctuation-free form. */
  normal: string;
  /** Offsets in the article text. */
  start: number;
  end: number;
  /** Punctuation and spaces before and after the word, as compromise splits them. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  /** First word of a sentence as compromise splits them: its capital says nothing about being a name. */
  first: boolean;
}

/**
 * Curly apostrophes become straight ones before tagging (one UTF-16 unit for one, so offsets hold): compromise
 * reads "Korea's" as a possessive of Korea but "Korea’s" as an unknown word.
 */
export function normaliseApostrophes(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * Tagging costs tens of milliseconds per 5 KB; re-analysing after a correction re-tags only the fields that
 * changed, because results are kept per field text. The cache never changes an answer, only its cost.
 */
const CACHE_LIMIT = 2000;
const cache = new Map<string, readonly Token[]>();

/** Tokens of one field's text, with offsets shifted by `offset` into the article text. */
export function tokenise(text: string, offset: number): Token[] {
  let local = cache.get(text);
  if (local) {
    cache.delete(text); // refresh its place in the eviction order
  } else {
    local = tag(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(text, local);
  return local.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
}

function tag(text: string): Token[] {
  const normalised = normaliseApostrophes(text);
  const out: Token[] = [];
  let cursor = 0;
  for (const sentence of nlp(normalised).docs) {
    sentence.forEach((term, i) => {
      // compromise keeps every character in pre/text/post, but finding the word is cheaper than trusting that.
      const start = normalised.indexOf(term.text, cursor);
      if (start === -1 || term.text === '') return;
      cursor = start + term.text.length;
      out.push({
        text: term.text,
        normal: term.normal,
        start,
        end: cursor,
        pre: term.pre,
        post: term.post,
        tags: term.tags ?? new Set<string>(),
        first: i === 0,
      });
    });
  }
  return out;
}

/** The tokens lying inside start..end (tokens are sorted by position). */
export function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.end <= end; i++) out.push(tokens[i]!);
  return out;
}
