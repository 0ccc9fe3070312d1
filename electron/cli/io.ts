/** Output sinks, injectable so tests can run commands in-process and read what a person would see. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export const printJson = (io: Io, value: unknown): void => io.out(JSON.stringify(value, null, 2));
