import type { ArticleContent } from '../model.js';
import { makeAnchor } from './anchors.js';
import { articleText } from './article-text.js';
import { attributeQuote } from './attribution.js';
import { proposeClaims } from './claims.js';
import { findDates } from './dates.js';
import { applyEntityFixes, collectEntities, entityKey } from './entities.js';
import { findMentions, type Mention } from './names.js';
import { quoteSpans, wordingKey, type QuoteSpan } from './quotes.js';
import { sentencesOf } from './sentences.js';
import { tokenise, type Token } from './tokens.js';
import type { Analysis, ArticleText, Entity, EntityFix, Quote, Sentence } from './types.js';

/** Everything the analyses share, computed once per article. */
export interface PreparedArticle {
  content: ArticleContent;
  at: ArticleText;
  sentences: Sentence[];
  /** All tokens in reading order (the dateline label is not tokenised). */
  tokens: Token[];
  mentions: Mention[];
  quotes: QuoteSpan[];
}

export function prepareArticle(content: ArticleContent): PreparedArticle {
  const at = articleText(content);
  const segmentTokens = at.segments.map((s) => (s.field === 'datelineText' ? [] : tokenise(at.text.slice(s.start, s.end), s.start)));
  return {
    content,
    at,
    sentences: sentencesOf(at),
    tokens: segmentTokens.flat(),
    mentions: findMentions(at, segmentTokens),
    quotes: quoteSpans(at),
  };
}

export interface AnalyseOptions {
  /** The editor's stored entity corrections, replayed over the fresh list (and so over claims' reasons). */
  entityFixes?: readonly EntityFix[];
}

/**
 * The whole offline fact-check pass over an article's current content. Deterministic: the same content (and
 * fixes) always gives the same result, in the same order. Nothing is fetched; every model is in the packages.
 */
export function analyseArticle(content: ArticleContent, options: AnalyseOptions = {}): Analysis {
  const p = prepareArticle(content);
  const found = collectEntities(p.at, p.mentions, content.dateline);
  const entities = options.entityFixes && options.entityFixes.length > 0 ? applyEntityFixes(found, options.entityFixes, p.at.text) : found;
  const dates = findDates({ text: p.at.text, sentences: p.sentences, tokens: p.tokens, quotes: p.quotes, updated: content.updated });
  const quotes = findQuotesIn(p, entities);
  const claims = proposeClaims({ text: p.at.text, sentences: p.sentences, tokens: p.tokens, entities, dates });
  return { claims, quotes, entities, dates, removedEntities: removedBy(found, entities) };
}

/** Names the analysis found that the editor's fixes took away (not merely renamed), so they can be restored. */
function removedBy(found: readonly Entity[], fixed: readonly Entity[]): Analysis['removedEntities'] {
  if (found === fixed) return [];
  const kept = new Set(fixed.flatMap((e) => [e.name, ...e.aliases].map(entityKey)));
  return found.filter((e) => !kept.has(entityKey(e.name))).map((e) => ({ name: e.name, type: e.type }));
}

/**
 * Quotes with their speakers. A quote repeated word for word (a highlight restating the body) is listed at each
 * place it stands — each is a place an editor must check and a correction must reach — and the later ones point at
 * the first through `repeatOf`, so a count of distinct quotes is one filter away.
 */
export function findQuotesIn(p: PreparedArticle, entities: readonly Entity[]): Quote[] {
  const ctx = { text: p.at.text, sentences: p.sentences, tokens: p.tokens, mentions: p.mentions, quotes: p.quotes };
  const firstSeen = new Map<string, number>();
  return p.quotes.map((q, i): Quote => {
    const speaker = attributeQuote(ctx, q);
    const words = p.at.text.slice(q.start, q.end);
    const k = wordingKey(words);
    const repeatOf = firstSeen.get(k) ?? null;
    if (repeatOf === null) firstSeen.set(k, i);
    return {
      text: words,
      speaker: speaker?.name ?? null,
      speakerEntity: speaker ? (entities.find((e) => e.anchors.some((a) => a.start === speaker.start && a.end === speaker.end))?.name ?? null) : null,
      anchor: makeAnchor(p.at.text, q.start, q.end),
      field: q.field,
      repeatOf,
    };
  });
}
