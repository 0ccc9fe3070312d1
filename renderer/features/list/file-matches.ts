export interface FileCount {
  name: string;
  count: number;
}

export interface FileIndex {
  /** True if `name` is exactly a source file on the desk (the list filters on the exact name). */
  has(name: string): boolean;
  /**
   * Up to `limit` files whose name contains `text`, whatever the case: names starting with it first, then the
   * rest, each in the desk's order. With no text, the first `limit` files.
   */
  match(text: string, limit: number): FileCount[];
}

/**
 * The desk's source files, searchable. Built once per facets answer that changed them: at 100,000 articles
 * there are 20,000 files, far too many to render as options, so the filter shows only the few that match.
 */
export function fileIndex(files: readonly FileCount[]): FileIndex {
  const names = new Set(files.map((f) => f.name));
  let folded: string[] | null = null;
  return {
    has: (name) => names.has(name),
    match(text, limit) {
      const needle = text.trim().toLocaleLowerCase();
      if (needle === '') return files.slice(0, limit);
      folded ??= files.map((f) => f.name.toLocaleLowerCase());
      const starts: FileCount[] = [];
      const contains: FileCount[] = [];
      for (let i = 0; i < files.length && starts.length < limit; i++) {
        const at = folded[i]!.indexOf(needle);
        if (at === 0) starts.push(files[i]!);
        else if (at > 0 && contains.length < limit) contains.push(files[i]!);
      }
      return [...starts, ...contains].slice(0, limit);
    },
  };
}
