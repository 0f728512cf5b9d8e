// Browser journeys against the release build in dist/, served on 127.0.0.1 by the test run
// itself, in Debian's Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";

// DIST and PORT let a second build (a debug build, say) be tested beside the release one.
const port = Number(process.env.PORT ?? 4173);
const dist = process.env.DIST ?? "dist";

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.spec.js",
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node tests/serve-dist.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
