import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Bare names here; every `node:` specifier is caught by a pattern below.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:'));

/**
 * The architecture's boundaries, enforced rather than hoped for:
 *  - electron/core is plain Node and never imports electron, so every capability runs without an Electron binary;
 *  - the renderer is web code and never imports Node or electron;
 *  - the preload runs sandboxed and may import only electron (and the contract's method list).
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', 'test-results/', 'playwright-report/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**', 'electron/server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Core, CLI and server code must run without Electron; go through the API contract.' }],
        patterns: [{ group: ['electron/*'], message: 'Core, CLI and server code must run without Electron.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer talks to the desk only through window.copydesk or the HTTP client.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is web code: no Node modules.' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'The renderer is web code: no Node modules.' },
          { group: ['**/electron/core/store/*', '**/electron/core/import/*', '**/electron/main/*', '**/electron/server/*'], message: 'The renderer reaches the core only through the API contract.' },
        ],
      }],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The sandboxed preload never touches Node APIs, fs or the store.' })),
        patterns: [{ group: ['node:*'], message: 'The sandboxed preload never touches Node APIs.' }],
      }],
    },
  },
);
