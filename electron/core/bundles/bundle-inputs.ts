import { z } from 'zod';
import { ListQuerySchema } from '../query/list-query.js';
import { BundleDescriptionSchema, BundleNameSchema } from './bundle-names.js';
import { MAX_BUNDLE_ARTICLES } from './bundle-record.js';

/** The bundle methods' inputs, as the contract in api.ts validates them. Positions are 0-based list indexes. */
const BundleId = z.string().min(1).max(64);
const ArticleId = z.string().min(1).max(128);
const ArticleIds = z.array(ArticleId).min(1).max(MAX_BUNDLE_ARTICLES);
const Position = z.number().int().nonnegative().max(MAX_BUNDLE_ARTICLES);

export const ListBundlesInput = z.strictObject({ includeDeleted: z.boolean().optional() });
export const BundleIdInput = z.strictObject({ id: BundleId });

/**
 * A bundle from a selection (`ids`, in that order) or from the list's current filter (`query`, in its sort order,
 * every match: offset and limit are ignored); with neither it starts empty.
 */
export const CreateBundleInput = z
  .strictObject({
    name: BundleNameSchema,
    description: BundleDescriptionSchema.optional(),
    ids: z.array(ArticleId).max(MAX_BUNDLE_ARTICLES).optional(),
    query: ListQuerySchema.optional(),
  })
  .refine((v) => v.ids === undefined || v.query === undefined, 'give ids or a query, not both');

export const UpdateBundleInput = z.strictObject({ id: BundleId, name: BundleNameSchema.optional(), description: BundleDescriptionSchema.optional() });
export const AddToBundleInput = z.strictObject({ id: BundleId, ids: ArticleIds, position: Position.optional() });
export const RemoveFromBundleInput = z.strictObject({ id: BundleId, ids: ArticleIds });
export const MoveInBundleInput = z.strictObject({ id: BundleId, articleId: ArticleId, to: Position });
export const ReorderBundleInput = z.strictObject({ id: BundleId, ids: z.array(ArticleId).max(MAX_BUNDLE_ARTICLES) });
