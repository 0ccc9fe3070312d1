import fc from 'fast-check';

/**
 * Payload mutation for the API fuzzer: start from a valid input and break it the ways a careless or hostile
 * caller would (wrong types, extra and missing keys, huge strings and arrays, deep nesting, prototype-pollution
 * keys, NaN and the infinities, out-of-range numbers, Unicode junk), a few mutations at a time.
 */

/**
 * Any string the fuzzer invents may land in a path-taking method (importPaths today, exports and backups
 * tomorrow). The fuzzer runs in a scratch folder and every invented string is kept inside it: no leading
 * root, drive or home, no `..` segment. The API must cope with any string; the machine running the test should
 * not have its home folder imported or overwritten to prove it.
 */
export function jail(s: string): string {
  return s
    .replace(/^(?:[A-Za-z]:)?[\\/]+/u, '')
    .replace(/^~/u, '_')
    .replace(/(^|[\\/])\.\.(?=[\\/]|$)/gu, '$1__');
}

function jailDeep(v: unknown): unknown {
  if (typeof v === 'string') return jail(v);
  if (Array.isArray(v)) return v.map(jailDeep);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) define(out, k, jailDeep(x));
    return out;
  }
  return v;
}

/** Sets an own property even when the key is `__proto__`, which plain assignment would treat as the prototype. */
export function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A value nested `depth` levels deep, built without recursion. It tells fast-check how to print it, since
 * printing it the usual way would itself overflow the stack when a run fails.
 */
function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  Object.defineProperty(v, fc.toStringMethod, { value: () => `${asArray ? 'array' : 'object'} nested ${depth} deep`, enumerable: false });
  return v;
}

const SPECIAL_NUMBERS = [NaN, Infinity, -Infinity, -0, -1, 0, 1, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21];

const UNICODE_JUNK = [
  '', ' ', '\u0000', '\u0000abc', '\u202e\u2066evil', '\ud800', '\udfff', '\ufeff', '\u200b', '\u0085', '\u2028\u2029', '💥🏳️‍🌈',
  'Z\u0336\u0334\u0337\u0336\u0334', '\r\n\r\nX-Injected: 1', '%00', '%2e%2e%2f', '..', '.', '~', '/', '\\\\server\\share', 'C:\\Windows',
  '../../etc/passwd', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '${7*7}', '{{7*7}}', "'; DROP TABLE articles; --",
  '=HYPERLINK("http://evil.example")', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', 'null', 'undefined', 'true',
];

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'valueOf', 'hasOwnProperty'];

/** Objects whose own keys would poison Object.prototype in code that merges them naively. */
const pollution = fc.constantFrom(
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  () => JSON.parse('{"__proto__": {"__proto__": {"polluted": "yes"}}, "a": 1}'),
  () => Object.assign(Object.create(null), { polluted: 'yes' }),
).map((make) => make() as unknown);

const hugeString = fc
  .tuple(fc.constantFrom(5_000, 100_001, 300_000), fc.constantFrom('x', '\u202e', 'é', '💥', ' ', '\n'))
  .map(([n, ch]) => ch.repeat(n));

const stringJunk = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_JUNK) },
  { weight: 1, arbitrary: hugeString },
);

const numberJunk = fc.oneof(
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);

/** Any single wrong value. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: stringJunk.map(jail) },
  { weight: 3, arbitrary: numberJunk },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom(() => new Date(NaN), () => new Date(8.64e15), () => new Map([['a', 1]]), () => new Uint8Array(3)).map((f) => f() as unknown) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(jailDeep) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.boolean()).map(([d, a]) => nested(d, a)) },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: fc.array(stringJunk.map(jail), { minLength: 0, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(() => Array.from({ length: 100_001 }, (_, i) => `id${i}`)).map((f) => f() as unknown) },
);

type Path = (string | number)[];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** Every place in a value a mutation can aim at: plain objects and arrays, a few levels down (junk can be deep). */
function paths(root: unknown): Path[] {
  const out: Path[] = [];
  const todo: [unknown, Path][] = [[root, []]];
  while (todo.length > 0) {
    const [v, at] = todo.pop()!;
    out.push(at);
    if (at.length >= 8 || out.length > 500) continue;
    if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => todo.push([x, [...at, i]]));
    else if (isPlainObject(v)) for (const k of Object.keys(v)) todo.push([v[k], [...at, k]]);
  }
  return out;
}

function get(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], root);
}

/** Replaces the value at `path`; the root itself is returned replaced. */
function set(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = get(root, path.slice(0, -1)) as Record<string | number, unknown>;
  define(parent, String(path.at(-1)), value);
  return root;
}

export type Mutation =
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'add-key'; at: number; key: string; value: unknown }
  | { op: 'delete-key'; at: number }
  | { op: 'stretch'; at: number; times: number }
  | { op: 'wrap'; at: number; inArray: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: junk }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 })), value: junk }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-key' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('stretch' as const), at: fc.nat(), times: fc.constantFrom(2, 1000, 100_001) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), inArray: fc.boolean() }) },
);

/** Applies mutations in order to a deep copy of `example`. */
export function mutate(example: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(example);
  for (const m of mutations) {
    const all = paths(root);
    const at = all[m.at % all.length]!;
    const here = get(root, at);
    switch (m.op) {
      case 'replace':
        root = set(root, at, m.value);
        break;
      case 'add-key': {
        const objects = all.filter((p) => isPlainObject(get(root, p)));
        const target = objects.length > 0 ? get(root, objects[m.at % objects.length]!) : null;
        if (target) define(target as object, m.key, m.value);
        else root = { value: root, [m.key]: m.value };
        break;
      }
      case 'delete-key':
        if (at.length > 0) {
          const parent = get(root, at.slice(0, -1));
          if (Array.isArray(parent)) parent.splice(Number(at.at(-1)), 1);
          else if (isPlainObject(parent)) delete parent[String(at.at(-1))];
        }
        break;
      case 'stretch':
        if (typeof here === 'string') root = set(root, at, here.repeat(Math.min(m.times, Math.ceil(300_000 / Math.max(1, here.length)))));
        // Only arrays of plain values: stretching an array of arrays multiplies, and 100,000 copies of a
        // 100,000-element array is more than any body limit, or the test's own memory, would let through.
        else if (Array.isArray(here) && here.length > 0 && here.every((x) => x === null || typeof x !== 'object')) {
          root = set(root, at, Array.from({ length: Math.min(m.times, 100_001) }, (_, i) => here[i % here.length]));
        }
        else if (typeof here === 'number') root = set(root, at, here * m.times * -1);
        break;
      case 'wrap':
        root = set(root, at, m.inArray ? [here] : { value: here });
        break;
    }
  }
  return root;
}

/** Random inputs for a method: its example mutated one to three times, or (rarely) something else entirely. */
export function inputs(example: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => mutate(example, ms)) },
    { weight: 1, arbitrary: junk },
  );
}
