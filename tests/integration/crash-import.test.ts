/**
 * The SIGKILL crash tests live in tests/crash/ (a harness with four scenarios: import, edits over HTTP, bundle
 * export, bundle import). vitest's `include` (vitest.config.ts) reaches tests/unit and tests/integration only, so
 * this file brings the quick run into `npm test`. Once `tests/crash/**\/*.test.ts` is in `include`, delete this file.
 */
import '../crash/crash-quick.test.js';
