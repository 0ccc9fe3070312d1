import { z } from 'zod';
import { api, type MethodName } from '../../../electron/core/api.js';

/**
 * A valid input for every contract method, which the fuzzer then mutates. Methods worth aiming at real articles
 * have one written here; any other method, including one added after this file was written, gets one derived
 * from its zod schema, so the fuzzer covers it without anyone remembering to add it.
 */
export interface FuzzContext {
  /** Ids of articles on the desk. */
  ids: string[];
  /** A sentence from the first article, for claims. */
  sentence: string;
  /** A seed file, relative to the working directory the fuzzer runs in. */
  seedFile: string;
}

const base64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

const WRITTEN: Partial<Record<string, (c: FuzzContext) => unknown>> = {
  importPaths: (c) => ({ paths: [c.seedFile] }),
  importUploads: () => ({ files: [{ name: 'upload.txt', base64: base64('Uploaded headline\n\nLONDON: An uploaded paragraph.\n') }] }),
  listArticles: () => ({ query: 'council', offset: 0, limit: 10, sort: 'headline', order: 'asc', statuses: ['new'], hasWarnings: false }),
  getArticle: (c) => ({ id: c.ids[0] }),
  setStatus: (c) => ({ ids: c.ids, status: 'in-review', note: 'check the figures' }),
  addTags: (c) => ({ ids: [c.ids[0]], tags: ['politics', 'budget'] }),
  removeTags: (c) => ({ ids: [c.ids[0]], tags: ['budget'] }),
  renameTag: () => ({ from: 'politics', to: 'Politics' }),
  undoBatch: () => ({ batch: 'b-0001' }),
  correctField: (c) => ({ id: c.ids[0], field: 'headline', text: 'A corrected headline', reason: 'typo' }),
  insertParagraph: (c) => ({ id: c.ids[0], position: 1, text: 'An inserted paragraph.', reason: null }),
  removeParagraph: (c) => ({ id: c.ids[0], index: 1 }),
  revertField: (c) => ({ id: c.ids[0], field: 'headline' }),
  revertArticle: (c) => ({ id: c.ids[0] }),
  undo: (c) => ({ id: c.ids[0] }),
  redo: (c) => ({ id: c.ids[0] }),
  acknowledgeRevision: (c) => ({ id: c.ids[0], revision: 'r1' }),
  getFactcheck: (c) => ({ id: c.ids[0] }),
  upsertClaim: (c) => ({ id: c.ids[0], text: c.sentence, verdict: 'true', note: 'checked', sources: ['https://example.org/source'] }),
  getSettings: () => ({}),
  updateSettings: () => ({ editorName: 'Fuzz Editor', organizationName: 'Fuzz News' }),
};

export type ExampleSource = 'written' | 'derived';

/** The example for a method and where it came from, or null when neither a written nor a derived one is valid. */
export function exampleFor(method: MethodName, c: FuzzContext): { input: unknown; source: ExampleSource } | null {
  const schema = api[method].input as z.ZodType;
  const written = WRITTEN[method]?.(c);
  if (written !== undefined && schema.safeParse(written).success) return { input: written, source: 'written' };
  const derived = deriveExample(schema, c);
  return derived === undefined ? null : { input: derived, source: 'derived' };
}

export const hasWrittenExample = (method: string): boolean => method in WRITTEN;

type Json = { [k: string]: unknown };

/** A smallest valid value for a JSON Schema, trying candidates where a pattern or format constrains a string. */
function sample(s: Json, c: FuzzContext, defs: Json): unknown[] {
  if (typeof s.$ref === 'string') {
    const target = s.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    return sample((defs[target] ?? {}) as Json, c, defs);
  }
  if ('const' in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) return (s[key] as Json[]).flatMap((alt) => sample(alt, c, defs));
  }
  if (Array.isArray(s.allOf)) return sample(Object.assign({}, ...(s.allOf as Json[])), c, defs);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const out: Json = {};
      for (const key of (s.required as string[] | undefined) ?? []) out[key] = sample(props[key] ?? {}, c, defs)[0];
      return [out];
    }
    case 'array': {
      const n = Math.max(1, Number(s.minItems ?? 0));
      return sample((s.items ?? {}) as Json, c, defs).map((item) => Array.from({ length: n }, () => item));
    }
    case 'string':
      return stringCandidates(s, c);
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
      return [Math.max(min, Math.min(1, typeof s.maximum === 'number' ? s.maximum : 1)), min];
    }
    case 'boolean':
      return [true, false];
    case 'null':
      return [null];
    default:
      return [{}, 'a', 1, null];
  }
}

function stringCandidates(s: Json, c: FuzzContext): string[] {
  const min = Number(s.minLength ?? 0);
  const max = Number(s.maxLength ?? Infinity);
  const pattern = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : null;
  const candidates = [
    ...c.ids, 'a', 'abc', 'draft', 'upload.txt', 'true', 'mostly-true', 'headline', 'person', 'AAAA',
    'https://example.org/', '2026-01-01', '2026-01-01T00:00:00.000Z', 'a'.repeat(Math.max(1, min)),
  ];
  return candidates.filter((x) => x.length >= min && x.length <= max && (!pattern || pattern.test(x)));
}

/** Tries every combination the sampler proposes for the top level until the zod schema itself accepts one. */
function deriveExample(schema: z.ZodType, c: FuzzContext): unknown {
  let json: Json;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return undefined;
  }
  const defs = ((json.$defs ?? json.definitions) ?? {}) as Json;
  const attempts: unknown[] = sample(json, c, defs);
  // Objects get a second chance with each property's alternatives, one at a time, when the first guess fails.
  const props = (json.properties ?? {}) as Record<string, Json>;
  for (const first of [...attempts]) {
    if (!first || typeof first !== 'object' || Array.isArray(first)) continue;
    for (const key of Object.keys(first)) {
      for (const alt of sample(props[key] ?? {}, c, defs)) attempts.push({ ...first, [key]: alt });
    }
  }
  return attempts.find((a) => schema.safeParse(a).success);
}
