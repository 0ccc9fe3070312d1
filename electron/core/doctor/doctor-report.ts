import { isAbsolute, relative } from 'node:path';

/** One finding. `action` is what doctor did when `fixed`, otherwise what the person should do. */
export interface DoctorProblem {
  file: string;
  problem: string;
  fixed: boolean;
  action: string;
}

/** What `copydesk doctor --json` prints. `ok` is true when nothing was wrong or everything wrong was fixed. */
export interface DoctorReport {
  ok: boolean;
  problems: DoctorProblem[];
  /** Files examined. */
  checked: number;
}

/** Findings as the checks make them, with files named relative to the desk folder where they are inside it. */
export class Findings {
  readonly problems: DoctorProblem[] = [];
  /** Damaged files this run moved aside (already reported with the fix that replaced them). */
  readonly keptAside = new Set<string>();
  checked = 0;

  constructor(private readonly deskDir: string) {}

  name(path: string): string {
    const rel = relative(this.deskDir, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }

  fixed(path: string, problem: string, action: string): void {
    this.problems.push({ file: this.name(path), problem, fixed: true, action });
  }

  unfixed(path: string, problem: string, action: string): void {
    this.problems.push({ file: this.name(path), problem, fixed: false, action });
  }
}
