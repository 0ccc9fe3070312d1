import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../integration/run-cli.js';
import { serveDesk } from '../support/serve-desk.js';
import { HEADLINE_1, expect, rows, test } from './desk-fixture.js';

test('a desk restored from a backup at open says so in browser mode, and keeps its articles', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-recovery-'));
  try {
    expect((await runCli(['import', 'seeds', '--db', dir, '--json'])).code).toBe(0);
    const backup = await runCli(['backup', 'create', '--db', dir, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    // Both roots destroyed: the store's own fallbacks are gone, only the backup can bring the desk back.
    await writeFile(join(dir, 'desk.json'), '{"format": "copydesk-desk", "schemaVer');
    await writeFile(join(dir, 'desk.json.bak'), 'garbage');
    const served = await serveDesk(dir);
    try {
      await page.goto(served.url);
      const notice = page.getByRole('alert').filter({ hasText: 'The desk was repaired when it opened' });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(/restored from backup/);
      await expect(rows(page)).toHaveCount(2);
      await expect(rows(page).nth(0)).toContainText(HEADLINE_1);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an ordinary desk shows no notice', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('alert').filter({ hasText: 'when it opened' })).toHaveCount(0);
});
