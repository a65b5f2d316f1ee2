// The composer: every template builds, runs and follows a slider (generated code, output,
// task graph); steps are edited in place; a problem stops the run and names the step; the
// generated code can be taken to the editor; a composition travels in a share link and
// its sliders show in an embed.
import { test, expect, type Page } from '@playwright/test';
import { focusPage, openApp, screenshot, watchProblems } from './helpers';

/** Each template: what its code must contain, its last printed line (with its stamp), and
 *  one slider move with what the code and the last line become. */
const TEMPLATES = [
  {
    key: 'chain',
    code: 'value = await stage_2()',
    last: ['3s', 'main got 3 back from the chain'],
    slider: { name: 'STAGES', value: '5', code: 'async def stage_5():', last: ['5s', 'main got 5 back from the chain'] },
  },
  {
    key: 'fan_out',
    code: 'await asyncio.gather(*(fetch(i) for i in range(WORKERS)))',
    last: ['2s', 'results, in the order they were asked for: [0, 10, 20, 30]'],
    slider: { name: 'WORKERS', value: '6', code: 'WORKERS = 6', last: ['3s', 'results, in the order they were asked for: [0, 10, 20, 30, 40, 50]'] },
  },
  {
    key: 'producer_consumer',
    code: 'queue = asyncio.Queue(maxsize=MAXSIZE)',
    last: ['3.5s', 'every item was handled'],
    slider: { name: 'CONSUMERS', value: '1', code: 'CONSUMERS = 1', last: ['6.5s', 'every item was handled'] },
  },
  {
    key: 'pipeline',
    code: 'queue_3 = asyncio.Queue(maxsize=MAXSIZE)',
    last: ['7s', 'the pipeline is empty'],
    slider: { name: 'STAGES', value: '2', code: 'last = asyncio.create_task(last_stage(queue_2), name="stage-2")', last: ['6.5s', 'the pipeline is empty'] },
  },
  {
    key: 'crawl',
    code: 'async with limit:',
    last: ['2.276s', 'crawled 6 pages, 2 at a time'],
    slider: { name: 'LIMIT', value: '3', code: 'LIMIT = 3', last: [null, 'crawled 6 pages, 3 at a time'] },
  },
  {
    key: 'retry',
    code: 'page = await asyncio.wait_for(fetch(attempt), timeout=TIMEOUT)',
    last: ['4.25s', 'got the page (attempt 2)'],
    slider: { name: 'ATTEMPTS', value: '2', code: 'ATTEMPTS = 2', last: ['3.5s', 'gave up: no answer after 2 attempts'] },
  },
  {
    key: 'lesson',
    code: 'await job("download", 3)',
    last: ['10s', 'all four jobs are done'],
    choice: { label: 'with gather', code: 'await asyncio.gather(job("download", 3)', last: ['4s', 'all four jobs are done'] },
  },
  {
    key: 'blank',
    code: 'print("hello")',
    last: ['1s', 'one second later'],
  },
] as const;

const generated = (page: Page) => page.locator('.generated-code');

async function lastLine(page: Page, stamp: string | null, text: string) {
  await focusPage(page);
  await page.keyboard.press('End');
  const last = page.locator('.console li').last();
  await expect(last).toContainText(text);
  if (stamp) await expect(last.locator('.stamp')).toHaveText(stamp);
}

async function openComposer(page: Page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await page.getByRole('tab', { name: 'Compose' }).click();
  await expect(page.locator('.composer')).toBeVisible();
}

test('every template builds, runs and follows its slider', async ({ page }) => {
  test.slow();
  const problems = watchProblems(page);
  await openComposer(page);
  const menu = page.getByRole('combobox', { name: 'Start from a template' });
  for (const template of TEMPLATES) {
    await menu.selectOption(template.key);
    await expect(generated(page), template.key).toContainText(template.code);
    await expect(page.locator('.run-status').first(), template.key).toHaveText('finished');
    await lastLine(page, template.last[0], template.last[1]);
    if ('slider' in template) {
      const { name, value, code, last } = template.slider;
      await page.locator(`#param-${name}`).fill(value);
      await expect(generated(page), `${template.key} ${name}`).toContainText(code);
      await lastLine(page, last[0], last[1]);
    }
    if ('choice' in template) {
      await page.getByRole('radio', { name: template.choice.label }).click();
      await expect(generated(page)).toContainText(template.choice.code);
      await lastLine(page, template.choice.last[0], template.choice.last[1]);
    }
  }
  expect(problems).toEqual([]);
});

test('the producer/consumer scenario: backpressure on the slider, waiters in the graph', async ({ page }) => {
  const problems = watchProblems(page);
  await openComposer(page);
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption('producer_consumer');
  await expect(generated(page)).toContainText('MAXSIZE = 2');
  await page.locator('#param-MAXSIZE').fill('1');
  await expect(generated(page)).toContainText('MAXSIZE = 1');
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  // After the first clock advances, consumers wait on the queue and a producer on the full queue.
  await focusPage(page);
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  // The graph's boxes and arrows, in the words its lists give screen readers.
  const boxes = page.locator('.graph-boxes li');
  await expect(boxes).not.toHaveCount(0);
  await expect(boxes.filter({ hasText: 'consumer-0' })).not.toHaveCount(0);
  await expect(page.locator('.graph-boxes li.primitive', { hasText: 'Queue' })).not.toHaveCount(0);
  await expect(page.locator('.graph-arrows li.parked').first()).toBeAttached();
  await screenshot(page, 'composer-producer-consumer');
  expect(problems).toEqual([]);
});

test('steps are added, edited and checked; the code goes on in the editor', async ({ page }) => {
  const problems = watchProblems(page);
  await openComposer(page);
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption('blank');
  await expect(generated(page)).toContainText('await asyncio.sleep(1)');
  // Edit the sleep's seconds.
  const seconds = page.locator('#step-0-1-seconds');
  await seconds.fill('2.5');
  await seconds.press('Enter');
  await expect(generated(page)).toContainText('await asyncio.sleep(2.5)');
  await lastLine(page, '2.5s', 'one second later');
  // Add a blocking sleep after the first print: the pitfall shows up.
  await page.locator('.step').first().getByRole('combobox', { name: 'Add a step after this one' }).selectOption('time.sleep (blocking)');
  await expect(generated(page)).toContainText('time.sleep(1)  # blocks the event loop');
  await expect(page.locator('.pitfall .pitfall-kind')).toHaveText(['blocking call']);
  // A broken expression stops the run and names its step (the sleep is now the third).
  const moved = page.locator('#step-0-2-seconds');
  await moved.fill('2.5 +');
  await moved.press('Enter');
  await expect(page.locator('.composer-problems')).toContainText('main, step 3 (sleep): “2.5 +”: the expression ends too soon');
  await expect(page.locator('.step.has-problem')).toHaveCount(1);
  await moved.fill('3');
  await moved.press('Enter');
  await expect(page.locator('.composer-problems')).toHaveCount(0);
  await expect(generated(page)).toContainText('await asyncio.sleep(3)');
  // Continue in the code editor: the editor holds the generated code, and stays editable.
  await page.getByRole('button', { name: 'Continue in the code editor' }).click();
  const editor = page.getByRole('textbox', { name: 'Python program' });
  await expect(editor).toHaveValue(/await asyncio\.sleep\(3\)/);
  await expect(page.getByRole('tab', { name: 'Code' })).toHaveAttribute('aria-selected', 'true');
  expect(problems).toEqual([]);
});

test('a composition travels in a share link and shows its sliders in an embed', async ({ page, browser }) => {
  test.slow();
  const problems = watchProblems(page);
  await openComposer(page);
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption('crawl');
  await page.locator('#param-LIMIT').fill('4');
  await expect(generated(page)).toContainText('LIMIT = 4');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page).toHaveURL(/#v3\.[A-Za-z0-9_-]+$/);
  const link = page.url();

  const fresh = await browser.newPage();
  const freshProblems = watchProblems(fresh);
  await openApp(fresh, link);
  await expect(fresh.getByRole('tab', { name: 'Compose' })).toHaveAttribute('aria-selected', 'true');
  await expect(fresh.locator('#param-LIMIT')).toHaveValue('4');
  await expect(fresh.locator('.generated-code')).toContainText('LIMIT = 4');
  await fresh.locator('#param-LIMIT').fill('1');
  await expect(fresh.locator('.generated-code')).toContainText('LIMIT = 1');
  await fresh.close();

  const embed = await browser.newPage();
  const embedProblems = watchProblems(embed);
  const fragment = link.slice(link.indexOf('#'));
  await openApp(embed, `/?embed=1&panels=console,timeline${fragment}`);
  await expect(embed.locator('#param-LIMIT')).toHaveValue('4');
  await embed.locator('#param-PAGES').fill('3');
  await focusPage(embed);
  await embed.keyboard.press('End');
  await expect(embed.locator('.console li').last()).toContainText('crawled 3 pages, 4 at a time');
  await screenshot(embed, 'composer-embed');
  await embed.close();
  expect([...problems, ...freshProblems, ...embedProblems]).toEqual([]);
});
