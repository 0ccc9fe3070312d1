import { resolveDeskDir } from '../../core/desk-location.js';
import { DEFAULT_VERDICT_SCALE, type VerdictDefinition } from '../../core/model.js';
import { loadSettings } from '../../core/store/settings.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';
import { factcheckJson } from './claims.js';

export const claimUsage = (scale: readonly VerdictDefinition[]): string => `Usage: copydesk claim <id> --text "<exact text in the article>" --verdict <verdict> [--note TEXT] [--source URL]… [--db DIR] [--json]

Records a verdict on a claim: the words must stand exactly so in the article's current text. A claim on the
same words is updated (notes and sources accumulate); otherwise a new one is made.
<verdict> is one of this desk's verdicts: ${scale.map((v) => v.id).join(', ')}.

  --note TEXT   evidence or reasoning, kept with the claim
  --source URL  an http(s) evidence link, kept as text and never fetched; repeat for several
  --db DIR      the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json        print the article's fact-check view, as "copydesk claims --json"`;

/** Help names the desk's own scale without taking the desk's lock; an unreadable settings file falls back. */
async function scaleForHelp(db: string | undefined): Promise<readonly VerdictDefinition[]> {
  try {
    return (await loadSettings(resolveDeskDir(db))).verdicts;
  } catch {
    return DEFAULT_VERDICT_SCALE;
  }
}

export async function claimCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, text: { type: 'string' }, verdict: { type: 'string' }, note: { type: 'string' }, source: { type: 'string', multiple: true } });
  if (values.help) {
    io.out(claimUsage(await scaleForHelp(values.db)));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('claim takes exactly one article id');
  if (values.text === undefined || values.text.trim() === '') throw new UsageError('claim needs --text with the exact words of the claim');
  const verdict = values.verdict;
  const needVerdict = (scale: readonly VerdictDefinition[]): UsageError =>
    new UsageError(`claim needs --verdict, one of ${scale.map((v) => v.id).join(', ')}${verdict ? ` (not "${verdict}")` : ''}`);
  if (!verdict) throw needVerdict(await scaleForHelp(values.db));
  const view = await withDesk(io, values.db, { quiet: true }, async (service) => {
    const scale = (await call(service, 'getSettings', {})).verdicts;
    if (!scale.some((v) => v.id === verdict)) throw needVerdict(scale);
    return call(service, 'upsertClaim', {
      id: resolveArticleId(service, positionals[0]!),
      text: values.text!,
      verdict,
      note: values.note ?? null,
      sources: values.source ?? [],
    });
  });
  if (values.json) printJson(io, factcheckJson(view));
  else {
    const c = view.claims.find((x) => x.text === values.text!.normalize('NFC').trim());
    io.out(`claim ${c?.id ?? ''} → ${verdict}${c ? ` (${c.notes.length} note${c.notes.length === 1 ? '' : 's'}, ${c.sources.length} source${c.sources.length === 1 ? '' : 's'})` : ''}`);
  }
  return 0;
}
