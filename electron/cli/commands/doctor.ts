import { resolveDeskDir } from '../../core/desk-location.js';
import { runDoctor } from '../../core/doctor/run-doctor.js';
import type { DoctorReport } from '../../core/doctor/doctor-report.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { type Io, printJson } from '../io.js';

export const doctorUsage = `Usage: copydesk doctor [--db DIR] [--json]

Checks every file of the desk and its backups: desk.json and desk.json.bak, every chunk file the desk names
(present, valid, the chunk and revision expected, its list summary matching its articles), settings.json, the
lock, files nothing refers to, damaged copies kept aside, and each backup's checksums. It fixes what it safely
can: rebuilds summaries from their articles, removes leftovers, clears a stale lock, replaces a damaged
desk.json by desk.json.bak as opening would (the last change may be lost) and a damaged settings.json by the
newest backup's. Damaged copies are reported (as fixed) and kept. For the rest it says what to do.
It does not run while another process has the desk open.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print {ok, problems: [{file, problem, fixed, action}], checked}

Exit status: 0 when the desk is healthy or everything found was fixed, 1 otherwise.`;

export async function doctorCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(doctorUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`doctor takes no arguments (got "${positionals[0]}")`);
  const report = await runDoctor(resolveDeskDir(values.db), values.db === undefined ? {} : { dbFlag: values.db });
  if (values.json) printJson(io, report);
  else printReport(io, report);
  return report.ok ? 0 : 1;
}

function printReport(io: Io, r: DoctorReport): void {
  for (const p of r.problems) {
    if (p.fixed) io.out(`fixed  ${p.file}: ${p.problem}\n       → ${p.action}`);
    else io.out(`PROBLEM  ${p.file}: ${p.problem}\n         → ${p.action}`);
  }
  const fixed = r.problems.filter((p) => p.fixed).length;
  const left = r.problems.length - fixed;
  const files = `${r.checked} file${r.checked === 1 ? '' : 's'} checked`;
  if (r.problems.length === 0) io.out(`${files}: the desk is healthy`);
  else if (left === 0) io.out(`${files}: ${fixed} problem${fixed === 1 ? '' : 's'} found, all fixed`);
  else io.out(`${files}: ${left} problem${left === 1 ? '' : 's'} need${left === 1 ? 's' : ''} you${fixed ? ` (${fixed} fixed)` : ''}`);
}
