import { z } from 'zod';
import { MAX_BUNDLE_DESCRIPTION, MAX_BUNDLE_NAME } from './bundle-record.js';

/**
 * What a bundle's name and description may be. Names are how editors (and `copydesk export --bundle NAME`) pick
 * a bundle, so two live bundles never share one, ignoring case and surrounding or repeated spaces.
 */
export const cleanBundleName = (raw: string): string => raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
export const cleanBundleDescription = (raw: string): string => raw.normalize('NFC').trim();
export const bundleNameKey = (name: string): string => cleanBundleName(name).toLowerCase();

const chars = (s: string): number => [...s].length;

export const BundleNameSchema = z
  .string()
  .max(MAX_BUNDLE_NAME * 8)
  .transform(cleanBundleName)
  .pipe(
    z
      .string()
      .min(1, 'a bundle name cannot be empty')
      .refine((s) => chars(s) <= MAX_BUNDLE_NAME, `a bundle name is at most ${MAX_BUNDLE_NAME} characters`),
  );

export const BundleDescriptionSchema = z
  .string()
  .max(MAX_BUNDLE_DESCRIPTION * 4)
  .transform(cleanBundleDescription)
  .pipe(z.string().refine((s) => chars(s) <= MAX_BUNDLE_DESCRIPTION, `a bundle description is at most ${MAX_BUNDLE_DESCRIPTION} characters`));

/** The live bundle, other than `self`, already called `name`. */
export function bundleNamed<B extends { id: string; name: string; deleted: boolean }>(bundles: Iterable<B>, name: string, self: string | null = null): B | undefined {
  const key = bundleNameKey(name);
  for (const b of bundles) if (!b.deleted && b.id !== self && bundleNameKey(b.name) === key) return b;
  return undefined;
}
