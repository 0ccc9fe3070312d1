/** What an import tells the person who ran it. Node-free, because the renderer shows it too. */
export interface FileReport {
  path: string;
  articles: number;
  error: string | null;
  warnings: string[];
}

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  files: FileReport[];
  /** Ids of the articles this import created or changed, for change events. */
  changedIds: string[];
}
