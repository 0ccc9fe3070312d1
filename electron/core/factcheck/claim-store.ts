import { createHash } from 'node:crypto';
import type { ArticleRecord, StoredClaim } from '../model.js';
import { DeskError } from '../result.js';
import { currentContent } from '../revisions.js';
import { analyseArticle } from './analyse.js';
import { makeAnchor, reanchor } from './anchors.js';
import { articleText } from './article-text.js';
import type { Analysis, ClaimView, FactcheckView } from './types.js';

export type { ClaimView, FactcheckView };

const claimId = (exact: string): string => `c${createHash('sha256').update(exact.normalize('NFC'), 'utf8').digest('hex').slice(0, 10)}`;

/**
 * The fact-check view of an article's current text: stored claims re-anchored after any correction (orphaned
 * when their words are gone), merged with the analysis's proposals, which start out unverified.
 */
export function factcheckView(record: ArticleRecord, analysis: Analysis = analyseArticle(currentContent(record))): FactcheckView {
  const { text } = articleText(currentContent(record));
  const stored = record.claims.map((c): ClaimView => {
    const found = reanchor(c.anchor, text);
    const anchor = found ? makeAnchor(text, found.start, found.end) : c.anchor;
    const proposal = found ? analysis.claims.find((p) => p.anchor.start === found.start && p.anchor.end === found.end) : undefined;
    return {
      id: c.id, text: c.text, score: proposal?.score ?? 0, reasons: proposal?.reasons ?? [], verdict: c.verdict, notes: c.notes,
      sources: c.sources, anchor, orphaned: !found, fuzzy: found?.fuzzy ?? false, checker: c.checker, at: c.at,
    };
  });
  const taken = new Set(stored.filter((c) => !c.orphaned).map((c) => `${c.anchor.start}:${c.anchor.end}`));
  const proposed = analysis.claims
    .filter((p) => p.repeatOf === null && !taken.has(`${p.anchor.start}:${p.anchor.end}`))
    .map((p): ClaimView => ({
      id: claimId(p.anchor.exact), text: p.text, score: p.score, reasons: p.reasons, verdict: 'unverified', notes: [], sources: [],
      anchor: p.anchor, orphaned: false, fuzzy: false, checker: null, at: null,
    }));
  return {
    claims: [...stored, ...proposed],
    quotes: analysis.quotes.map((q) => ({ text: q.text, speaker: q.speaker, anchor: q.anchor })),
    entities: analysis.entities.map((e) => ({ name: e.name, type: e.type, count: e.count })),
    dates: analysis.dates.map((d) => ({ text: d.text, resolved: d.resolved, ...(d.note ? { note: d.note } : {}), anchor: d.anchor })),
  };
}

/**
 * Records a verdict on the exact words of the article. A claim on the same words is updated (its notes and
 * sources accumulate); otherwise a new one is made. Words not in the article are refused, never guessed at.
 */
export function upsertClaim(
  record: ArticleRecord,
  input: { text: string; verdict: string; note?: string | null; sources?: string[] },
  actor: { checker: string; now: string },
): ArticleRecord {
  const exact = input.text.normalize('NFC').trim();
  if (exact === '') throw new DeskError('INVALID_INPUT', 'the claim text is empty');
  const content = currentContent(record);
  const { text } = articleText(content);
  const at = text.indexOf(exact);
  // A claim may also be named as `copydesk claims` states it ("…last year." for a clause that runs on).
  const proposed = at === -1 ? analyseArticle(content).claims.find((p) => p.text === exact) : undefined;
  if (at === -1 && !proposed) {
    throw new DeskError('INVALID_INPUT', `the text "${exact.slice(0, 60)}${exact.length > 60 ? '…' : ''}" is not in the article (give words exactly as they stand)`);
  }
  const anchor = proposed ? proposed.anchor : makeAnchor(text, at, at + exact.length);
  const sources = (input.sources ?? []).map(checkSource);
  const existing = record.claims.find((c) => reanchor(c.anchor, text)?.start === anchor.start && c.anchor.exact === anchor.exact);
  const note = input.note?.trim() ? [input.note.trim()] : [];
  const claim: StoredClaim = existing
    ? { ...existing, anchor, verdict: input.verdict, notes: [...existing.notes, ...note], sources: [...new Set([...existing.sources, ...sources])], checker: actor.checker, at: actor.now }
    : { id: claimId(exact), text: exact, anchor, verdict: input.verdict, notes: note, sources: [...new Set(sources)], checker: actor.checker, at: actor.now };
  return { ...record, claims: existing ? record.claims.map((c) => (c === existing ? claim : c)) : [...record.claims, claim], modifiedAt: actor.now };
}

/** Evidence links are stored as text, never fetched or rendered as links to anything but http(s). */
function checkSource(raw: string): string {
  const s = raw.trim();
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new DeskError('INVALID_INPUT', `source "${s.slice(0, 80)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DeskError('INVALID_INPUT', `source "${s.slice(0, 80)}" must be an http or https URL`);
  return s;
}
