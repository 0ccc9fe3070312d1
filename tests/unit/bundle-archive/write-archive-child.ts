/**
 * Run by timezone.test.ts in a child process whose TZ is set before Node starts: writes the archive for the
 * input in argv[2] (JSON, file bytes as base64) to argv[3] and prints the zone and offset it ran under.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type BundleArchiveInput, writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';

type Encoded = { path: string; base64: string };
const decode = (files: Encoded[]) => files.map((f) => ({ path: f.path, bytes: Buffer.from(f.base64, 'base64') }));
const raw = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Omit<BundleArchiveInput, 'files' | 'articles'> & {
  files: Encoded[];
  articles: { record: BundleArchiveInput['articles'][number]['record']; files: Encoded[] }[];
};
const input: BundleArchiveInput = { ...raw, files: decode(raw.files), articles: raw.articles.map((a) => ({ record: a.record, files: decode(a.files) })) };
writeFileSync(process.argv[3]!, await writeBundleArchive(input));
process.stdout.write(`${Intl.DateTimeFormat().resolvedOptions().timeZone} ${new Date(1980, 0, 1).getTimezoneOffset()}`);
