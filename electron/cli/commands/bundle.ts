import type { z } from 'zod';
import type { BundleSummary, InputOf } from '../../core/api.js';
import { BundleDescriptionSchema, BundleNameSchema } from '../../core/bundles/bundle-names.js';
import { cleanTag } from '../../core/editorial/tags.js';
import { DeskError } from '../../core/result.js';
import { STATUSES, type Status } from '../../core/statuses.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { brief } from '../revisions-out.js';
import { withDesk } from '../with-desk.js';

export const bundleUsage = `Usage: copydesk bundle create <name> [--ids a,b,… | --tag T | --status S] [--description TEXT] [--db DIR] [--json]
       copydesk bundle list [--db DIR] [--json]

A bundle is a named, ordered set of articles with a description, kept in the desk; one article can sit in
several bundles. Every change to a bundle is a revision, so it can be undone (in the app, or through the API).

create  makes a bundle and prints its id, and nothing else, on stdout. Its articles, in this order:
          --ids a,b,…   these articles, in the order given; each id may be any unique prefix
          --tag T       every article tagged T (ignoring case) that is not spiked, in import order
          --status S    every article with status S (${STATUSES.join(', ')}), in import order
          no selector   every article that is not spiked, in import order
        The name is 1 to 200 characters, unique among the desk's bundles ignoring case.
          --description TEXT  what the bundle is for (up to 5000 characters)
list    lists the desk's bundles, oldest first.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print each bundle as {id, name, description, count, articleIds, createdAt, modifiedAt}:
            create prints one, list prints a JSON array`;

export async function bundleCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(bundleUsage);
    return 0;
  }
  if (sub === 'create') return createBundle(rest, io);
  if (sub === 'list') return listBundles(rest, io);
  throw new UsageError(sub === undefined ? 'bundle needs a subcommand: create or list' : `unknown bundle subcommand "${sub}": use create or list`);
}

/** What `bundle list --json` prints per bundle (and `bundle create --json` for the new one), key for key. */
export const bundleJson = ({ id, name, description, count, articleIds, createdAt, modifiedAt }: BundleSummary) => ({ id, name, description, count, articleIds, createdAt, modifiedAt });

async function createBundle(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ids: { type: 'string' }, tag: { type: 'string' }, status: { type: 'string' }, description: { type: 'string' } });
  if (values.help) {
    io.out(bundleUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('bundle create takes exactly one name (quote a name that has spaces)');
  const name = checked(BundleNameSchema, positionals[0]!);
  const description = values.description === undefined ? undefined : checked(BundleDescriptionSchema, values.description);
  const given = (['ids', 'tag', 'status'] as const).filter((k) => values[k] !== undefined);
  if (given.length > 1) throw new UsageError(`choose the articles one way: ${given.map((k) => `--${k}`).join(' and ')} were both given`);
  const selector = selectorOf(values);

  const bundle = await withDesk(io, values.db, { quiet: true }, (service) => {
    const input: InputOf<'createBundle'> = 'ids' in selector
      ? { name, description, ids: selector.ids.map((wanted) => resolveArticleId(service, wanted)) }
      : { name, description, query: selector.query };
    return call(service, 'createBundle', input);
  });
  if (bundle.count === 0) io.err(`copydesk bundle: no article matched, so bundle "${bundle.name}" is empty`);
  if (values.json) printJson(io, bundleJson(bundle));
  else io.out(bundle.id);
  return 0;
}

type Selector = { ids: string[] } | { query: NonNullable<InputOf<'createBundle'>['query']> };

/** The desk's own rules, applied before it is opened: a malformed selector is a mistake in the command. */
function selectorOf(values: { ids?: string | undefined; tag?: string | undefined; status?: string | undefined }): Selector {
  if (values.ids !== undefined) {
    const ids = values.ids.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (ids.length === 0) throw new UsageError('--ids takes article ids separated by commas, such as --ids 1084,9f2c');
    return { ids };
  }
  if (values.tag !== undefined) {
    try {
      return { query: { tag: cleanTag(values.tag) } };
    } catch (err) {
      if (err instanceof DeskError) throw new UsageError(err.message);
      throw err;
    }
  }
  if (values.status !== undefined) {
    const status = values.status;
    if (!(STATUSES as readonly string[]).includes(status)) throw new UsageError(`unknown status "${status}": use one of ${STATUSES.join(', ')}`);
    return { query: { statuses: [status as Status] } };
  }
  return { query: {} };
}

function checked<S extends z.ZodType<string, string>>(schema: S, raw: string): string {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

async function listBundles(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(bundleUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`bundle list takes no arguments (got "${positionals[0]}")`);
  const bundles = await withDesk(io, values.db, { quiet: true }, (service) => call(service, 'listBundles', {}));
  if (values.json) {
    printJson(io, bundles.map(bundleJson));
    return 0;
  }
  if (bundles.length === 0) {
    io.out('The desk has no bundles. Make one with: copydesk bundle create <name>');
    return 0;
  }
  for (const b of bundles) {
    const count = `${b.count} article${b.count === 1 ? '' : 's'}`;
    io.out(`${b.id}  ${count.padEnd(12)}  ${b.modifiedAt.slice(0, 10)}  ${b.name}${b.description ? `  ${brief(b.description, 60)}` : ''}`);
  }
  io.out(`${bundles.length} bundle${bundles.length === 1 ? '' : 's'}`);
  return 0;
}
