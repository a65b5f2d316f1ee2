// What every measurement of the page starts with: the release build in dist/ served on
// 127.0.0.1 (tests/e2e/serve-dist.mjs, gzip like a static host) and Debian's Chromium,
// headless, without the background work (updates, sync, QUIC) that would disturb a figure.
// Used by budgets.mjs, timeline.mjs and worker.mjs; the caller closes both.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Serves dist/ on `port` and launches Chromium: `{ server, browser }`. */
export async function servePage(port) {
  const e2eDir = fileURLToPath(new URL('..', import.meta.url));
  const server = spawn('node', ['serve-dist.mjs', String(port)], { cwd: e2eDir, stdio: 'inherit' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { server, browser };
}
