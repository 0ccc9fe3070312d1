import type { FactcheckView } from '../../core/factcheck/types.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const claimsUsage = `Usage: copydesk claims <id> [--db DIR] [--json]

Shows an article's fact-check view: check-worthy claims (ranked, with the reasons for each score and any
verdict), direct quotes with their speakers, entities, and dates resolved against the article's own date.
<id> may be shortened to any unique prefix.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print {claims, quotes, entities, dates}`;

export async function claimsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(claimsUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('claims takes exactly one article id');
  const view = await withDesk(io, values.db, { quiet: true }, (service) => call(service, 'getFactcheck', { id: resolveArticleId(service, positionals[0]!) }));
  if (values.json) printJson(io, factcheckJson(view));
  else printView(io, view);
  return 0;
}

/** The contract's shape, key for key. */
export function factcheckJson(v: FactcheckView) {
  return {
    claims: v.claims.map(({ id, text, score, reasons, verdict, notes, sources, anchor, orphaned }) => ({ id, text, score, reasons, verdict, notes, sources, anchor, orphaned })),
    quotes: v.quotes.map(({ text, speaker }) => ({ text, speaker })),
    entities: v.entities.map(({ name, type, count }) => ({ name, type, count })),
    dates: v.dates.map(({ text, resolved }) => ({ text, resolved })),
  };
}

function printView(io: Io, v: FactcheckView): void {
  io.out('Claims');
  for (const c of v.claims) {
    io.out(`  [${c.verdict}${c.orphaned ? ', orphaned' : ''}] ${c.text}  (score ${c.score}${c.reasons.length ? `: ${c.reasons.join('; ')}` : ''})`);
    for (const n of c.notes) io.out(`      note: ${n}`);
    for (const s of c.sources) io.out(`      source: ${s}`);
  }
  io.out('Quotes');
  for (const q of v.quotes) io.out(`  “${q.text}” — ${q.speaker ?? 'speaker not named'}`);
  io.out('Entities');
  for (const e of v.entities) io.out(`  ${e.name} (${e.type}) ×${e.count}`);
  io.out('Dates');
  for (const d of v.dates) io.out(`  ${d.text} → ${d.resolved ?? `unresolved${d.note ? `: ${d.note}` : ''}`}`);
}
