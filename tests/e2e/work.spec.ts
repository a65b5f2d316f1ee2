// Never losing work: opening an example, a saved program or a link keeps the user's own
// program in My programs, Undo (and Ctrl+Z in the editor) brings it back, and arrow keys
// never open anything. Links pasted into the same tab open there (hashchange).
import { test, expect, type Page } from '@playwright/test';
import { focusPage, openApp, openExample, runSettled, setProgram, watchProblems } from './helpers';

const MINE = '# my own crawler\nimport asyncio\n\n\nasync def main():\n    print("mine, not an example")\n\nasyncio.run(main())\n';

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Python program' });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('opening an example keeps my program, and Undo brings it back', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await setProgram(page, MINE);
  await openExample(page, '13_lock.py');
  await expect(editor(page)).toHaveValue(/asyncio\.Lock/);
  const notice = page.locator('.banner.info');
  await expect(notice).toHaveText(/Opened the example “Lock”\. Your program was kept in My programs\./);
  await expect(page.getByRole('button', { name: 'My programs (1)' })).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(editor(page)).toHaveValue(MINE);
  await runSettled(page);
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.console')).toContainText('mine, not an example');
  // The draft is mine again, across a reload.
  await page.reload();
  await expect(editor(page)).toHaveValue(MINE);
  expect(problems).toEqual([]);
});

test("the editor's own undo survives an example being opened", async ({ page }) => {
  await openApp(page);
  await setProgram(page, MINE);
  await openExample(page, '02_async_sleep.py');
  await expect(editor(page)).not.toHaveValue(MINE);
  await editor(page).click();
  await page.keyboard.press('Control+z');
  await expect(editor(page)).toHaveValue(MINE);
});

test('My programs opens and deletes what was kept', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await setProgram(page, MINE);
  await openExample(page, '07_gather.py');
  await page.getByRole('button', { name: /^My programs/ }).click();
  const dialog = page.getByRole('dialog', { name: 'My programs' });
  const entry = dialog.locator('.saved-program').first();
  await expect(entry.locator('strong')).toHaveText('my own crawler');
  await entry.locator('button.pick').click();
  await expect(dialog).toBeHidden();
  await expect(editor(page)).toHaveValue(MINE);
  await page.getByRole('button', { name: /^My programs/ }).click();
  await entry.getByRole('button', { name: 'Delete' }).click();
  await entry.getByRole('button', { name: 'Delete for good?' }).click();
  await expect(dialog.locator('.saved-program')).toHaveCount(0);
  await expect(dialog).toContainText('Nothing kept yet.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(problems).toEqual([]);
});

test('arrow keys move through the examples without opening one', async ({ page }) => {
  await openApp(page);
  await setProgram(page, MINE);
  const examples = page.getByRole('button', { name: 'Examples', exact: true });
  await examples.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(editor(page)).toHaveValue(MINE);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(editor(page)).toHaveValue(MINE);
  await expect(dialog.locator('button.pick:focus strong')).toHaveText(/\S/);
  // Only Enter opens the focused one.
  const chosen = await dialog.locator('button.pick:focus').getAttribute('data-file');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await runSettled(page);
  await expect(editor(page)).not.toHaveValue(MINE);
  expect(chosen).toMatch(/\.py$/);
});

test('a link pasted into the same tab opens there, keeping my program', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await openExample(page, '13_lock.py');
  await focusPage(page);
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = page.url();
  expect(link).toMatch(/#v3\./);
  // Later, my own program; then the link is pasted into this tab's address bar.
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  await setProgram(page, MINE);
  await page.evaluate((url) => { location.href = url; }, link);
  await expect(editor(page)).toHaveValue(/asyncio\.Lock/);
  await runSettled(page);
  await expect(page.locator('.event-label')).toHaveText(/^event (\d+) of \1$/);
  await expect(page.locator('.banner.info')).toContainText('Opened the link. Your program was kept in My programs.');
  // A broken link pasted the same way: a banner, and the program stays.
  await page.evaluate(() => { location.hash = '#v2.***broken***'; });
  await expect(page.getByRole('alert')).toContainText('The program in the editor was left as it was.');
  await expect(editor(page)).toHaveValue(/asyncio\.Lock/);
  expect(problems).toEqual([]);
});

test('opening a share link over a draft keeps the draft', async ({ page, browser }) => {
  await openApp(page);
  await openExample(page, '02_async_sleep.py');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = page.url();
  const other = await browser.newPage();
  await openApp(other, '/');
  await setProgram(other, MINE);
  await other.goto('about:blank');
  await openApp(other, link);
  await expect(editor(other)).toHaveValue(/asyncio\.sleep/);
  await expect(other.locator('.banner.info')).toContainText('Opened the shared link. Your program was kept in My programs.');
  await other.locator('.banner.info').getByRole('button', { name: 'Undo' }).click();
  await expect(editor(other)).toHaveValue(MINE);
  await other.close();
});
