import { randomBytes } from 'node:crypto';
import type { ArticleView, BulkResult, InputOf } from '../api.js';
import { toArticleView } from '../article-view.js';
import type { ArticleRecord } from '../model.js';
import { factcheckView, upsertClaim } from '../factcheck/claim-store.js';
import { fixEntity } from '../factcheck/entity-fix-store.js';
import { DeskError } from '../result.js';
import { fold } from '../revisions.js';
import type { Desk } from '../store/desk-store.js';
import { type Settings, loadSettings, updateSettings } from '../store/settings.js';
import * as ops from './operations.js';
import { TagSpellings } from './tag-spellings.js';
import { addTags, cleanTag, removeTags, renameTag, tagKey } from './tags.js';

/**
 * The editorial methods of the contract. Each loads the articles, applies one operation, and commits the
 * changed records in one durable transaction before answering, which is what lets the UI say "Saved".
 */
export class EditorialHandlers {
  private settings: Promise<Settings> | null = null;
  private readonly spellings = new TagSpellings();

  constructor(
    private readonly desk: Desk,
    private readonly changed: (ids: string[]) => Promise<void>,
  ) {}

  private async actor(batch: string | null = null): Promise<ops.Actor> {
    return { editor: (await this.getSettings()).editorName, now: new Date().toISOString(), batch };
  }

  private async one(id: string, change: (r: ArticleRecord, actor: ops.Actor) => ArticleRecord): Promise<ArticleView> {
    const record = await this.desk.get(id);
    if (!record) throw new DeskError('NOT_FOUND', `no article with id ${id}`);
    const next = change(record, await this.actor());
    if (next !== record) {
      await this.desk.commit([next]);
      await this.changed([id]);
    }
    return toArticleView(next);
  }

  /** A change to several articles is one transaction and one batch, so it lands and is undone as one. */
  private async many(ids: readonly string[], change: (r: ArticleRecord, actor: ops.Actor) => ArticleRecord, alwaysBatch = false): Promise<BulkResult> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.desk.summary(id));
    if (missing.length > 0) throw new DeskError('NOT_FOUND', `no article with id ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`);
    const batch = unique.length > 1 || alwaysBatch ? `b${Date.now().toString(36)}${randomBytes(3).toString('hex')}` : null;
    const actor = await this.actor(batch);
    const next: ArticleRecord[] = [];
    for (const record of (await this.desk.getMany(unique)).values()) {
      const changed = change(record, actor);
      if (changed !== record) next.push(changed);
    }
    if (next.length > 0) {
      await this.desk.commit(next);
      await this.changed(next.map((r) => r.id));
    }
    return { changed: next.length, unchanged: unique.length - next.length, batch: next.length > 0 ? batch : null };
  }

  setStatus = ({ ids, status, note }: InputOf<'setStatus'>) => this.many(ids, (r, a) => ops.setStatus(r, status, note ?? null, a));

  addTags = ({ ids, tags }: InputOf<'addTags'>) => {
    const clean = tags.map((t) => this.spellings.spelling(this.desk.summaryFeed(), cleanTag(t)));
    return this.many(ids, (r, a) => ops.setTags(r, (t) => addTags(t, clean), a));
  };

  removeTags = ({ ids, tags }: InputOf<'removeTags'>) => {
    const clean = tags.map(cleanTag);
    return this.many(ids, (r, a) => ops.setTags(r, (t) => removeTags(t, clean), a));
  };

  /** Renames (or merges) a tag across the desk in one batch, undoable as one step with undoBatch. */
  renameTag = ({ from, to }: InputOf<'renameTag'>) => {
    const f = cleanTag(from);
    const cleanTo = cleanTag(to);
    // Renaming onto another spelling of the same tag respells it rather than taking the desk's spelling back.
    const t = tagKey(cleanTo) === tagKey(f) ? cleanTo : this.spellings.spelling(this.desk.summaryFeed(), cleanTo);
    const ids = this.desk.list().filter((s) => s.tags.some((x) => tagKey(x) === tagKey(f))).map((s) => s.id);
    if (ids.length === 0) throw new DeskError('NOT_FOUND', `no article is tagged "${f}"`);
    return this.many(ids, (r, a) => ops.setTags(r, (tags) => renameTag(tags, f, t), a), true);
  };

  /** Undoes every revision of a batch that is still the latest change to its article. */
  undoBatch = async ({ batch }: InputOf<'undoBatch'>) => {
    const ids = this.desk.list().map((s) => s.id);
    const records = await this.desk.getMany(ids);
    const inBatch = [...records.values()].filter((r) => r.revisions.some((v) => v.batch === batch));
    if (inBatch.length === 0) throw new DeskError('NOT_FOUND', `no change with batch ${batch}`);
    return this.many(inBatch.map((r) => r.id), (r, a) => {
      const next = fold(r.original, r.revisions).undoable.at(-1);
      return r.revisions.find((v) => v.id === next)?.batch === batch ? ops.undo(r, a) : r;
    });
  };

  correctField = ({ id, field, text, reason }: InputOf<'correctField'>) => this.one(id, (r, a) => ops.correctField(r, field, text, reason ?? null, a));
  insertParagraph = ({ id, position, text, reason }: InputOf<'insertParagraph'>) => this.one(id, (r, a) => ops.insertParagraph(r, position, text, reason ?? null, a));
  removeParagraph = ({ id, index, reason }: InputOf<'removeParagraph'>) => this.one(id, (r, a) => ops.removeParagraph(r, index, reason ?? null, a));
  revertField = ({ id, field }: InputOf<'revertField'>) => this.one(id, (r, a) => ops.revertField(r, field, a));
  revertArticle = ({ id }: InputOf<'revertArticle'>) => this.one(id, (r, a) => ops.revertArticle(r, a));
  undo = ({ id }: InputOf<'undo'>) => this.one(id, (r, a) => ops.undo(r, a));
  redo = ({ id }: InputOf<'redo'>) => this.one(id, (r, a) => ops.redo(r, a));
  acknowledgeRevision = ({ id, revision }: InputOf<'acknowledgeRevision'>) => this.one(id, (r, a) => ops.acknowledge(r, revision, a));

  getFactcheck = async ({ id }: InputOf<'getFactcheck'>) => {
    const record = await this.desk.get(id);
    if (!record) throw new DeskError('NOT_FOUND', `no article with id ${id}`);
    return factcheckView(record);
  };

  /** The verdict must be on the desk's scale (or be the one the claim already has); the refusal names the scale. */
  upsertClaim = async ({ id, text, verdict, note, sources, start }: InputOf<'upsertClaim'>) => {
    const { verdicts } = await this.getSettings();
    return this.factcheckChange(id, (record, { editor, now }) =>
      upsertClaim(record, { text, verdict, note: note ?? null, sources: sources ?? [], ...(start !== undefined ? { start } : {}) }, { checker: editor, now }, verdicts),
    );
  };

  fixEntity = ({ id, name, type, rename }: InputOf<'fixEntity'>) =>
    this.factcheckChange(id, (record, { now }) => fixEntity(record, { name, type, ...(rename !== undefined ? { rename } : {}) }, now));

  private async factcheckChange(id: string, change: (r: ArticleRecord, actor: ops.Actor) => ArticleRecord) {
    const record = await this.desk.get(id);
    if (!record) throw new DeskError('NOT_FOUND', `no article with id ${id}`);
    const next = change(record, await this.actor());
    await this.desk.commit([next]);
    await this.changed([id]);
    return factcheckView(next);
  }

  getSettings = (): Promise<Settings> => (this.settings ??= loadSettings(this.desk.dir));

  updateSettings = async (patch: InputOf<'updateSettings'>): Promise<Settings> => {
    const chosen = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = await updateSettings(this.desk.dir, chosen);
    this.settings = Promise.resolve(next);
    return next;
  };
}
