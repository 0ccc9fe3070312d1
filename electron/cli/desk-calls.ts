import type { InputOf, MethodName, OutputOf } from '../core/api.js';
import { DeskError } from '../core/result.js';
import type { DeskService } from '../core/service.js';
import { UsageError } from './args.js';

/** Calls one contract method and returns its value; a refusal becomes a DeskError (exit 1, one line). */
export async function call<M extends MethodName>(service: DeskService, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const r = await service.call(method, input);
  if (!r.ok) throw new DeskError(r.error.code, r.error.message);
  return r.value;
}

/** An article id as typed: the whole id, or any prefix that names exactly one article. */
export function resolveArticleId(service: DeskService, wanted: string): string {
  if (wanted === '') throw new UsageError('the article id is empty');
  if (service.desk.summary(wanted)) return wanted;
  return uniquePrefix(service.desk.list().map((a) => a.id), wanted);
}

function uniquePrefix(ids: string[], prefix: string): string {
  const hits = ids.filter((id) => id.startsWith(prefix));
  if (hits.length > 1) throw new DeskError('NOT_FOUND', `id prefix ${prefix} matches ${hits.length} articles; give more of it`);
  return hits[0] ?? prefix;
}
