import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The architecture's import boundaries are ESLint rules; these cases prove the rules are live. */
const eslint = new ESLint({ cwd: new URL('../../../', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps electron out of the core, the CLI and the server', async () => {
    for (const file of ['electron/core/x.ts', 'electron/cli/x.ts', 'electron/server/x.ts']) {
      expect(await restricted(file, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
      expect(await restricted(file, "import { ipcMain } from 'electron/main';\nexport const a = ipcMain;\n")).toHaveLength(1);
    }
  });

  it('keeps Node and electron out of the renderer', async () => {
    const code = "import { readFile } from 'node:fs';\nimport path from 'path';\nimport { ipcRenderer } from 'electron';\nexport const x = [readFile, path, ipcRenderer];\n";
    expect(await restricted('renderer/features/list/List.tsx', code)).toHaveLength(3);
  });

  it('keeps the renderer off the store and the transports', async () => {
    expect(await restricted('renderer/api/x.ts', "import { Desk } from '../../electron/core/store/desk-store.js';\nexport const d = Desk;\n")).toHaveLength(1);
  });

  it('keeps Node out of the sandboxed preload', async () => {
    expect(await restricted('electron/preload/index.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
  });

  it('lets the core use Node', async () => {
    expect(await restricted('electron/core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toEqual([]);
  });
});
