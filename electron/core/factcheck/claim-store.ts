import { createHash } from 'node:crypto';
import { type ArticleRecord, DEFAULT_VERDICT_SCALE, type StoredClaim, type VerdictDefinition } from '../model.js';
import { DeskError } from '../result.js';
import { currentContent } from '../revisions.js';
import { analyseArticle } from './analyse.js';
import { makeAnchor, reanchor } from './anchors.js';
import { articleText } from './article-text.js';
import type { Analysis, Anchor, ClaimView, FactcheckView } from './types.js';
import { checkVerdict } from './verdict-scale.js';

export type { ClaimView, FactcheckView };

const claimId = (exact: string): string => `c${createHash('sha256').update(exact.normalize('NFC'), 'utf8').digest('hex').slice(0, 10)}`;

/**
 * Ids come from the anchored words, so a proposal keeps its id (and its place in the panel) once it is ruled on;
 * the same words checked at two places are two claims, and the second gets an id of its own.
 */
function uniqueClaimId(exact: string, used: ReadonlySet<string>): string {
  let id = claimId(exact);
  for (let n = 2; used.has(id); n++) id = claimId(`${exact}\u0000${n}`);
  return id;
}

/** The analysis as the desk shows it: the editor's entity fixes replayed over it. */
export const analyseRecord = (record: ArticleRecord): Analysis => analyseArticle(currentContent(record), { entityFixes: record.entityFixes });

/**
 * The fact-check view of an article's current text: stored claims re-anchored after any correction (orphaned
 * when their words are gone), merged with the analysis's proposals, which start out unverified.
 */
export function factcheckView(record: ArticleRecord, analysis: Analysis = analyseRecord(record)): FactcheckView {
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
  const ids = new Set(stored.map((c) => c.id));
  const proposed = analysis.claims
    .filter((p) => p.repeatOf === null && !taken.has(`${p.anchor.start}:${p.anchor.end}`))
    .map((p): ClaimView => {
      const id = uniqueClaimId(p.anchor.exact, ids);
      ids.add(id);
      return {
        id, text: p.text, score: p.score, reasons: p.reasons, verdict: 'unverified', notes: [], sources: [],
        anchor: p.anchor, orphaned: false, fuzzy: false, checker: null, at: null,
      };
    });
  return {
    claims: [...stored, ...proposed],
    quotes: analysis.quotes.map((q) => ({ text: q.text, speaker: q.speaker, anchor: q.anchor })),
    entities: analysis.entities.map((e) => ({ name: e.name, type: e.type, count: e.count, aliases: e.aliases })),
    removedEntities: analysis.removedEntities,
    dates: analysis.dates.map((d) => ({ text: d.text, resolved: d.resolved, ...(d.note ? { note: d.note } : {}), anchor: d.anchor })),
  };
}

export interface ClaimInput {
  text: string;
  verdict: string;
  note?: string | null;
  sources?: string[];
  /** Where the words start in the article text (as in anchors), to choose one of several occurrences. */
  start?: number;
}

/**
 * Records a verdict on the exact words of the article. A claim on the same words is updated (its notes and
 * sources accumulate); otherwise a new one is made. Words not in the article are refused, never guessed at. The
 * verdict must be on the desk's scale, unless the claim already has it (a verdict since removed is kept).
 */
export function upsertClaim(
  record: ArticleRecord,
  input: ClaimInput,
  actor: { checker: string; now: string },
  scale: readonly VerdictDefinition[] = DEFAULT_VERDICT_SCALE,
): ArticleRecord {
  const exact = input.text.normalize('NFC').trim();
  if (exact === '') throw new DeskError('INVALID_INPUT', 'the claim text is empty');
  const { text } = articleText(currentContent(record));
  const { anchor, stated } = locateClaim(record, text, exact, input.start);
  const existing = record.claims.find((c) => {
    const found = reanchor(c.anchor, text);
    return found !== null && found.start === anchor.start && found.end === anchor.end;
  });
  checkVerdict(input.verdict, scale, existing?.verdict ?? null);
  const sources = (input.sources ?? []).map(checkSource);
  const note = input.note?.trim() ? [input.note.trim()] : [];
  const claim: StoredClaim = existing
    ? { ...existing, anchor, verdict: input.verdict, notes: [...existing.notes, ...note], sources: [...new Set([...existing.sources, ...sources])], checker: actor.checker, at: actor.now }
    : { id: uniqueClaimId(anchor.exact, new Set(record.claims.map((c) => c.id))), text: stated, anchor, verdict: input.verdict, notes: note, sources: [...new Set(sources)], checker: actor.checker, at: actor.now };
  return { ...record, claims: existing ? record.claims.map((c) => (c === existing ? claim : c)) : [...record.claims, claim], modifiedAt: actor.now };
}

/**
 * Where the claim stands and how it is stated. With `start`: the words at that offset, or a proposal or stored
 * claim stated so whose words start there (a clause claim is stated with a full stop its words lack). Without:
 * the first occurrence of the words, or a proposal stated so, as `copydesk claims` prints it.
 */
function locateClaim(record: ArticleRecord, text: string, exact: string, start: number | undefined): { anchor: Anchor; stated: string } {
  const shown = `"${exact.slice(0, 60)}${exact.length > 60 ? '…' : ''}"`;
  if (start !== undefined) {
    if (text.startsWith(exact, start)) return { anchor: makeAnchor(text, start, start + exact.length), stated: exact };
    const proposal = analyseRecord(record).claims.find((p) => p.text === exact && p.anchor.start === start);
    if (proposal) return { anchor: proposal.anchor, stated: proposal.text };
    for (const c of record.claims) {
      const found = c.text === exact ? reanchor(c.anchor, text) : null;
      if (found && found.start === start) return { anchor: makeAnchor(text, found.start, found.end), stated: c.text };
    }
    throw new DeskError('INVALID_INPUT', `the text ${shown} does not stand at offset ${start} of the article as it is now (was it corrected meanwhile?)`);
  }
  const at = text.indexOf(exact);
  if (at !== -1) return { anchor: makeAnchor(text, at, at + exact.length), stated: exact };
  const proposal = analyseRecord(record).claims.find((p) => p.text === exact);
  if (proposal) return { anchor: proposal.anchor, stated: proposal.text };
  throw new DeskError('INVALID_INPUT', `the text ${shown} is not in the article (give words exactly as they stand)`);
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
