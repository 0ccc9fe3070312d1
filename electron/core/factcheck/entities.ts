import { makeAnchor } from './anchors.js';
import type { Mention } from './names.js';
import { normaliseApostrophes } from './tokens.js';
import type { ArticleText, Entity, EntityFix, EntityType } from './types.js';

/**
 * The article's people, organisations and places, each counted once per mention. Mentions are folded together so
 * the count is per real-world thing, not per spelling:
 *  - a one-word person name that is the first or last word of exactly one longer person name in the article is
 *    that person ("Putin" → "Vladimir Putin", "Kim" → "Kim Jong Un"); with two candidates it stays apart;
 *  - an acronym introduced in brackets counts under the full name ("KCNA" → "Korean Central News Agency");
 *  - an untyped mention of a name typed elsewhere in the article counts under it ("since the Taliban took power");
 *  - case is ignored ("KABUL" in the dateline is "Kabul").
 * A name typed differently in different places takes its most frequent type (ties: the first seen).
 */
export function collectEntities(at: ArticleText, mentions: readonly Mention[], dateline: string | null): Entity[] {
  const all = [...mentions, ...datelineMentions(at, dateline)].sort((a, b) => a.start - b.start);

  const fullNames = all.filter((m) => m.type === 'person' && m.aliasOf === null && m.name.includes(' ')).map((m) => m.name);
  const canonical = new Map<string, string>(); // key → display name it counts under
  for (const m of all) {
    if (m.aliasOf !== null) {
      canonical.set(key(m.name), m.aliasOf);
      continue;
    }
    if (m.type === 'person' && !m.name.includes(' ')) {
      const hosts = [...new Set(fullNames.filter((f) => {
        const words = f.split(' ');
        return words[0] === m.name || words[words.length - 1] === m.name;
      }))];
      if (hosts.length === 1) canonical.set(key(m.name), hosts[0]!);
    }
  }
  const resolve = (name: string): string => {
    let n = name;
    for (let hops = 0; hops < 3 && canonical.has(key(n)); hops++) n = canonical.get(key(n))!;
    return n;
  };

  interface Acc { name: string; votes: Map<EntityType, number>; firstType: EntityType | null; aliases: Set<string>; spans: { start: number; end: number }[] }
  const byKey = new Map<string, Acc>();
  const untyped: Mention[] = [];
  for (const m of all) {
    if (m.type === null) {
      untyped.push(m);
      continue;
    }
    const name = resolve(m.name);
    const k = key(name);
    let acc = byKey.get(k);
    if (!acc) {
      acc = { name, votes: new Map(), firstType: m.type, aliases: new Set(), spans: [] };
      byKey.set(k, acc);
    }
    acc.votes.set(m.type, (acc.votes.get(m.type) ?? 0) + 1);
    if (key(m.name) !== k) acc.aliases.add(m.name);
    acc.spans.push({ start: m.start, end: m.end });
  }
  for (const m of untyped) {
    const acc = byKey.get(key(resolve(m.name)));
    if (!acc) continue;
    if (key(m.name) !== key(acc.name)) acc.aliases.add(m.name);
    acc.spans.push({ start: m.start, end: m.end });
  }

  const entities = [...byKey.values()].map((acc): Entity => {
    let type = acc.firstType!;
    for (const [t, n] of acc.votes) if (n > (acc.votes.get(type) ?? 0)) type = t;
    const spans = acc.spans.sort((a, b) => a.start - b.start);
    return { name: acc.name, type, count: spans.length, aliases: [...acc.aliases].sort(), anchors: spans.map((s) => makeAnchor(at.text, s.start, s.end)) };
  });
  return sortEntities(entities);
}

/**
 * The dateline is a place by definition (the parser already found it), so it is taken as one without asking the
 * tagger, written in ordinary case ("SEOUL" → "Seoul"). "SEOUL/MOSCOW" names two places.
 */
function datelineMentions(at: ArticleText, dateline: string | null): Mention[] {
  const seg = at.segments.find((s) => s.field === 'datelineText');
  if (!seg || !dateline) return [];
  const label = at.text.slice(seg.start, seg.end);
  const out: Mention[] = [];
  let from = 0;
  for (const raw of dateline.split('/')) {
    const place = raw.trim();
    const i = place === '' ? -1 : label.indexOf(place, from);
    if (i === -1) continue;
    from = i + place.length;
    out.push({ name: ordinaryCase(place), start: seg.start + i, end: seg.start + i + place.length, type: 'place', aliasOf: null });
  }
  return out;
}

function ordinaryCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function key(name: string): string {
  return normaliseApostrophes(name).toLowerCase();
}

/** How entity names compare: ignoring case and apostrophe style. */
export const entityKey = key;

/** Most mentioned first, then in order of first appearance: stable, so the list does not jump between runs. */
function sortEntities(entities: Entity[]): Entity[] {
  return entities.sort((a, b) => b.count - a.count || (a.anchors[0]?.start ?? 0) - (b.anchors[0]?.start ?? 0) || a.name.localeCompare(b.name));
}

/**
 * Applies an editor's corrections in order, without mutating the input, so the lead can store the fixes and
 * replay them over every fresh analysis:
 *  - `type: null` removes the entity (a false positive);
 *  - `type` retypes it;
 *  - `rename` renames it; if an entity of that name exists the two are merged (counts added, anchors joined).
 * A fix names an entity by its name or any alias, ignoring case. A fix for a name the analysis did not find is
 * skipped — unless `text` (the article text) is given and the fix has a type: then the editor is adding an entity
 * the tagger missed, and its whole-word occurrences in the text are counted.
 */
export function applyEntityFixes(entities: readonly Entity[], fixes: readonly EntityFix[], text?: string): Entity[] {
  let list = entities.map((e) => ({ ...e, aliases: [...e.aliases], anchors: [...e.anchors] }));
  for (const fix of fixes) {
    const k = key(fix.name);
    const i = list.findIndex((e) => key(e.name) === k || e.aliases.some((a) => key(a) === k));
    if (i === -1) {
      if (fix.type !== null && text !== undefined) {
        const found = occurrences(text, fix.name);
        if (found.length > 0) {
          list.push({ name: fix.rename ?? fix.name, type: fix.type, count: found.length, aliases: fix.rename ? [fix.name] : [], anchors: found.map((s) => makeAnchor(text, s, s + fix.name.length)) });
        }
      }
      continue;
    }
    if (fix.type === null) {
      list = list.filter((_, j) => j !== i);
      continue;
    }
    const e = list[i]!;
    e.type = fix.type;
    if (fix.rename !== undefined && fix.rename.trim() !== '' && key(fix.rename) !== key(e.name)) {
      e.aliases.push(e.name);
      e.name = fix.rename.trim();
      const j = list.findIndex((o, n) => n !== i && key(o.name) === key(e.name));
      if (j !== -1) {
        const other = list[j]!;
        e.count += other.count;
        e.aliases.push(...other.aliases);
        e.anchors = [...e.anchors, ...other.anchors].sort((a, b) => a.start - b.start);
        list = list.filter((_, n) => n !== j);
      }
      e.aliases = [...new Set(e.aliases.filter((a) => key(a) !== key(e.name)))].sort();
    }
  }
  return sortEntities(list);
}

/** Whole-word, case-sensitive occurrences (names are capitalised; "Turkey" the country is not "turkey"). */
export function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  if (name === '') return out;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1];
    const after = text[i + name.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) out.push(i);
  }
  return out;
}
