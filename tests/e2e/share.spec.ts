// Share links round-trip exactly (program, seed, event) in a fresh page; a damaged link
// shows a clear banner and the default example instead.
import { test, expect } from '@playwright/test';
import { focusPage, openApp, openExample, watchProblems } from './helpers';

test('a copied link reopens the same program at the same event', async ({ page, browser }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await openExample(page, '13_lock.py');
  const editor = page.getByRole('textbox', { name: 'Python program' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# shared ✓ ünïcode');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Seed' }).press('Enter');
  await focusPage(page);
  await page.keyboard.press('Home');
  for (let step = 0; step < 12; step++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.event-label')).toHaveText(/^event 13 of/);
  const code = await editor.inputValue();
  const narration = await page.locator('.narration').textContent();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page).toHaveURL(/#v3\.[A-Za-z0-9_-]+$/);
  const link = page.url();

  const fresh = await browser.newPage();
  const freshProblems = watchProblems(fresh);
  await openApp(fresh, link);
  await expect(fresh.getByRole('textbox', { name: 'Python program' })).toHaveValue(code);
  await expect(fresh.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(fresh.locator('.event-label')).toHaveText(/^event 13 of/);
  await expect(fresh.locator('.narration')).toHaveText(narration ?? '');
  await expect(fresh.locator('.banner')).toHaveCount(0);
  await fresh.close();
  expect(problems).toEqual([]);
  expect(freshProblems).toEqual([]);
});

for (const [name, fragment] of [
  ['invalid base64', '#v2.***not*base64***'],
  ['truncated data', '#v2.eJzLSM3JyQcABiwCFQ'],
  ['an unknown version', '#v9.abc'],
  ['not a link at all', '#hello'],
]) {
  test(`a bad link (${name}) shows a banner and the default example`, async ({ page }) => {
    const problems = watchProblems(page);
    await openApp(page, `/${fragment}`);
    await expect(page.getByRole('alert')).toContainText('Showing the default example instead.');
    await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveValue(/asyncio\.gather/);
    await expect(page.locator('.run-status').first()).toHaveText('finished');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
}

test('a program too large for a link is offered as a .py download', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  // Pseudo-random letters do not compress well, so the link would pass the length limit.
  let state = 7;
  const names: string[] = [];
  for (let line = 0; line < 300; line++) {
    let text = '# ';
    for (let letter = 0; letter < 100; letter++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      text += String.fromCharCode(97 + (state % 26));
    }
    names.push(text);
  }
  await page.getByRole('textbox', { name: 'Python program' }).fill(names.join('\n') + '\n');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.py$/);
  await expect(page.getByText(/too large for a link/)).toBeVisible();
  await expect(page).not.toHaveURL(/#v3\./);
  await page.evaluate(() => localStorage.clear());
  expect(problems).toEqual([]);
});
