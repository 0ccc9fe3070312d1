import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DeskError } from '../result.js';
import { writeFileDurable } from './durable-write.js';

/**
 * A lowdb adapter that validates on read and writes durably. lowdb's JSONFile neither checks what it loads nor
 * fsyncs what it writes, and a desk has to survive both hostile files and power cuts.
 */
export class JsonDocAdapter<S extends z.ZodType> implements Adapter<z.infer<S>> {
  constructor(
    readonly path: string,
    private readonly schema: S,
    private readonly writeOpts: { syncDir?: boolean; keepPrevious?: string } = {},
  ) {}

  async read(): Promise<z.infer<S> | null> {
    let text: string;
    try {
      text = await readOwnFile(this.path);
    } catch (err) {
      if (err instanceof DeskError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DeskError('IO_ERROR', `cannot read ${this.path}: ${(err as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new DeskError('DESK_CORRUPT', `${this.path} is not valid JSON (${(err as Error).message})`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? issue.path.join('.') || '(root)' : '(root)';
      throw new DeskError('DESK_CORRUPT', `${this.path} does not match the desk format at ${where}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  async write(data: z.infer<S>): Promise<void> {
    await writeFileDurable(this.path, JSON.stringify(data), this.writeOpts);
  }
}

// O_NOFOLLOW: a store file that is a symbolic link fails to open (ELOOP; EMLINK on the BSDs) instead of being
// read from wherever it points. O_NONBLOCK: a FIFO planted under a store file's name cannot hang the open.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a store file only if it is a regular file inside the desk. A link is reported as DESK_CORRUPT, so the
 * store's recovery treats it like any damaged file: moved aside (the link itself, never its target) and
 * replaced from the last good copy.
 */
async function readOwnFile(path: string): Promise<string> {
  const link = () => new DeskError('DESK_CORRUPT', `${path} is a symbolic link; the desk never follows links out of its folder`);
  if (constants.O_NOFOLLOW === undefined && (await lstat(path)).isSymbolicLink()) throw link();
  const fh = await open(path, READ_FLAGS).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ELOOP' || err.code === 'EMLINK') throw link();
    throw err;
  });
  try {
    if (!(await fh.stat()).isFile()) throw new DeskError('DESK_CORRUPT', `${path} is not a regular file`);
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}
