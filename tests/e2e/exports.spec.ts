// Exports: the trace as JSON (the CLI's format), the Perfetto file (checked against the
// Trace Event format), the console as text, each a download; and the program as .py.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, openExample, watchProblems } from './helpers';

async function download(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-menu').getByRole('button', { name: item }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

test('every export downloads a well-formed file', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await openExample(page, '07_gather.py');
  await expect(page.locator('.run-status').first()).toHaveText('finished');

  const trace = await download(page, 'Trace (JSON)');
  expect(trace.name).toBe('07_gather.trace.json');
  const parsed = JSON.parse(trace.text);
  expect(parsed.version).toBe(3);
  expect(parsed.filename).toBe('07_gather.py');
  const count = Number((await page.locator('.event-label').textContent())!.split(' of ')[1].replace(/,/g, ''));
  expect(parsed.events.length).toBe(count);
  expect(parsed.events[0].event).toBe('task_created');
  expect(parsed.strings[0]).toBe('');

  const perfetto = await download(page, 'Perfetto trace');
  expect(perfetto.name).toBe('07_gather.perfetto.json');
  const file = JSON.parse(perfetto.text);
  expect(file.displayTimeUnit).toBe('ms');
  const events: any[] = file.traceEvents;
  for (const event of events) {
    expect(typeof event.name).toBe('string');
    expect(['M', 'X', 'i', 's', 'f', 'C']).toContain(event.ph);
    if (event.ph !== 'M' && event.ph !== 'C') expect(typeof event.tid).toBe('number');
    if (event.ph === 'X') expect(event.dur).toBeGreaterThanOrEqual(0);
  }
  const names = events.filter((e) => e.name === 'thread_name').map((e) => e.args.name);
  expect(names).toEqual(['event loop', 'Task-1 · main()', 'Task-2 · addition()', 'Task-3 · multiplication()', 'Task-4 · division()']);
  const starts = events.filter((e) => e.ph === 's').map((e) => e.id).sort();
  const finishes = events.filter((e) => e.ph === 'f').map((e) => e.id).sort();
  expect(starts).toEqual(finishes);
  expect(events.filter((e) => e.cat === 'print').map((e) => e.name)).toContain('print: division: 0.5');

  const console = await download(page, 'Console (text)');
  expect(console.name).toBe('07_gather.console.txt');
  expect(console.text.split('\n')[0]).toBe('3.000 addition: 30');

  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .py' }).click()]);
  const program = { name: saved.suggestedFilename(), text: readFileSync((await saved.path())!, 'utf8') };
  expect(program.name).toBe('07_gather.py');
  expect(program.text).toBe(await page.getByRole('textbox', { name: 'Python program' }).inputValue());
  expect(problems).toEqual([]);
});
