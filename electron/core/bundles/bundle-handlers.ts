import type { z } from 'zod';
import type { ArticlePage, ListQuery } from '../query/list-query.js';
import { DeskError } from '../result.js';
import type { Desk } from '../store/desk-store.js';
import { newBundleId } from './bundle-id.js';
import type {
  AddToBundleInput, BundleIdInput, CreateBundleInput, ListBundlesInput, MoveInBundleInput, RemoveFromBundleInput, ReorderBundleInput, UpdateBundleInput,
} from './bundle-inputs.js';
import { bundleNamed } from './bundle-names.js';
import * as ops from './bundle-operations.js';
import type { BundleRecord } from './bundle-record.js';
import { type AddToBundleResult, type BundleSummary, type BundleView, type RemoveFromBundleResult, toBundleSummary, toBundleView } from './bundle-view.js';

export interface BundleDeps {
  /** The name that signs revisions: the desk's settings, shared with the editorial methods. */
  editor: () => Promise<string>;
  /** The article list's own query (filters, search and sort), so "the current filter" means exactly what it shows. */
  listArticles: (query: ListQuery) => Promise<ArticlePage>;
  /** Tells every window which bundles changed. */
  changed: (ids: string[]) => void;
}

type In<S extends z.ZodType> = z.output<S>;

/**
 * The bundle methods of the contract. Each checks what only the desk knows (that the articles exist, that the
 * name is free among live bundles), applies one operation and commits the bundle durably before answering.
 */
export class BundleHandlers {
  constructor(
    private readonly desk: Desk,
    private readonly deps: BundleDeps,
  ) {}

  listBundles = async ({ includeDeleted }: In<typeof ListBundlesInput>): Promise<BundleSummary[]> =>
    this.desk.bundles().filter((b) => includeDeleted === true || !b.deleted).map(toBundleSummary);

  getBundle = async ({ id }: In<typeof BundleIdInput>): Promise<BundleView> => this.view(this.find(id));

  createBundle = async ({ name, description, ids, query }: In<typeof CreateBundleInput>): Promise<BundleView> => {
    const articleIds = ids !== undefined ? this.onDesk(ids) : query !== undefined ? await this.matching(query) : [];
    this.nameFree(name, null);
    const id = newBundleId((candidate) => this.desk.bundle(candidate) !== undefined);
    return this.save(ops.createBundle(id, { name, description: description ?? '', articleIds }, await this.actor()));
  };

  updateBundle = async ({ id, name, description }: In<typeof UpdateBundleInput>): Promise<BundleView> => {
    const record = this.find(id);
    const next = ops.updateBundle(record, { name, description }, await this.actor());
    if (next.name !== record.name) this.nameFree(next.name, id);
    return this.save(next, record);
  };

  addToBundle = async ({ id, ids, position }: In<typeof AddToBundleInput>): Promise<AddToBundleResult> => {
    const record = this.find(id);
    const { record: next, added } = ops.addToBundle(record, this.onDesk(ids), position, await this.actor());
    return { added, bundle: await this.save(next, record) };
  };

  /** Ids no longer on the desk can be removed too; only an id in neither the bundle nor the desk is refused. */
  removeFromBundle = async ({ id, ids }: In<typeof RemoveFromBundleInput>): Promise<RemoveFromBundleResult> => {
    const record = this.find(id);
    const unknown = ids.filter((a) => !record.articleIds.includes(a) && !this.desk.summary(a));
    if (unknown.length > 0) throw new DeskError('NOT_FOUND', `no article with id ${ops.listIds([...new Set(unknown)])}`);
    const { record: next, removed } = ops.removeFromBundle(record, ids, await this.actor());
    return { removed, bundle: await this.save(next, record) };
  };

  moveInBundle = async ({ id, articleId, to }: In<typeof MoveInBundleInput>): Promise<BundleView> => {
    const record = this.find(id);
    return this.save(ops.moveInBundle(record, articleId, to, await this.actor()), record);
  };

  reorderBundle = async ({ id, ids }: In<typeof ReorderBundleInput>): Promise<BundleView> => {
    const record = this.find(id);
    return this.save(ops.reorderBundle(record, ids, await this.actor()), record);
  };

  deleteBundle = async ({ id }: In<typeof BundleIdInput>): Promise<BundleView> => {
    const record = this.find(id);
    return this.save(ops.deleteBundle(record, await this.actor()), record);
  };

  undoBundle = async ({ id }: In<typeof BundleIdInput>): Promise<BundleView> => this.step(id, ops.undoBundle, 'undo');

  redoBundle = async ({ id }: In<typeof BundleIdInput>): Promise<BundleView> => this.step(id, ops.redoBundle, 'redo');

  /** Undo and redo can bring back a name (or the whole bundle) that another live bundle has taken since. */
  private async step(id: string, op: typeof ops.undoBundle, verb: 'undo' | 'redo'): Promise<BundleView> {
    const record = this.find(id);
    const next = op(record, await this.actor());
    const other = next.deleted ? undefined : bundleNamed(this.desk.bundles(), next.name, id);
    if (other) {
      throw new DeskError('INVALID_INPUT', `cannot ${verb}: it would name this bundle "${next.name}", which bundle ${other.id} is called now; rename one of them first`);
    }
    return this.save(next, record);
  }

  private find(id: string): BundleRecord {
    const record = this.desk.bundle(id);
    if (!record) throw new DeskError('NOT_FOUND', `no bundle with id ${id}`);
    return record;
  }

  private nameFree(name: string, self: string | null): void {
    const other = bundleNamed(this.desk.bundles(), name, self);
    if (other) throw new DeskError('INVALID_INPUT', `a bundle named "${other.name}" already exists (${other.id}); bundle names ignore case`);
  }

  /** The ids, each once in first-given order, all of them articles on the desk. */
  private onDesk(ids: readonly string[]): string[] {
    const unique = [...new Set(ids)];
    const unknown = unique.filter((a) => !this.desk.summary(a));
    if (unknown.length > 0) throw new DeskError('NOT_FOUND', `no article with id ${ops.listIds(unknown)}`);
    return unique;
  }

  private async matching(query: ListQuery): Promise<string[]> {
    const { offset: _offset, limit: _limit, ...filter } = query;
    return (await this.deps.listArticles(filter)).items.map((a) => a.id);
  }

  private async actor(): Promise<ops.BundleActor> {
    return { editor: await this.deps.editor(), now: new Date().toISOString() };
  }

  private async save(next: BundleRecord, previous?: BundleRecord): Promise<BundleView> {
    if (next !== previous) {
      await this.desk.commit([], { bundles: [next] });
      this.deps.changed([next.id]);
    }
    return this.view(next);
  }

  private view(record: BundleRecord): BundleView {
    return toBundleView(record, (id) => this.desk.summary(id));
  }
}
