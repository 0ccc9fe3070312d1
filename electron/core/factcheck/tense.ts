import type { Token } from './tokens.js';

export type Tense = 'future' | 'past' | 'unknown';

/**
 * Whether a sentence talks about what will happen or what happened, which decides what a bare "Friday" or
 * "October" means. Future wording is looked for first, because it often contains a past participle ("is
 * expected to", "was scheduled to"). "will" counts only as the tagger's modal verb: "their will to strengthen
 * cooperation" is a noun.
 */
const FUTURE_PHRASE = /\b(?:is|are|was|were|be)\s+(?:expected|due|scheduled|set|slated|poised|going|planning|likely|about)\s+to\b|\b(?:plans?|planned|intends?|aims?|hopes?)\s+to\b|\b(?:upcoming|forthcoming)\b/i;

export function sentenceTense(sentence: string, tokens: readonly Token[]): Tense {
  if (FUTURE_PHRASE.test(sentence)) return 'future';
  if (tokens.some((t) => (/^(?:will|shall|won't|wont)$/.test(t.normal) && (t.tags.has('Modal') || t.tags.has('Auxiliary'))) || /['’]ll$/i.test(t.text))) return 'future';
  if (tokens.some((t) => t.tags.has('PastTense') || (t.tags.has('Verb') && /^(?:has|have|had)$/.test(t.normal)))) return 'past';
  return 'unknown';
}
