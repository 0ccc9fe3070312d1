import type { Settings } from '../../core/model.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const settingsUsage = `Usage: copydesk settings [--editor NAME] [--organization NAME] [--db DIR] [--json]

Shows the desk's settings, or changes them. They are kept in the desk folder, so they travel with the desk.
The editor name signs every change; until it is set it is $COPYDESK_EDITOR, else the OS user name.

  --editor NAME        the name that signs corrections, status and tag changes (1 to 100 characters)
  --organization NAME  the publisher named in exports (an empty NAME clears it)
  --db DIR             the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json               print {editorName, organizationName, verdicts}

The verdict scale (verdicts: [{id, label, rating}], rating 1 = false … 5 = true, none for unverified) is
changed in the app's Settings dialog.`;

export async function settingsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, editor: { type: 'string' }, organization: { type: 'string' } });
  if (values.help) {
    io.out(settingsUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`settings takes no arguments (got "${positionals[0]}")`);
  const editorName = values.editor?.trim();
  const organizationName = values.organization?.trim();
  if (editorName === '') throw new UsageError('--editor is empty: give the name that signs changes');
  if (editorName !== undefined && editorName.length > 100) throw new UsageError('--editor is longer than 100 characters');
  if (organizationName !== undefined && organizationName.length > 200) throw new UsageError('--organization is longer than 200 characters');
  const changing = editorName !== undefined || organizationName !== undefined;

  const settings = await withDesk(io, values.db, { quiet: true }, (service) =>
    changing ? call(service, 'updateSettings', { editorName, organizationName }) : call(service, 'getSettings', {}),
  );
  if (values.json) printJson(io, settings);
  else printSettings(io, settings, changing);
  return 0;
}

function printSettings(io: Io, s: Settings, saved: boolean): void {
  if (saved) {
    io.out(`settings saved: editor ${s.editorName}, organization ${s.organizationName || '—'}`);
    return;
  }
  io.out(`editor:       ${s.editorName}`);
  io.out(`organization: ${s.organizationName || '—'}`);
  io.out(`verdicts:     ${s.verdicts.map((v) => `${v.id}${v.rating === null ? '' : ` (${v.rating})`}`).join(', ')}`);
}
