// Accessibility: axe-core finds nothing (WCAG 2 A and AA) in either theme, on the full page
// mid-run, with Help open, and in an embed; the guided tour shows once on a first visit.
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { focusPage, openApp, runSettled, screenshot, watchProblems } from './helpers';

// axe is injected as a script, which the page's CSP would refuse.
test.use({ bypassCSP: true });

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(__dirname, '../../node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing in the ${theme} theme`, async ({ browser }) => {
    // Five full-page axe runs outgrow the default 30 s on a loaded machine.
    test.slow();
    const context = await browser.newContext({ colorScheme: theme as 'light' | 'dark' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openApp(page, '/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // Mid-run: every panel has rows, a task is selected, the console has lines.
    await focusPage(page);
    for (let step = 0; step < 40; step++) await page.keyboard.press('ArrowRight');
    await page.locator('.tasks-table button.task-pick').first().click();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('End');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '? Help' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await openApp(page, '/?embed=1&panels=editor,now,stack,ready,timers,tasks,primitives,console,narration,timeline&event=20');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('the tour shows on a first visit, can be followed or skipped, and never returns', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  const tour = page.getByRole('dialog', { name: 'Your program' });
  await expect(tour).toBeVisible();
  await expect(page.locator('.editor-panel')).toHaveClass(/tour-target/);
  // It does not block the page: the program runs and the controls answer meanwhile.
  await runSettled(page);
  await page.getByRole('button', { name: 'Step forward (→)' }).click();
  await expect(page.locator('.event-label')).toHaveText(/^event 2 of/);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'It has already run' })).toBeVisible();
  await expect(page.locator('.controls')).toHaveClass(/tour-target/);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(tour).toBeVisible();
  for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Start from an example' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.tour')).toHaveCount(0);
  await expect(page.locator('.tour-target')).toHaveCount(0);
  await page.reload();
  await runSettled(page);
  await expect(page.locator('.tour')).toHaveCount(0);
  // Help starts it again; Skip ends it at once.
  await page.getByRole('button', { name: '? Help' }).click();
  await page.getByRole('button', { name: 'Take the tour' }).click();
  await expect(tour).toBeVisible();
  await page.getByRole('button', { name: 'Skip the tour' }).click();
  await expect(page.locator('.tour')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the first screen says what to do, and shortcuts work after using any control', async ({ page }) => {
  await openApp(page);
  const hint = page.locator('.first-hint');
  await expect(hint).toContainText('press ▶ Play (Space) to watch them');
  // The speed menu, then a shortcut.
  await page.locator('#speed').selectOption('8');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.event-label')).toHaveText(/^event 2 of/);
  await expect(hint).toHaveCount(0);
  // The slider, then Space plays and End jumps.
  await page.getByRole('slider', { name: 'Event' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.event-label')).toHaveText(/^event 3 of/);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause (Space)' })).toBeVisible();
  await page.keyboard.press(' ');
  // A button, then P jumps to the next print.
  await page.getByRole('button', { name: 'First event (Home)' }).click();
  await page.keyboard.press('p');
  await expect(page.locator('.console li')).toHaveCount(1);
});

for (const [name, width, height] of [['phone', 390, 844], ['tablet', 820, 1180]] as const) {
  test(`on a ${name} the loop and the timeline come before the console`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.setViewportSize({ width, height });
    await openApp(page);
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top('.loop-column')).toBeGreaterThan(await top('.editor-panel'));
    expect(await top('.timeline')).toBeGreaterThan(await top('.loop-column'));
    expect(await top('.console-panel')).toBeGreaterThan(await top('.timeline'));
    await screenshot(page, `${name}-top`);
    await page.locator('.loop-column').scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-loop`);
    expect(problems).toEqual([]);
  });
}
