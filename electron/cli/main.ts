import { DeskError } from '../core/result.js';
import { UsageError } from './args.js';
import { backupCommand } from './commands/backup.js';
import { doctorCommand } from './commands/doctor.js';
import { correctCommand } from './commands/correct.js';
import { historyCommand } from './commands/history.js';
import { importCommand } from './commands/import.js';
import { listCommand } from './commands/list.js';
import { redoCommand } from './commands/redo.js';
import { serveCommand } from './commands/serve.js';
import { claimCommand } from './commands/claim.js';
import { exportCommand } from './commands/export.js';
import { claimsCommand } from './commands/claims.js';
import { bundleCommand } from './commands/bundle.js';
import { settingsCommand } from './commands/settings.js';
import { showCommand } from './commands/show.js';
import { statusCommand } from './commands/status.js';
import { tagCommand } from './commands/tag.js';
import { undoCommand } from './commands/undo.js';
import { type Io, processIo } from './io.js';

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  status: statusCommand,
  tag: tagCommand,
  correct: correctCommand,
  undo: undoCommand,
  redo: redoCommand,
  history: historyCommand,
  settings: settingsCommand,
  serve: serveCommand,
  claims: claimsCommand,
  claim: claimCommand,
  export: exportCommand,
  bundle: bundleCommand,
  backup: backupCommand,
  doctor: doctorCommand,
};

export const usage = `Usage: copydesk <command> [options]

Commands:
  import <path…>                        import seed files and folders, or bundle archives, into the desk
  list                                  list the desk's articles
  show <id>                             show one article
  status <id> <status> [--note TEXT]    set the review status (new, in-review, checked, approved, flagged, spiked)
  tag <id> <tag…> [--remove]            add tags, or remove them
  correct <id> --field F --text TEXT    correct a field (headline, caption, …, paragraph:N) [--reason TEXT]
  undo <id>                             step back an article's latest change
  redo <id>                             re-apply the change undone last
  history <id>                          list an article's changes, oldest first
  settings [--editor NAME]              show or change the desk's settings (the editor name signs changes)
  claims <id>                           claims, quotes, entities and resolved dates of an article
  claim <id> --text T --verdict V       record a verdict on exact words [--note TEXT] [--source URL]…
  bundle create <name> [--ids a,b,… | --tag T | --status S]
                                        make a bundle and print its id (no selector: every article not spiked)
  bundle list                           list the desk's bundles
  export --format F --out PATH          export as ninjs, claimreview, md, html, csv or a bundle archive
  serve                                 serve the desk to a browser on this machine
  backup create|list                    back the desk up now, or list its backups
  backup restore <backup-id>            make a backup current (the desk as it was is backed up first)
  doctor                                check every desk file, fix what is safe, report the rest

<id> may be any unique prefix of an article id. Every command takes --db DIR (default: $COPYDESK_DB, else the
app's data folder) and --help; all but serve take --json.`;

/** Runs one command and returns its exit status. Expected failures print one line; only bugs print a stack. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(usage);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`copydesk: unknown command "${command}"\n\n${usage}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`copydesk ${command}: ${err.message}\nRun "copydesk ${command} --help" for usage.`);
      return 2;
    }
    if (err instanceof DeskError) {
      io.err(`copydesk ${command}: ${err.message}`);
      return 1;
    }
    io.err(`copydesk ${command}: unexpected error\n${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
