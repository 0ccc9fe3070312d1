import { FirstHolders } from '../query/first-holders.js';
import type { SummaryFeed } from '../store/summary-order.js';
import { tagKey } from './tags.js';

/**
 * The desk's spelling of each tag — the first in the desk's list, as `deskSpelling` over every summary's tags
 * finds it — without reading every summary's tags on each call. After an edit only the summaries it replaced
 * are looked at; after an import (articles added) the spellings are gathered again.
 */
export class TagSpellings {
  private feed: SummaryFeed | null = null;
  private version = 0;
  private holders: FirstHolders | null = null;

  /** The spelling the desk already uses for `tag`, or `tag` itself. */
  spelling(feed: SummaryFeed, tag: string): string {
    return this.follow(feed).spelling(feed, tagKey(tag)) ?? tag;
  }

  private follow(feed: SummaryFeed): FirstHolders {
    if (this.holders && this.feed === feed && this.version === feed.version) return this.holders;
    const replaced = this.holders && this.feed === feed ? feed.replacedSince(this.version, Math.max(64, feed.length >> 4)) : null;
    if (replaced && this.holders) this.holders.update((i) => replaced.get(i)!, feed, [...replaced.keys()].sort((a, b) => a - b));
    else this.holders = FirstHolders.of(feed, tagKey);
    this.feed = feed;
    this.version = feed.version;
    return this.holders;
  }
}
