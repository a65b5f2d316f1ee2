// The editor before the app: while the app's wasm is still on its way the program is shown in a
// plain textarea (index.html's #early-editor, filled by src/boot.js), what is typed there is
// never lost (the app opens it, the caret carries on in the app's editor, and it is the saved
// draft even if the app never starts), and a share link's program is shown read-only.
import { test, expect, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { focusPage, runSettled, skipTour, watchProblems } from './helpers';

// The app's wasm only: boot.js's own URL carries its name in its query string.
const APP_WASM = (url: URL) => /^\/loopscope-web-[0-9a-f]+_bg\.wasm$/.test(url.pathname);

/** Holds the app's wasm back until the returned function is called. */
async function holdAppWasm(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(APP_WASM, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const early = (page: Page) => page.locator('#early-editor');
const appEditor = (page: Page) => page.locator('.code-input');

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await skipTour(page);
});

test('the program can be edited before the app has loaded, and the app carries on with it', async ({ page }) => {
  const problems = watchProblems(page);
  const release = await holdAppWasm(page);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(early(page)).toBeVisible();
  await expect(early(page)).toHaveValue(/asyncio\.gather/);
  await expect(early(page)).toBeEditable();
  await expect(page.locator('.controls')).toHaveCount(0);
  const shipped = await early(page).inputValue();
  await early(page).focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nprint("typed while loading")');
  release();
  await expect(page.locator('.controls')).toBeVisible();
  await expect(early(page)).toHaveCount(0);
  const typed = `${shipped}\nprint("typed while loading")`;
  await expect(appEditor(page)).toHaveValue(typed);
  // The caret is where it was: typing carries on at the end.
  await expect(appEditor(page)).toBeFocused();
  await page.keyboard.type('  # and after');
  await expect(appEditor(page)).toHaveValue(`${typed}  # and after`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await runSettled(page);
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.console')).toContainText('typed while loading');
  expect(problems).toEqual([]);
});

test('the saved draft is shown before the app, and what is typed survives an app that never starts', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('loopscope.draft.v1', 'print("my draft")\n'));
  await page.route(APP_WASM, (route) => route.abort());
  await page.goto('/');
  await expect(early(page)).toHaveValue('print("my draft")\n');
  await expect(page.locator('#fatal-error')).toContainText('Loopscope could not start');
  await early(page).focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('print("still mine")\n');
  await page.unroute(APP_WASM);
  await page.reload();
  await expect(page.locator('.controls')).toBeVisible();
  await expect(appEditor(page)).toHaveValue('print("my draft")\nprint("still mine")\n');
});

/** A share link's fragment as src/share_link.rs writes it (v3: program, seed, event,
 * internals, event axis, no composition). */
function shareFragment(code: string, seed: number): string {
  const text = Buffer.from(code, 'utf8');
  const varint = (value: number) => {
    const bytes = [];
    while (value >= 0x80) {
      bytes.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    bytes.push(value);
    return Buffer.from(bytes);
  };
  const payload = Buffer.concat([varint(text.length), text, varint(seed), varint(0), Buffer.from([0, 0, 0])]);
  return `#v3.${deflateRawSync(payload).toString('base64url')}`;
}

test("a share link's program is shown read-only before the app, then opened by it", async ({ page }) => {
  const problems = watchProblems(page);
  const program = 'import asyncio\n\n\nasync def main():\n    print("shared é")\n\nasyncio.run(main())\n';
  const release = await holdAppWasm(page);
  // A query of its own: from '/', a fragment alone would not load the page again.
  await page.goto(`/?shared${shareFragment(program, 7)}`, { waitUntil: 'commit' });
  await expect(early(page)).toHaveValue(program);
  await expect(early(page)).not.toBeEditable();
  release();
  await expect(page.locator('.controls')).toBeVisible();
  await expect(early(page)).toHaveCount(0);
  await expect(appEditor(page)).toHaveValue(program);
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(page.locator('.banner[role="alert"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('an embed waits for the app: no early editor', async ({ page }) => {
  const release = await holdAppWasm(page);
  await page.goto('/?embed=1', { waitUntil: 'commit' });
  await expect(page.locator('#loading')).toBeVisible();
  await expect(early(page)).toBeHidden();
  release();
  await expect(page.locator('.controls')).toBeVisible();
  await expect(early(page)).toHaveCount(0);
});
