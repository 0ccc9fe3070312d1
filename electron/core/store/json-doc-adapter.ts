import { readFile } from 'node:fs/promises';
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
      text = await readFile(this.path, 'utf8');
    } catch (err) {
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
