import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { startBackupSchedule } from '../core/backup/backup-schedule.js';
import { openDeskWithRecovery } from '../core/backup/open-with-recovery.js';
import { importSeedsOnFirstRun } from '../core/first-run.js';
import { toApiError } from '../core/result.js';
import { DeskService } from '../core/service.js';
import type { Desk } from '../core/store/desk-store.js';
import { appPaths, deskDir, userDataDir } from './app-paths.js';
import { showDeskNotices, showFatalError } from './dialogs.js';
import { sendToWindows, setupIpc } from './ipc.js';
import { LaunchFileQueue, openablePathsFromArgv } from './launch-files.js';
import { setupMenu } from './menu.js';
import { setupNavigationGuards } from './navigation-guards.js';
import { registerAppScheme, setupProtocol } from './protocol.js';
import { setupQuit } from './quit.js';
import { createWindow, mainWindow, ourWindows } from './window.js';

// Everything up to whenReady runs synchronously: scheme privileges, userData and the instance lock must all
// be settled before Electron emits `ready`.
registerAppScheme();
app.setPath('userData', userDataDir(app.getPath('appData'), process.env));

const launchFiles = new LaunchFileQueue();
launchFiles.add(openablePathsFromArgv(process.argv.slice(1), process.cwd()));

if (!app.requestSingleInstanceLock()) {
  // The desk has one owning process; the running instance receives our argv through second-instance.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    launchFiles.add(openablePathsFromArgv(argv.slice(1), workingDirectory));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    launchFiles.add([path]);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady).catch((err: unknown) => {
    showFatalError('Copydesk could not start', toApiError(err).message);
    app.exit(1);
  });
}

async function onReady(): Promise<void> {
  const paths = appPaths(dirname(fileURLToPath(import.meta.url)), { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  const userData = app.getPath('userData');
  const dir = deskDir(userData, process.env);

  setupNavigationGuards();
  setupProtocol(paths.rendererDir);

  let desk: Desk;
  try {
    desk = await openDeskWithRecovery(dir);
  } catch (err) {
    showFatalError('Copydesk cannot open its desk', `${toApiError(err).message}\n\nDesk folder: ${dir}`);
    app.exit(1);
    return;
  }
  const service = new DeskService(desk);
  setupQuit(desk, () => service.dispose());
  await importSeedsOnFirstRun(service, paths.seedsDir);
  // Backs up now (on open), then every 15 minutes while articles change; see core/backup/backup-schedule.ts.
  const backups = startBackupSchedule({ events: service, deskDir: dir, onError: (err) => console.error(`Copydesk: backup failed: ${toApiError(err).message}`) });
  app.once('will-quit', () => void backups.stop());
  setupIpc(service);
  setupMenu({ service, deskDir: dir });

  const openWindow = () => createWindow({ preloadPath: paths.preloadPath, userDataDir: userData });
  const win = await openWindow();
  win.once('ready-to-show', () => void showDeskNotices(desk.notices, win).catch(() => undefined));
  // Files from the launch are imported once the page can hear about it, so its import panel shows the result;
  // a page that failed to load must not hold them back for ever.
  let draining = false;
  const drain = (): void => {
    if (draining) return;
    draining = true;
    launchFiles.drainTo((files) => void importLaunchFiles(service, files));
  };
  win.webContents.once('did-finish-load', drain);
  win.webContents.once('did-fail-load', drain);
  app.on('activate', () => {
    if (ourWindows().length === 0) void openWindow();
  });
}

async function importLaunchFiles(service: DeskService, paths: string[]): Promise<void> {
  const result = await service.call('importPaths', { paths });
  sendToWindows({ type: 'import-finished', result });
  focusMainWindow();
}

function focusMainWindow(): void {
  const win = mainWindow();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
