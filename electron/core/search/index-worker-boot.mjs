// The index worker's entry when Copydesk runs from its TypeScript source (the CLI, the bench, tests). A new
// thread does not inherit the tsx loader its parent registered, so this registers tsx's require hook and loads
// the worker through it. The require hook works inside this thread; tsx's ESM loader hooks would start a loader
// thread of their own, which costs the worker half a second more to start. The built app runs the bundled
// worker instead (scripts/build.ts).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
load('tsx/cjs/api').register();
load('./index-worker.ts');
