import { create } from 'zustand';
import type { ExportDownload, ExportPreview, ExportProgressEvent } from '../../electron/core/api';
import type { ArchiveFormat } from '../../electron/core/export/formats';
import { deskApi } from '../api';
import { selectedInOrder } from './bundles-store';
import type { SavedDownload } from '../api/desk-api';
import { ARCHIVE_FORMATS, type ExportKind, type ExportTarget, newJobId, orderedFormats, toSelection } from '../features/export/export-options';

type Progress = Pick<ExportProgressEvent, 'phase' | 'done' | 'total'>;

interface ExportState {
  open: boolean;
  target: ExportTarget;
  /** The selection as it was when the dialog opened: the list may move on underneath. */
  selectionIds: string[];
  kind: ExportKind;
  formats: ReadonlySet<ArchiveFormat>;
  bom: boolean;
  preview: ExportPreview | null;
  previewError: string | null;
  previewLoading: boolean;
  phase: 'choose' | 'running' | 'done' | 'failed';
  job: string | null;
  progress: Progress | null;
  result: ExportDownload | null;
  error: string | null;
  saving: boolean;
  saved: SavedDownload | null;
  saveError: string | null;
  openDialog(target: ExportTarget, selectionIds?: string[]): void;
  close(): void;
  setTarget(target: ExportTarget): void;
  setKind(kind: ExportKind): void;
  toggleFormat(format: ArchiveFormat, on: boolean): void;
  setBom(bom: boolean): void;
  loadPreview(): Promise<void>;
  run(): Promise<void>;
  save(): Promise<void>;
  /** Back to the choices after a failure or a finished export, keeping them. */
  again(): void;
}

const sameTarget = (a: ExportTarget, b: ExportTarget): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Bumped whenever the dialog opens or its choice changes, so a late preview for an old choice is dropped. */
let previewGeneration = 0;

export const useExport = create<ExportState>((set, get) => ({
  open: false,
  target: { kind: 'all' },
  selectionIds: [],
  kind: 'bundle',
  formats: new Set(ARCHIVE_FORMATS),
  bom: false,
  preview: null,
  previewError: null,
  previewLoading: false,
  phase: 'choose',
  job: null,
  progress: null,
  result: null,
  error: null,
  saving: false,
  saved: null,
  saveError: null,

  openDialog(target, selectionIds = selectedInOrder()) {
    // The format choices stay as the editor last left them; what is exported is chosen afresh each time.
    set({ open: true, target, selectionIds, phase: 'choose', job: null, progress: null, result: null, error: null, saved: null, saveError: null, preview: null });
    void get().loadPreview();
  },

  close() {
    previewGeneration++;
    set({ open: false, job: null });
  },

  setTarget(target) {
    if (sameTarget(target, get().target)) return;
    set({ target, preview: null });
    void get().loadPreview();
  },

  setKind(kind) {
    set({ kind, error: null });
  },

  toggleFormat(format, on) {
    const formats = new Set(get().formats);
    if (on) formats.add(format);
    else formats.delete(format);
    set({ formats, error: null });
  },

  setBom(bom) {
    set({ bom });
  },

  async loadPreview() {
    if (!deskApi) return;
    const generation = ++previewGeneration;
    set({ previewLoading: true, previewError: null });
    const r = await deskApi.client.previewExport({ selection: toSelection(get().target) });
    if (generation !== previewGeneration) return;
    if (r.ok) set({ preview: r.value, previewLoading: false });
    else set({ preview: null, previewError: r.error.message, previewLoading: false });
  },

  async run() {
    const { kind, formats, bom, target, phase } = get();
    if (!deskApi || phase === 'running') return;
    const job = newJobId();
    set({ phase: 'running', job, progress: null, result: null, error: null, saved: null, saveError: null });
    const r = await deskApi.client.exportFile({
      selection: toSelection(target),
      format: kind,
      ...(kind === 'bundle' ? { formats: orderedFormats(formats) } : {}),
      ...(kind === 'csv' || (kind === 'bundle' && formats.has('csv')) ? { bom } : {}),
      job,
    });
    // Closed, or started again, while this one ran: its answer belongs to nobody now.
    if (get().job !== job) return;
    if (!r.ok) {
      set({ phase: 'failed', error: r.error.message });
      return;
    }
    set({ phase: 'done', result: r.value, progress: { phase: 'done', done: r.value.articles, total: r.value.articles } });
    // Once, by itself: a browser puts the file in Downloads, Electron asks where with its save dialog.
    await get().save();
  },

  async save() {
    const result = get().result;
    if (!deskApi || !result || get().saving) return;
    set({ saving: true, saveError: null });
    const r = await deskApi.saveDownload({ id: result.id, fileName: result.fileName });
    if (r.ok) set({ saving: false, saved: r.value });
    else set({ saving: false, saveError: r.error.message });
  },

  again() {
    set({ phase: 'choose', job: null, progress: null, result: null, error: null, saved: null, saveError: null });
  },
}));

/** Only this dialog's job moves its bar; another window's export has its own id. */
deskApi?.onEvent((e) => {
  if (e.type !== 'export-progress') return;
  const s = useExport.getState();
  if (s.job !== e.job || s.phase !== 'running') return;
  useExport.setState({ progress: { phase: e.phase, done: e.done, total: e.total } });
});
