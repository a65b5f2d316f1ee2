// Shared helpers for the browser tests: open the app with a clean slate, watch for errors,
// save screenshots under artifacts/screenshots/.
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';

/** Collects console errors and uncaught exceptions; assert it stays empty. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  return problems;
}

/** Opens `path` and waits until the app has mounted and run its program. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.controls')).toBeVisible();
  await expect(page.locator('.event-label')).toContainText('event');
}

/** Saves a screenshot as artifacts/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(__dirname, 'artifacts', 'screenshots', `${name}.png`) });
}

/** The panel with this heading id (e.g. 'ready-title'). */
export function panel(page: Page, titleId: string) {
  return page.locator(`section[aria-labelledby="${titleId}"]`);
}

/** Focuses the page body, so keyboard shortcuts reach the app rather than a field. */
export async function focusPage(page: Page): Promise<void> {
  await page.locator('.brand, .embed-bar strong').first().click();
}
