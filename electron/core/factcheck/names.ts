import { COUNTRY_ACRONYMS, DIRECTIONS, NAME_PARTICLES, ORG_FOLLOWERS, PLACE_LEADERS, PLACE_NOUNS, ROLE_NOUNS, SPEECH_VERBS, TITLES } from './lexicon.js';
import { normaliseApostrophes, type Token } from './tokens.js';
import type { ArticleText, EntityType } from './types.js';

/**
 * One place a name occurs. compromise tags words as people, places and organisations from its lexicon; this
 * module turns those tagged words into whole names and repairs what a news text typically trips it on:
 *  - names it splits or leaves untagged ("Kim Jong" + "Un", "Zabihullah Mujahid"): any run of capitalised words
 *    that does not open a sentence is a name candidate;
 *  - titles and nationalities glued to names ("Russian President Vladimir Putin" → "Vladimir Putin");
 *  - possessives ("North Korea’s" → "North Korea");
 *  - lists and punctuation it runs together ("Pyongyang, North Korea" is two places);
 *  - names it does not know, typed from their neighbours: a role word before ("spokesman X") or a speech verb
 *    after ("X said") makes a person; "X spokesman" an organisation; "in X", "liberating X" or "the X border" a
 *    place; a name listed with places ("Qatar, Turkiye and Saudi Arabia") takes their type.
 * A name nothing types stays untyped: speakers can still be found by it, but it is not reported as an entity.
 */
export interface Mention {
  name: string;
  start: number;
  end: number;
  type: EntityType | null;
  /** For "(KCNA)" right after "Korean Central News Agency": the full name it abbreviates. */
  aliasOf: string | null;
}

/** Heads of organisation names, which a leading title word does not turn into a person ("Defense Ministry"). */
const ORG_HEADS = new Set(['ministry', 'court', 'council', 'department', 'party', 'agency', 'army', 'bank', 'commission', 'committee', 'office', 'assembly', 'parliament', 'motors', 'guard', 'command', 'staff', 'forces', 'navy', 'corps', 'house', 'cabinet']);
const DATE_TAGS = ['Date', 'Month', 'WeekDay', 'Duration', 'Time', 'Year', 'Value'];
const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym'];
/** Words that open sentences but are never names, whatever else the article calls "The". */
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord'];

export function findMentions(at: ArticleText, segmentTokens: readonly (readonly Token[])[]): Mention[] {
  const pass = (known: ReadonlySet<string>): Mention[] => {
    const out: Mention[] = [];
    at.segments.forEach((seg, i) => {
      if (seg.field === 'datelineText') return;
      out.push(...mentionsIn(at.text, segmentTokens[i] ?? [], known));
    });
    return out;
  };
  // A sentence's first word is capitalised anyway, so an unknown one there ("Mujahid said …") is only taken for a
  // name when the article names it elsewhere ("spokesman Zabihullah Mujahid"): hence a second pass.
  const first = pass(new Set());
  const known = new Set(first.filter((m) => m.type !== null).flatMap((m) => m.name.split(' ')));
  return known.size === 0 ? first : pass(known);
}

interface Part {
  tokens: Token[];
  titled: boolean;
}

function mentionsIn(text: string, tokens: readonly Token[], known: ReadonlySet<string>): Mention[] {
  const titleCase = isTitleCase(tokens);
  const like = tokens.map((t, i) => isNameLike(t, titleCase, known, tokens[i + 1]));
  const parts: Part[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!like[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1]!;
      const cur = tokens[j]!;
      if (!joined(prev, cur)) break;
      // "Korea's" ends a name, but an organisation may carry a possessive inside ("Korean People's Army").
      if (isPossessive(prev) && !(prev.tags.has('Organization') && cur.tags.has('Organization'))) break;
      if (like[j]) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (next && like[j + 1] && joined(cur, next) && isConnector(prev, cur)) {
        j += 2;
        continue;
      }
      break;
    }
    parts.push(...splitTitles(tokens.slice(i, j)));
    i = j;
  }

  const mentions: (Mention & { first: Token; last: Token })[] = [];
  const position = new Map(tokens.map((t, k) => [t, k]));
  for (const part of parts) {
    const toks = cleanPart(part.tokens);
    if (!toks) continue;
    const first = toks[0]!;
    const last = toks[toks.length - 1]!;
    const end = last.end - possessiveLength(last.text);
    const name = normaliseApostrophes(text.slice(first.start, end));
    if (name === '') continue;
    const before = tokens[position.get(first)! - 1];
    const after = tokens[position.get(last)! + 1];
    mentions.push({ name, start: first.start, end, type: classify(toks, before, after, part.titled), aliasOf: null, first, last });
  }

  // A parenthesised acronym right after a name is that name's short form: "Korean Central News Agency (KCNA)".
  for (let k = 1; k < mentions.length; k++) {
    const m = mentions[k]!;
    const p = mentions[k - 1]!;
    if (isAcronym(m.first) && m.first.pre.includes('(') && text.slice(p.end, m.start).trim() === '(' && p.type !== null && m.name[0] === p.name[0]) {
      m.aliasOf = p.name;
      m.type = p.type;
    }
  }

  // Names in a list share a type: "hosted by Qatar, Turkiye and Saudi Arabia".
  for (let pass = 0; pass < 2; pass++) {
    mentions.forEach((m, k) => {
      if (m.type !== null) return;
      for (const n of [mentions[k - 1], mentions[k + 1]]) {
        if (!n || n.type === null) continue;
        const gap = n.start > m.start ? text.slice(m.end, n.start) : text.slice(n.end, m.start);
        if (/^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(gap)) {
          m.type = n.type;
          return;
        }
      }
    });
  }
  return mentions.map(({ name, start, end, type, aliasOf }) => ({ name, start, end, type, aliasOf }));
}

/**
 * In a Title Case Headline every word has a capital, so a capital says nothing; there only words the lexicon
 * tags as names count. Judged on the words the lexicon does not know as names (a caption full of names is not
 * title case).
 */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text) && !NAME_TAGS.some((g) => t.tags.has(g)) && !DATE_TAGS.some((g) => t.tags.has(g)));
  return words.length >= 3 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.6;
}

function isNameLike(t: Token, titleCase: boolean, known: ReadonlySet<string>, next: Token | undefined): boolean {
  if (!/^\p{Lu}/u.test(t.text)) return false;
  if (DATE_TAGS.some((g) => t.tags.has(g)) || t.tags.has('Pronoun')) return false;
  if (NAME_TAGS.some((g) => t.tags.has(g))) return true;
  // An untagged capitalised word is a name unless its capital comes from starting a sentence or a quote.
  if (titleCase) return false;
  if (t.first || /[“"‘(]/.test(t.pre)) {
    if (FUNCTION_TAGS.some((g) => t.tags.has(g))) return false;
    if (known.has(normaliseApostrophes(t.text).replace(/'s?$/, ''))) return true;
    // "Lavrov told …": one unknown singular word right before a speech verb is a speaker ("Officials said" is not).
    return next !== undefined && joined(t, next) && SPEECH_VERBS.has(next.normal) && next.tags.has('Verb') && !t.tags.has('Plural') && !t.tags.has('Uncountable');
  }
  return true;
}

/** Words of one name are separated by one space (or a hyphen), with no punctuation between. */
function joined(prev: Token, cur: Token): boolean {
  return /^(?:[ \u00a0]|-)?$/.test(prev.post) && cur.pre === '';
}

function isPossessive(t: Token): boolean {
  return possessiveLength(t.text) > 0;
}

function possessiveLength(word: string): number {
  const w = normaliseApostrophes(word);
  if (/\p{L}'s$/u.test(w)) return 2;
  if (/s'$/.test(w)) return 1;
  return 0;
}

function isConnector(prev: Token, cur: Token): boolean {
  if (NAME_PARTICLES.has(cur.text)) return true;
  return (cur.text === 'of' || cur.text === 'for') && (prev.tags.has('Organization') || ORG_HEADS.has(prev.normal));
}

function isAcronym(t: Token): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(t.text);
}

function isTitle(t: Token): boolean {
  return (t.tags.has('Honorific') || TITLES.has(t.normal.replace(/\.$/, ''))) && !t.tags.has('Organization');
}

/**
 * "US President Trump" is a place and a person: the words before a title are their own name, the words after it
 * are a person's name. A title of an organisation ("Defense Ministry") is left alone.
 */
function splitTitles(run: Token[]): Part[] {
  let t = -1;
  for (let k = run.length - 1; k >= 0; k--) {
    if (isTitle(run[k]!)) {
      t = k;
      break;
    }
  }
  if (t === -1) return [{ tokens: run, titled: false }];
  const rest = run.slice(t + 1);
  if (rest.some((x) => ORG_HEADS.has(x.normal) || x.tags.has('Organization') || x.tags.has('Place'))) return [{ tokens: run, titled: false }];
  let g = t;
  while (g > 0 && isTitle(run[g - 1]!)) g--;
  const parts: Part[] = [];
  if (g > 0) parts.push({ tokens: run.slice(0, g), titled: false });
  if (rest.length > 0) parts.push({ tokens: rest, titled: true });
  return parts;
}

/** Drops nationality words before a name ("Afghan Taliban" → "Taliban") and runs that are only adjectives. */
function cleanPart(tokens: Token[]): Token[] | null {
  let toks = tokens;
  while (toks.length > 1 && toks[0]!.tags.has('Demonym')) toks = toks.slice(1);
  const last = toks[toks.length - 1];
  if (!last || last.tags.has('Demonym')) return null; // "North Korean", "South Asian": adjectives, not names
  if (toks.length === 1 && DIRECTIONS.has(last.normal)) return null;
  return toks;
}

function classify(toks: Token[], before: Token | undefined, after: Token | undefined, titled: boolean): EntityType | null {
  if (toks.length === 1 && isAcronym(toks[0]!)) return COUNTRY_ACRONYMS.has(toks[0]!.text) || toks[0]!.tags.has('Place') ? 'place' : 'organization';
  if (titled) return 'person';
  const votes = { organization: 0, person: 0, place: 0 };
  for (const t of toks) {
    if (t.tags.has('Organization')) votes.organization++;
    if (t.tags.has('Person')) votes.person++;
    if (t.tags.has('Place')) votes.place++;
  }
  const best = (['organization', 'person', 'place'] as const).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  if (votes[best] > 0) return best;
  const last = toks[toks.length - 1]!;
  if (before && ROLE_NOUNS.has(before.normal) && joined(before, toks[0]!)) return 'person';
  if (after && joined(last, after) && ORG_FOLLOWERS.has(after.normal)) return 'organization';
  if (after && SPEECH_VERBS.has(after.normal) && after.tags.has('Verb')) return 'person';
  if (before && PLACE_LEADERS.has(before.normal)) return 'place';
  if (after && joined(last, after) && PLACE_NOUNS.has(after.normal)) return 'place';
  return null;
}
