import { ROLE_NOUNS, SPEAKER_ADVERBS, SPEECH_VERBS } from './lexicon.js';
import type { Mention } from './names.js';
import type { QuoteSpan } from './quotes.js';
import type { Token } from './tokens.js';
import type { Sentence } from './types.js';

/**
 * Who said a quote, when the text names them in the quote's sentence or, failing that, the sentence before.
 * Speech verbs ("said", "added", "pledged", "according to"…) are found outside quotation marks; their speaker is the
 * name right before the verb (titles and words like "in turn" may stand between) or right after it (`said X`,
 * `according to X`). Which verb speaks for the quote, in order:
 *  1. an attribution right after the quote: `“…,” KCNA added`, `“…,” spokesman Mosharraf Zaidi said`, `“…,” said X`;
 *  2. a sentence-closing attribution covering the whole sentence: `… “…” on Tuesday …, the official KCNA said.`;
 *  3. the nearest verb before the quote: `Kim in turn pledged that North Korea would “…”`;
 *  4. the nearest verb after it.
 * A pronoun speaker ("he said") is the named speaker of the sentence before. A speaker described but not named
 * ("A spokesman for Pakistan’s Prime Minister accused …") gives null — the quote is attributed, just not to a name,
 * so the sentence before is not consulted. With no speech verb at all, a sentence that is (nearly) only the quote
 * continues the previous sentence's speaker; a sentence with its own subject ("Officials called it “a signal”")
 * gives null rather than a borrowed name.
 */
export interface AttributionContext {
  text: string;
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  mentions: readonly Mention[];
  quotes: readonly QuoteSpan[];
}

type Speaker = { kind: 'named'; mention: Mention } | { kind: 'pronoun'; start: number } | { kind: 'unnamed' };
interface Verb {
  start: number;
  end: number;
  word: string;
}

const ADVERBS = SPEAKER_ADVERBS.map((a) => a.replace(/ /g, '\\s+')).join('|');
/** Between a speaker's name and the verb: a bracketed short form, adverbs, auxiliaries, "on Tuesday". */
const SUBJECT_GAP = new RegExp(`^[\\s)]*(?:\\([^()]{1,20}\\)\\s*)?(?:,?\\s*(?:${ADVERBS}|on\\s+\\p{Lu}\\p{Ll}+day)\\s*,?)*\\s*$`, 'u');
const PRONOUN_BEFORE = new RegExp(`\\b(?:he|she|they|we|i|it)\\s+(?:(?:${ADVERBS})\\s+)*$`, 'iu');
/** "X spokesman Y": a role word between an organisation and a person. */
const ROLE_GAP = new RegExp(`^(?:'s)?\\s+(?:${[...ROLE_NOUNS].join('|')})\\s+$`, 'u');
/** Up to three lowercase words: a determiner, a title ("spokesman"), "the official". */
const FEW_LOWERCASE = /^(?:[\p{Ll}'’-]+\s+){0,3}$/u;

export function attributeQuote(ctx: AttributionContext, q: QuoteSpan): Mention | null {
  const inQuote = (pos: number): boolean => ctx.quotes.some((o) => pos >= o.open && pos < o.close);
  const within = ctx.sentences.filter((s) => s.end > q.open && s.start < q.close);
  if (within.length === 0) return null;
  const from = within[0]!.start;
  const to = within[within.length - 1]!.end;
  const verbs = speechVerbs(ctx, from, to).filter((v) => !inQuote(v.start));
  const mentions = ctx.mentions.filter((m) => m.start >= from && m.end <= to && !inQuote(m.start));

  const speaker = chooseSpeaker(ctx, q, verbs, mentions, from, to);
  if (speaker?.kind === 'named') return speaker.mention;
  if (speaker?.kind === 'unnamed') return null;
  if (speaker?.kind === 'pronoun') return fromSentenceBefore(ctx, within[0]!, true);
  // No speech verb: only a sentence that is (nearly) nothing but the quote continues the previous speaker.
  const outside = ctx.quotes.filter((o) => o.open < to && o.close > from).reduce((rest, o) => rest.replace(ctx.text.slice(o.open, o.close), ' '), ctx.text.slice(from, to));
  return (outside.match(/\p{L}+/gu) ?? []).length <= 2 ? fromSentenceBefore(ctx, within[0]!, false) : null;
}

function chooseSpeaker(ctx: AttributionContext, q: QuoteSpan, verbs: Verb[], mentions: Mention[], from: number, to: number): Speaker | null {
  const { text } = ctx;
  const nextOpen = ctx.quotes.find((o) => o.open >= q.close && o.open < to)?.open ?? to;
  const after = verbs.filter((v) => v.start >= q.close);
  const before = verbs.filter((v) => v.end <= q.open);

  // 1. Right after the quote (before any next quote).
  const next = after.find((x) => x.start < nextOpen);
  if (next) {
    const sp = speakerOf(text, next, mentions, from);
    if (sp.kind === 'named' && sp.mention.start >= q.close && FEW_LOWERCASE.test(text.slice(q.close, Math.min(sp.mention.start, next.start)).replace(/^[\s,;:—–-]+/u, ''))) return sp;
    if (sp.kind === 'pronoun' && /^[\s,;:—–-]*$/u.test(text.slice(q.close, sp.start))) return sp;
  }
  // 2. A closing attribution for the whole sentence: ", the official KCNA said." / ", X said in a statement."
  const sentenceEnd = ctx.sentences.find((s) => s.start <= q.open && s.end >= q.close)?.end ?? to;
  const last = [...after].reverse().find((v) => v.end <= sentenceEnd);
  if (last && /^[^,;“”"]*$/u.test(text.slice(last.end, sentenceEnd))) {
    const sp = speakerOf(text, last, mentions, from);
    if (sp.kind === 'named' && sp.mention.start >= q.close) {
      // The clause opens after a comma or a closing quotation mark: `…,” the official X said.`
      const lead = text.slice(q.close, sp.mention.start);
      const opener = Math.max(lead.lastIndexOf(','), lead.lastIndexOf('”'), lead.lastIndexOf('"'));
      if ((opener !== -1 || lead.trim() === '') && FEW_LOWERCASE.test(lead.slice(opener + 1).trimStart())) return sp;
    }
  }
  // 3. The nearest verb before the quote, then 4. the nearest after.
  const nearestBefore = before[before.length - 1];
  if (nearestBefore) return speakerOf(text, nearestBefore, mentions, from);
  if (after[0]) return speakerOf(text, after[0], mentions, from);
  return null;
}

/** The speaker a verb names: subject before it, object after it (`said X`, `according to X`), or a pronoun. */
function speakerOf(text: string, v: Verb, mentions: Mention[], from: number): Speaker {
  if (v.word !== 'according to') {
    // A bracketed short form is not the subject: "the Korean Central News Agency (KCNA) said" names the agency.
    const subject = [...mentions].reverse().find((m) => m.end <= v.start && m.aliasOf === null);
    if (subject && SUBJECT_GAP.test(text.slice(subject.end, v.start))) return { kind: 'named', mention: subject };
    const lead = text.slice(from, v.start);
    const pronoun = PRONOUN_BEFORE.exec(lead);
    if (pronoun) return { kind: 'pronoun', start: from + pronoun.index };
  }
  // The object form: only `according to X`, or a verb straight after a quote or a comma (`,” said X`).
  if (v.word === 'according to' || /[,”"]\s*$/u.test(text.slice(from, v.start))) {
    const k = mentions.findIndex((m) => m.start >= v.end);
    const object = mentions[k];
    if (object && FEW_LOWERCASE.test(text.slice(v.end, object.start).trimStart())) {
      // "according to the Foreign Ministry spokesman Wang Wenbin": the person, not the ministry.
      const person = mentions[k + 1];
      if (person && ROLE_GAP.test(text.slice(object.end, person.start))) return { kind: 'named', mention: person };
      return { kind: 'named', mention: object };
    }
  }
  return { kind: 'unnamed' };
}

function speechVerbs(ctx: AttributionContext, from: number, to: number): Verb[] {
  const out: Verb[] = [];
  for (const t of ctx.tokens) {
    if (t.start < from || t.end > to) continue;
    if (SPEECH_VERBS.has(t.normal) && t.tags.has('Verb')) out.push({ start: t.start, end: t.end, word: t.normal });
  }
  const span = ctx.text.slice(from, to);
  for (const m of span.matchAll(/\baccording to\b/giu)) out.push({ start: from + m.index, end: from + m.index + m[0].length, word: 'according to' });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The sentence before: the previous one in the same field, or the last of the previous paragraph. Its named
 * speaker (the last one, nearest the quote) is taken; for a pronoun, failing that, its only person.
 */
function fromSentenceBefore(ctx: AttributionContext, first: Sentence, pronoun: boolean): Mention | null {
  const i = ctx.sentences.indexOf(first);
  const prev = ctx.sentences[i - 1];
  if (!prev) return null;
  const sameField = prev.field === first.field;
  const paragraphs = /^paragraph:(\d+)$/.exec(prev.field) && /^paragraph:(\d+)$/.exec(first.field)
    && Number(first.field.split(':')[1]) === Number(prev.field.split(':')[1]) + 1;
  if (!sameField && !paragraphs) return null;
  const inQuote = (pos: number): boolean => ctx.quotes.some((o) => pos >= o.open && pos < o.close);
  const mentions = ctx.mentions.filter((m) => m.start >= prev.start && m.end <= prev.end && !inQuote(m.start));
  const verbs = speechVerbs(ctx, prev.start, prev.end).filter((v) => !inQuote(v.start));
  for (const v of [...verbs].reverse()) {
    const sp = speakerOf(ctx.text, v, mentions, prev.start);
    if (sp.kind === 'named') return sp.mention;
  }
  if (pronoun) {
    const people = mentions.filter((m) => m.type === 'person');
    if (people.length > 0 && people.every((p) => p.name === people[0]!.name)) return people[0]!;
  }
  return null;
}
