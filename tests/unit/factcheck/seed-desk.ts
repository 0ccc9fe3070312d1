import { join } from 'node:path';
import type { ListQuery } from '../../../electron/core/api.js';
import type { Result } from '../../../electron/core/result.js';
import { DeskService } from '../../../electron/core/service.js';
import { openDesks } from '../../support/open-desks.js';

export const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

export const refusal = <T>(r: Result<T>): string => {
  if (r.ok) throw new Error('expected a refusal');
  return `${r.error.code}: ${r.error.message}`;
};

/**
 * A real desk in a temp folder, filled through the real import from the given seed paths, with the service every
 * transport uses; `reopen` closes it and opens the same folder again, as a restart would.
 */
export function seedDesks(prefix: string) {
  const desks = openDesks(prefix);
  return {
    cleanup: desks.cleanup,
    async make(paths: string[] = ['seeds']) {
      const dir = join(await desks.tmp.make(), 'desk');
      let service = new DeskService(await desks.open(dir));
      value(await service.call('importPaths', { paths }));
      const ids = value(await service.call('listArticles', {})).items.map((i) => i.id);
      const list = async (q: ListQuery = {}) => value(await service.call('listArticles', q));
      return {
        dir,
        ids,
        get service() {
          return service;
        },
        list,
        /** Ids shown by a list query, in order. */
        shown: async (q: ListQuery = {}) => (await list(q)).items.map((i) => i.id),
        async reopen() {
          await desks.close(service.desk);
          service = new DeskService(await desks.open(dir));
        },
      };
    },
  };
}
