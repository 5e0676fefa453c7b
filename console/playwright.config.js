import { defineConfig } from '@playwright/test';

// Runs against a service already started (test.sh starts it from the Release build on a fresh database with the
// demo data, in Development so that the loopback role picker is offered). Debian's chromium, no download.
const root = process.getuid?.() === 0;
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  outputDir: '../.muster/e2e/results',
  use: {
    baseURL: process.env.MUSTER_CONSOLE_URL ?? 'http://127.0.0.1:5193',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: process.env.MUSTER_CHROMIUM ?? '/usr/bin/chromium',
      args: [...(root ? ['--no-sandbox'] : []), '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    },
  },
});
