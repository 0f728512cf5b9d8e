// The first screen pre-rendered into index.html: it paints before the wasm arrives, the app
// takes it over without a visible change (same elements and words, focus and scroll kept, no
// layout shift), and an address that opens another screen shows the frame, not Home.
import { test, expect, expectAccessible } from "./fixtures.js";

/** Holds the main wasm module until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/readiness-check-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The page's own nodes as plain data: element names, attributes that say something, words. */
function pageShape() {
  const shape = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() || null;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const attributes = [...node.attributes]
      .filter((attribute) => !(attribute.name === "class" && attribute.value === ""))
      .map((attribute) => `${attribute.name}=${attribute.value}`)
      .sort();
    // Adjacent words are one text, however the renderer cut them into nodes.
    const children = [];
    for (const child of [...node.childNodes].map(shape).filter((child) => child !== null)) {
      if (typeof child === "string" && typeof children.at(-1) === "string") children[children.length - 1] += ` ${child}`;
      else children.push(child);
    }
    return { name: node.localName, attributes, children };
  };
  return [...document.body.children].filter((node) => !/^(script|noscript)$/.test(node.localName)).map(shape);
}

test("Home paints before the wasm arrives, and the app takes it over with the same page, focus and scroll kept, no layout shift", async ({ page }, testInfo) => {
  const release = await holdWasm(page);
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto("./", { waitUntil: "domcontentloaded" });
  // Before the wasm: the page is there, and a person can already move around it.
  await expect(page.getByRole("heading", { level: 1, name: "Sector Partnership Readiness Check" })).toBeVisible();
  await expect(page.locator("footer.site-footer")).toBeVisible();
  const before = await page.evaluate(pageShape);
  await page.screenshot({ path: testInfo.outputPath("first-paint-800x500.png") });
  const start = page.getByRole("link", { name: "Start an assessment" });
  for (let press = 0; press < 12 && !(await start.evaluate((link) => link === document.activeElement)); press += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(start).toBeFocused();
  await page.evaluate(() => {
    window.scrollTo(0, 120);
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.shifts += entry.value;
    }).observe({ type: "layout-shift" });
    window.preRendered = document.querySelector("header");
  });
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);

  release();
  await page.waitForFunction(() => !document.contains(window.preRendered));
  // The app's own page, element for element and word for word what was pre-rendered.
  expect(await page.evaluate(pageShape)).toEqual(before);
  await expect(page.getByRole("link", { name: "Start an assessment" })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.shifts)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath("taken-over-800x500.png") });
  // And it is the app now: the link moves in place.
  await page.getByRole("link", { name: "Start an assessment" }).click();
  await expect(page).toHaveURL(/[?&]screen=assessment/);
  await expectAccessible(page);
});

test("an address that opens another screen shows the header and footer at once, never Home, then that screen", async ({ page }) => {
  const release = await holdWasm(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("./?screen=about", { waitUntil: "domcontentloaded" });
  await expect(page.locator("header.site-header")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sector Partnership Readiness Check" })).toBeHidden();
  // The content's room is held, so the footer does not jump into view and out again.
  const footerTop = await page.locator("footer.site-footer").evaluate((footer) => footer.getBoundingClientRect().top);
  expect(footerTop).toBeGreaterThanOrEqual(800);
  release();
  await expect(page.locator("main h1")).toHaveText("About this check and its sources");
  expect(await page.evaluate(() => document.documentElement.className)).toBe("");
});
