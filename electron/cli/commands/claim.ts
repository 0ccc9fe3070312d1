import { VERDICTS } from '../../core/model.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';
import { factcheckJson } from './claims.js';

export const claimUsage = `Usage: copydesk claim <id> --text "<exact text in the article>" --verdict <verdict> [--note TEXT] [--source URL]… [--db DIR] [--json]

Records a verdict on a claim: the words must stand exactly so in the article's current text. A claim on the
same words is updated (notes and sources accumulate); otherwise a new one is made.
<verdict> is one of: ${VERDICTS.join(', ')}.

  --note TEXT   evidence or reasoning, kept with the claim
  --source URL  an http(s) evidence link, kept as text and never fetched; repeat for several
  --db DIR      the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json        print the article's fact-check view, as "copydesk claims --json"`;

export async function claimCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, text: { type: 'string' }, verdict: { type: 'string' }, note: { type: 'string' }, source: { type: 'string', multiple: true } });
  if (values.help) {
    io.out(claimUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('claim takes exactly one article id');
  if (values.text === undefined || values.text.trim() === '') throw new UsageError('claim needs --text with the exact words of the claim');
  const verdict = values.verdict;
  if (!verdict || !(VERDICTS as readonly string[]).includes(verdict)) throw new UsageError(`claim needs --verdict, one of ${VERDICTS.join(', ')}${verdict ? ` (not "${verdict}")` : ''}`);
  const view = await withDesk(io, values.db, { quiet: true }, (service) =>
    call(service, 'upsertClaim', {
      id: resolveArticleId(service, positionals[0]!),
      text: values.text!,
      verdict: verdict as (typeof VERDICTS)[number],
      note: values.note ?? null,
      sources: values.source ?? [],
    }),
  );
  if (values.json) printJson(io, factcheckJson(view));
  else {
    const c = view.claims.find((x) => x.text === values.text!.normalize('NFC').trim());
    io.out(`claim ${c?.id ?? ''} → ${verdict}${c ? ` (${c.notes.length} note${c.notes.length === 1 ? '' : 's'}, ${c.sources.length} source${c.sources.length === 1 ? '' : 's'})` : ''}`);
  }
  return 0;
}
