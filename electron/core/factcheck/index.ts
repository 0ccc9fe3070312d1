/**
 * The offline fact-check core: pure functions from an article's current content to proposed claims, direct
 * quotes, entities and dates, plus anchors that survive corrections. Plain Node/TypeScript; nothing here imports
 * Electron, reads files or uses the network.
 */
export { analyseArticle, prepareArticle, findQuotesIn, type AnalyseOptions, type PreparedArticle } from './analyse.js';
export { articleText, fieldAt, segmentAt, FIELD_SEPARATOR } from './article-text.js';
export { makeAnchor, reanchor, CONTEXT_CHARS, FUZZY_THRESHOLD, FUZZY_MIN_CONTEXT } from './anchors.js';
export { splitSentences, sentencesOf } from './sentences.js';
export { proposeClaims, featuresOf, CLAIM_WEIGHTS, CLAIM_THRESHOLD } from './claims.js';
export { findDates } from './dates.js';
export { applyEntityFixes, collectEntities, entityKey, occurrences } from './entities.js';
export { checkVerdict, hasFalseOrMisleading, hasUncheckedClaims } from './verdict-scale.js';
export { quoteSpans, type QuoteSpan } from './quotes.js';
export type {
  Analysis, Anchor, ArticleText, Claim, ClaimFeature, ClaimFeatureKind, DateMention, DatePrecision, Entity, EntityFix,
  EntityType, Quote, Reanchored, Segment, SegmentField, Sentence,
} from './types.js';
