// Shared set-up for every journey: a page that fails the test on any console error or
// uncaught exception, and an accessibility check with axe-core against WCAG 2.2 AA.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
    await use(page);
    expect(problems, "the page reported errors").toEqual([]);
  },
});

export { expect };

/** Fails with the list of WCAG 2.2 A/AA violations axe-core finds on the page as it is now. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(", ")})`,
  );
  expect(summary, "axe-core found accessibility violations").toEqual([]);
}

/**
 * Waits until the app has started and drawn its first screen. The release build's Home is on
 * show before the wasm arrives (pre-rendered, its links plain links that load a page), so the
 * wait is for the app itself: the loader sets `wasmBindings` once the app has taken over.
 */
export async function openApp(page, path = "./") {
  await page.goto(path);
  await expect(page.locator("main h1")).toBeVisible();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
}
