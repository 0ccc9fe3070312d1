import { expect, fixturePath, test } from './electron-app.js';

test('File › Import Files… imports what the (stubbed) open dialog returns', async ({ electronApp, page }) => {
  const headline = 'Harbour cranes idle as dockworkers strike for second day';
  await expect(page.getByText('Putin, North Korea’s Kim in phone call ahead of Alaska summit').first()).toBeVisible();
  await expect(page.getByText(headline)).toHaveCount(0);

  // No native dialog can be driven from a test, so the spec replaces it in the main process.
  await electronApp.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
  }, fixturePath('harbour-cranes.txt'));
  const clicked = await electronApp.evaluate(({ Menu }) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById('import-files');
    item?.click();
    return Boolean(item);
  });
  expect(clicked).toBe(true);

  await expect(page.getByText(headline).first()).toBeVisible();
});
