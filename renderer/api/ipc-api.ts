import type { ApiClient } from '../../electron/core/api';
import { METHOD_NAMES } from '../../electron/core/api-methods';
import type { CopydeskBridge } from '../../electron/preload/bridge-types';
import type { DeskApi } from './desk-api';

export type { CopydeskBridge };

export function ipcApi(bridge: CopydeskBridge): DeskApi {
  const client = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => (bridge[m] as (i: unknown) => unknown)(input)])) as unknown as ApiClient;
  return {
    transport: 'ipc',
    client,
    onEvent: (listener) => bridge.onEvent(listener),
    pickImport: (kind) => bridge.pickImport(kind),
    saveDownload: (d) => bridge.saveDownload(d.id),
    pathForFile: (file) => bridge.pathForFile(file),
  };
}
