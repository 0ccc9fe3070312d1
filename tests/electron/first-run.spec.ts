import { expect, test } from './electron-app.js';

test('a new desk opens with the bundled seed articles', async ({ page }) => {
  await expect(page.getByText('Putin, North Korea’s Kim in phone call ahead of Alaska summit').first()).toBeVisible();
  await expect(page.getByText('Pakistan, Afghanistan exchange heavy fire along border, officials say').first()).toBeVisible();
});
