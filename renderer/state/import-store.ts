import { create } from 'zustand';
import type { ImportResult } from '../../electron/core/api';
import { deskApi } from '../api';

interface ImportState {
  phase: 'idle' | 'running' | 'done';
  done: number;
  total: number;
  current: string | null;
  result: ImportResult | null;
  error: string | null;
  importPaths(paths: string[]): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  importNative(kind: 'files' | 'folder'): Promise<void>;
  dismiss(): void;
}

/** importUploads takes at most 72 MiB of base64 per file, which is 54 MiB of the file itself. */
const MAX_UPLOAD_BYTES = 54 * 1024 * 1024;

const empty = (): ImportResult => ({ imported: 0, updated: 0, unchanged: 0, failed: 0, files: [] });

function merge(a: ImportResult, b: ImportResult): ImportResult {
  return {
    imported: a.imported + b.imported,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    failed: a.failed + b.failed,
    files: [...a.files, ...b.files],
  };
}

/**
 * Files are sent one at a time so the progress bar moves and one huge file cannot stall the rest. Seed files and
 * bundle archives go the same way: the desk tells an archive by its zip signature and restores it whole or not at all.
 */
export const useImport = create<ImportState>((set, get) => ({
  phase: 'idle',
  done: 0,
  total: 0,
  current: null,
  result: null,
  error: null,

  async importPaths(paths) {
    if (!deskApi || get().phase === 'running') return;
    set({ phase: 'running', done: 0, total: paths.length, current: null, result: empty(), error: null });
    for (const path of paths) {
      set({ current: path.split(/[\\/]/).pop() ?? path });
      const r = await deskApi.client.importPaths({ paths: [path] });
      if (r.ok) set({ result: merge(get().result ?? empty(), r.value) });
      else set({ error: r.error.message });
      set({ done: get().done + 1 });
    }
    set({ phase: 'done', current: null });
  },

  async importFiles(files) {
    if (!deskApi || get().phase === 'running' || files.length === 0) return;
    if (deskApi.pathForFile) {
      await get().importPaths(files.map((f) => deskApi!.pathForFile!(f)));
      return;
    }
    set({ phase: 'running', done: 0, total: files.length, current: null, result: empty(), error: null });
    for (const file of files) {
      set({ current: file.name });
      if (file.size > MAX_UPLOAD_BYTES) {
        // Said here rather than as the contract's "too big" complaint about base64 text the editor never saw.
        const error = `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; a browser can send at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Import it with \`copydesk import\` instead.`;
        set({ result: merge(get().result ?? empty(), { ...empty(), failed: 1, files: [{ path: file.name, articles: 0, error, warnings: [] }] }), done: get().done + 1 });
        continue;
      }
      const base64 = await toBase64(file);
      const r = await deskApi.client.importUploads({ files: [{ name: file.name, base64 }] });
      if (r.ok) set({ result: merge(get().result ?? empty(), r.value) });
      else set({ result: merge(get().result ?? empty(), { ...empty(), failed: 1, files: [{ path: file.name, articles: 0, error: r.error.message, warnings: [] }] }) });
      set({ done: get().done + 1 });
    }
    set({ phase: 'done', current: null });
  },

  async importNative(kind) {
    if (!deskApi?.pickImport || get().phase === 'running') return;
    set({ phase: 'running', done: 0, total: 0, current: null, result: null, error: null });
    const r = await deskApi.pickImport(kind);
    if (r === null) set({ phase: 'idle' });
    else if (r.ok) set({ phase: 'done', result: r.value, done: r.value.files.length, total: r.value.files.length });
    else set({ phase: 'done', error: r.error.message });
  },

  dismiss() {
    set({ phase: 'idle', result: null, error: null, done: 0, total: 0 });
  },
}));

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Imports started outside the page (the File menu, a file opened from the OS) report here too. */
deskApi?.onEvent((e) => {
  if (e.type !== 'import-finished') return;
  if (e.result.ok) useImport.setState({ phase: 'done', result: e.result.value, error: null, done: e.result.value.files.length, total: e.result.value.files.length });
  else useImport.setState({ phase: 'done', result: null, error: e.result.error.message });
});
