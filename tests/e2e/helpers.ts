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

/** Opens `path` and waits until the app has mounted and its program's run has arrived
 * from the engine's worker (or the page says why it did not run it). */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await skipTour(page);
  await page.goto(path);
  await expect(page.locator('.controls')).toBeVisible();
  await runSettled(page);
}

/** Replaces the program and runs it at once (Run), waiting for its run to arrive. */
export async function setProgram(page: Page, program: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Python program' }).fill(program);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await runSettled(page);
}

/** Waits until no run is under way and the status line says how the last one went. */
export async function runSettled(page: Page): Promise<void> {
  await expect(page.locator('.run-status').first()).toHaveText(/^(?!running)\S/, { timeout: 20_000 });
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
  await page.locator('.brand').first().click();
}

/** Opens an example (by file name) from the Examples dialog and waits for its run. */
export async function openExample(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.locator(`dialog button.pick[data-file="${file}"]`).click();
  await expect(page.getByRole('dialog', { name: 'Examples' })).toBeHidden();
  await runSettled(page);
}

/** Marks the guided tour as seen before each load of this page (tour.spec.ts tests it). */
export async function skipTour(page: Page): Promise<void> {
  await page.addInitScript(() => {
    try {
      localStorage.setItem('loopscope.toured.v1', '1');
    } catch {
      // A third-party frame may have no storage; the tour is not shown in embeds anyway.
    }
  });
}
