import { makeAnchor } from './anchors.js';
import { NUMBER_WORDS, SPEECH_VERBS, SUPERLATIVE_WORDS } from './lexicon.js';
import { wordingKey } from './quotes.js';
import { sentenceTense } from './tense.js';
import { tokensIn, type Token } from './tokens.js';
import type { Claim, ClaimFeature, ClaimFeatureKind, DateMention, Entity, Sentence } from './types.js';

/**
 * How much each kind of evidence adds to a sentence's score. The score is exactly the sum of the weights of the
 * features listed with it, so an editor can see why one sentence outranks another. Hard, checkable content
 * (figures, dates, who said it, rankings) weighs twice what a mere name does.
 */
export const CLAIM_WEIGHTS: Readonly<Record<ClaimFeatureKind, number>> = {
  number: 2,
  date: 2,
  attribution: 2,
  comparison: 2,
  superlative: 2,
  'named entity': 1,
  'statement of fact': 1,
};

/** Sentences scoring at least this are proposed: one hard feature plus a name, or three names. */
export const CLAIM_THRESHOLD = 3;

const DIGITS = /(?<![\p{L}\p{N}])[$€£¥]?\d+(?:[.,]\d+)*(?:\s?%|\s?percent\b)?/gu;
const COMPARISONS = /\b(?:(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|older|younger|faster|slower|longer|shorter)\s+than|as\s+(?:many|much|few|little)\s+as|(?:at\s+least|at\s+most|up\s+to|nearly|almost|nearly)(?=\s+[$€£]?\d))\b/giu;
const MODALS = /^(?:will|would|may|might|could|should|can|must|shall)$/;

export interface ClaimInputs {
  text: string;
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  entities: readonly Entity[];
  dates: readonly DateMention[];
}

/**
 * Check-worthy sentences, best first (ties in reading order). Questions are never claims. A sentence repeated
 * (a highlight restating the body) is proposed each time, with `repeatOf` pointing at the first.
 */
export function proposeClaims(input: ClaimInputs): Claim[] {
  const scored: Claim[] = [];
  for (const s of input.sentences) {
    if (/\?[”"’')\]]*$/u.test(s.text)) continue;
    const features = featuresOf(s, input);
    const score = features.reduce((sum, f) => sum + f.weight, 0);
    if (score < CLAIM_THRESHOLD) continue;
    scored.push({
      text: s.text,
      score,
      reasons: features.map((f) => `${f.kind}: ${f.value}`),
      features,
      anchor: makeAnchor(input.text, s.start, s.end),
      field: s.field,
      repeatOf: null,
    });
    const main = mainClause(s);
    if (main) {
      const mainFeatures = featuresOf(main, input);
      const mainScore = mainFeatures.reduce((sum, f) => sum + f.weight, 0);
      // The clause is what gets checked ("X signed a pact last year"), stated as a sentence; its anchor is verbatim.
      if (mainScore >= CLAIM_THRESHOLD) {
        scored.push({
          text: `${main.text}.`,
          score: mainScore,
          reasons: mainFeatures.map((f) => `${f.kind}: ${f.value}`),
          features: mainFeatures,
          anchor: makeAnchor(input.text, main.start, main.end),
          field: s.field,
          repeatOf: null,
        });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score || a.anchor.start - b.anchor.start);
  const firstSeen = new Map<string, number>();
  scored.forEach((c, i) => {
    const k = wordingKey(c.text);
    const j = firstSeen.get(k);
    if (j === undefined) firstSeen.set(k, i);
    else c.repeatOf = j;
  });
  return scored;
}

/**
 * A sentence that runs on after its main statement (", when …", ", which …", ", after …") carries a claim a
 * checker can rule on by itself: the main clause.
 */
const RUN_ON = /^(.{24,}?),\s+(?:when|which|who|after|before|while|as|because|although|though|where|whereas)\b/u;

export function mainClause(s: Sentence): Sentence | null {
  const m = RUN_ON.exec(s.text);
  if (!m) return null;
  const text = m[1]!.trimEnd();
  return { text, start: s.start, end: s.start + text.length, field: s.field };
}

/** Every feature of one sentence, each distinct reason once, in a fixed order. */
export function featuresOf(s: Sentence, input: ClaimInputs): ClaimFeature[] {
  const out: ClaimFeature[] = [];
  const seen = new Set<string>();
  const add = (kind: ClaimFeatureKind, value: string): void => {
    const k = `${kind}: ${value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ kind, value, weight: CLAIM_WEIGHTS[kind] });
  };
  const tokens = tokensIn(input.tokens, s.start, s.end);

  for (const m of s.text.matchAll(DIGITS)) add('number', m[0]);
  for (const t of tokens) if (NUMBER_WORDS.has(t.normal) && !/\d/.test(t.text)) add('number', t.text);

  for (const d of input.dates) if (d.anchor.start >= s.start && d.anchor.end <= s.end) add('date', d.text);

  for (const t of tokens) if (SPEECH_VERBS.has(t.normal) && t.tags.has('Verb')) add('attribution', t.normal);
  if (/\baccording to\b/i.test(s.text)) add('attribution', 'according to');

  for (const m of s.text.matchAll(COMPARISONS)) add('comparison', m[0].toLowerCase().replace(/\s+/g, ' '));
  // compromise also tags some comparatives ("earlier") as superlatives; only "-est" words and the list count.
  for (const t of tokens) if ((t.tags.has('Superlative') && /est$/.test(t.normal)) || SUPERLATIVE_WORDS.has(t.normal)) add('superlative', t.normal);

  const named = input.entities.filter((e) => e.anchors.some((a) => a.start >= s.start && a.end <= s.end));
  const byPosition = named.map((e) => ({ e, at: e.anchors.find((a) => a.start >= s.start)!.start })).sort((a, b) => a.at - b.at);
  for (const { e } of byPosition) add('named entity', e.name);

  // A statement of fact: names something and asserts it with a finite verb (not a bare "to …" or "-ing"). What
  // someone "is expected to" or "will" do is a prediction, not yet a fact.
  if (named.length > 0 && sentenceTense(s.text, tokens) !== 'future') {
    const verb = tokens.find((t) => t.tags.has('Verb') && (t.tags.has('PastTense') || t.tags.has('PresentTense')) && !t.tags.has('Infinitive') && !t.tags.has('Gerund') && !t.tags.has('Auxiliary') && !MODALS.test(t.normal));
    if (verb) add('statement of fact', verb.normal);
  }
  return out;
}
