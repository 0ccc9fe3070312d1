import type { ArticleRecord, StoredEntityFix } from '../model.js';
import { DeskError } from '../result.js';
import { currentContent } from '../revisions.js';
import { articleText } from './article-text.js';
import { analyseRecord } from './claim-store.js';
import { entityKey, occurrences } from './entities.js';

/** Far more than any article needs; it only stops a runaway client from growing a record without bound. */
const MAX_FIXES = 1000;

/**
 * Stores an editor's correction of the entity list on the record, to be replayed over every fresh analysis
 * (so it survives corrections, re-imports and restarts). The name must be one the article's entity list shows
 * (by name or alias), one the editor removed earlier, or — when adding a name the tagger missed — words that
 * stand in the article as a whole-word, case-sensitive match.
 */
export function fixEntity(record: ArticleRecord, input: StoredEntityFix, now: string): ArticleRecord {
  const name = input.name.normalize('NFC').trim();
  const rename = input.rename?.normalize('NFC').trim() || undefined;
  if (input.type === null && rename !== undefined) throw new DeskError('INVALID_INPUT', 'a name that is being removed cannot also be renamed');
  const k = entityKey(name);
  const analysis = analyseRecord(record);
  const listed = analysis.entities.some((e) => [e.name, ...e.aliases].some((n) => entityKey(n) === k));
  const removed = analysis.removedEntities.some((e) => entityKey(e.name) === k);
  const missed = input.type !== null && occurrences(articleText(currentContent(record)).text, name).length > 0;
  if (!listed && !removed && !missed) throw new DeskError('NOT_FOUND', `"${name.slice(0, 80)}" is not a name in this article`);
  if (record.entityFixes.length >= MAX_FIXES) throw new DeskError('INVALID_INPUT', `this article already has ${MAX_FIXES} entity fixes`);
  // Giving a removed name a type again takes the removal back, rather than stacking a contradiction behind it.
  const earlier = input.type === null ? record.entityFixes : record.entityFixes.filter((f) => !(f.type === null && entityKey(f.name) === k));
  const fix: StoredEntityFix = { name, type: input.type, ...(rename !== undefined ? { rename } : {}) };
  return { ...record, entityFixes: [...earlier, fix], modifiedAt: now };
}
