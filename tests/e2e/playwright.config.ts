// Browser tests for the Loopscope web app: Debian's Chromium against the release build in
// dist/, served on 127.0.0.1 by serve-dist.mjs. Run them with `cargo xtask test`, which
// builds dist/ first and picks the port (LOOPSCOPE_E2E_PORT).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LOOPSCOPE_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  testDir: '.',
  outputDir: 'artifacts/test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: 'list',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    // A laptop-sized window: the screenshots in docs/ come from these runs.
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright's own browser download is not reachable from here; never `playwright install`.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Other names for the same server, for other origins: a course page framing an embed
        // (cross-origin), a classroom server over plain http (not a secure context).
        '--host-resolver-rules=MAP *.test 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `node serve-dist.mjs ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
