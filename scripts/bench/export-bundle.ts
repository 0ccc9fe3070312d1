/**
 * Times a bundle export of `count` articles (ninjs and Markdown in one archive) from the desk in `deskDir`,
 * writing into `outDir`, and answers the seconds it took.
 *
 * Copydesk cannot export bundles yet (electron/core/export/ is being written), so this answers null and the
 * figure is reported as "pending". When the export lands, this is the one function to fill in: open the desk,
 * pick the first `count` articles in import order, export them and time only the export.
 */
export async function timeBundleExport(_deskDir: string, _count: number, _outDir: string): Promise<number | null> {
  return null;
}
