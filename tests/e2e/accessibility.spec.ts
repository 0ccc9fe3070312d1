import AxeBuilder from '@axe-core/playwright';
import { HEADLINE_1, expect, rows, test } from './desk-fixture.js';

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the list and the reader (${scheme})`, async ({ page, desk }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(desk.url);
    await expect(rows(page)).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
    await rows(page).filter({ hasText: HEADLINE_1 }).click();
    await expect(page.getByRole('article').locator('.body p')).toHaveCount(8);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
