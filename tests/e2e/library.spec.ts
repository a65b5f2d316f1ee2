// The library's Python files that few programs import are not in the engine's wasm: the
// engine's worker fetches each the first time a program imports it (src/worker.js, the
// runtime's src/python_sources.rs). The default program fetches none; a program that imports
// them runs as it would with them embedded; a file the server cannot give is an ImportError
// in the program's output, and the next run asks again.
import { test, expect, type Page } from '@playwright/test';
import { focusPage, openApp, runSettled, watchProblems } from './helpers';

// json imports json.decoder and json.encoder; dataclasses imports copy, types, keyword,
// collections... (15 files for both).
const IMPORTS = [
  'import asyncio',
  'import dataclasses',
  'import json',
  '',
  '',
  '@dataclasses.dataclass',
  'class Point:',
  '    x: int',
  '    y: int',
  '',
  '',
  'async def main():',
  '    await asyncio.sleep(1)',
  '    print(json.dumps(dataclasses.asdict(Point(1, 2))))',
  '    print(json.loads(\'{"a": [1, 2.5, null]}\'))',
  '',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

// A library file: python-HASH/PATH.py (xtask/hash-engine.mjs names the directory).
const LIBRARY_FILE = /\/python-[0-9a-f]{16}\/(.+\.py)$/;

/** The library files the page (and its workers) request from now on. */
function watchLibrary(page: Page): string[] {
  const fetched: string[] = [];
  page.context().on('request', (request) => {
    const file = request.url().match(LIBRARY_FILE)?.[1];
    if (file) fetched.push(file);
  });
  return fetched;
}

/** Runs `program` and shows its last event (the console as the run left it). */
async function run(page: Page, program: string) {
  await page.getByRole('textbox', { name: 'Python program' }).fill(program);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await runSettled(page);
  await focusPage(page);
  await page.keyboard.press('End');
}

test('the default program fetches no library file; one that imports them fetches what it imports', async ({ page }) => {
  const problems = watchProblems(page);
  const fetched = watchLibrary(page);
  await openApp(page);
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  expect(fetched).toEqual([]);

  await run(page, IMPORTS);
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  await expect(page.locator('.console')).toContainText('{"x": 1, "y": 2}');
  await expect(page.locator('.console')).toContainText("{'a': [1, 2.5, None]}");
  expect(fetched).toContain('json/__init__.py');
  expect(fetched).toContain('json/decoder.py');
  expect(fetched).toContain('dataclasses.py');
  // Only what was imported: nothing of argparse, logging or datetime.
  expect(fetched.filter((file) => /argparse|logging|datetime/.test(file))).toEqual([]);
  expect(problems).toEqual([]);
});

test('a library file the server cannot give is an ImportError, and the next run asks again', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await page.context().route(LIBRARY_FILE, (route) => route.abort());
  await run(page, 'import json\nprint(json.dumps([1]))\n');
  await expect(page.locator('.console')).toContainText(
    'ImportError: cannot import the library module json: the library file json/__init__.py could not be loaded',
  );
  await page.context().unroute(LIBRARY_FILE);
  await run(page, 'import json\nprint(json.dumps([1]))\n');
  await expect(page.locator('.console')).toContainText('[1]');
  await expect(page.locator('.console')).not.toContainText('ImportError');
  // The page's own console stays clean: the failure is the program's.
  expect(problems.filter((problem) => !problem.includes('python-'))).toEqual([]);
});
