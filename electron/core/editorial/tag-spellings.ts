import type { ArticleSummary } from '../model.js';
import { FirstHolders } from '../query/first-holders.js';
import { listChanges } from '../query/list-changes.js';
import { tagKey } from './tags.js';

/**
 * The desk's spelling of each tag — the first in the desk's list, as `deskSpelling` over every summary's tags
 * finds it — without reading every summary's tags on each call. After an edit only the summaries it changed
 * are looked at; after an import (articles added or gone) the spellings are gathered again.
 */
export class TagSpellings {
  private list: readonly ArticleSummary[] | null = null;
  private holders: FirstHolders | null = null;

  /** The spelling the desk already uses for `tag`, or `tag` itself. */
  spelling(list: readonly ArticleSummary[], tag: string): string {
    return this.follow(list).spelling(list, tagKey(tag)) ?? tag;
  }

  private follow(list: readonly ArticleSummary[]): FirstHolders {
    if (this.holders && list === this.list) return this.holders;
    const changed = this.holders && this.list ? listChanges(this.list, list, Math.max(64, list.length >> 4)) : null;
    if (changed && this.holders) this.holders.update(this.list!, list, changed);
    else this.holders = FirstHolders.of(list, tagKey);
    this.list = list;
    return this.holders;
  }
}
