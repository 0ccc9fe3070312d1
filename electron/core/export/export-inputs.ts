import { z } from 'zod';
import { ArchiveFormatsSchema } from './formats.js';
import { ExportSelectionSchema } from './selection.js';

/** The export methods' inputs, as the contract validates them. */
export const PreviewExportInput = z.strictObject({ selection: ExportSelectionSchema });

/**
 * The UI's export: a single file (the bundle archive, the HTML page or the CSV sheet) made in the desk's outbox
 * and handed to the transport to deliver (a native save dialog, or a browser download). `job` names the progress
 * events, so a window can tell its export's progress from another's.
 */
export const ExportFileInput = z.strictObject({
  selection: ExportSelectionSchema,
  format: z.enum(['bundle', 'html', 'csv']),
  formats: ArchiveFormatsSchema.optional(),
  bom: z.boolean().optional(),
  job: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is letters, digits, "-" and "_"').optional(),
});
