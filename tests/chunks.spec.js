// The release build's wasm is split: start-up loads the main module only, and the screens it
// left out come in chunks, fetched once the page is idle or when their screen opens.
import { readFileSync } from "node:fs";
import { test as base } from "@playwright/test";
import { test, expect, openApp } from "./fixtures.js";
import { firstLoadFiles, offlineFiles } from "../scripts/first-load.mjs";
import { answer, question, startAssessment } from "./journey.js";

const DIST = "dist";
const chunkFiles = () => {
  const first = firstLoadFiles(DIST).files;
  return offlineFiles(DIST).files.filter((file) => file.endsWith(".wasm") && !first.includes(file));
};
const wasmName = (url) => new URL(url).pathname.split("/").pop();

// Watch the page's own requests: with the worker blocked, every chunk the page wants is a
// request of the page.
test.use({ serviceWorkers: "block" });

test("the chunks come once each, after start, and no screen fetches its chunk again", async ({ page }) => {
  const chunks = chunkFiles();
  expect(chunks.length, "the release build is split into chunks").toBeGreaterThanOrEqual(5);
  const fetched = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) fetched.push(wasmName(request.url()));
  });
  await openApp(page);
  // Once the page is idle, every chunk is fetched, one screen after another.
  await expect.poll(() => chunks.filter((chunk) => fetched.includes(chunk)).length, { timeout: 15_000 }).toBe(chunks.length);

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [link, heading] of [
    ["Report", "Report"],
    ["Coach", "Coach link"],
    ["Compare", "Compare"],
    ["About / Sources", "About this check and its sources"],
    ["Report", "Report"],
  ]) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  }
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Compare");
  const twice = fetched.filter((file, index) => fetched.indexOf(file) !== index);
  expect(twice, "chunks fetched twice").toEqual([]);
  expect(fetched.filter((file) => !chunks.includes(file)), "the main module only, besides the chunks").toHaveLength(1);
});

test("Home and a returning person's open assessment are usable with the main module alone", async ({ page }) => {
  const id = await startAssessment(page, { name: "First load" });
  const fetched = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) fetched.push(wasmName(request.url()));
  });
  const [main] = firstLoadFiles(DIST).files.filter((file) => file.endsWith(".wasm"));
  for (const address of ["./", `./?screen=assessment&id=${id}&section=s1`]) {
    fetched.length = 0;
    await page.goto(address);
    // Home is in the page before the wasm is asked for: usable means the app has taken over
    // (the loader sets wasmBindings once it has).
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await expect(page.locator("main h1")).toBeVisible();
    if (address !== "./") {
      // The first question takes an answer, and it is kept.
      await answer(page, "s1.convener", "Mostly");
      await expect(question(page, "s1.convener").getByRole("radio", { name: "Mostly", exact: true })).toBeChecked();
    }
    expect(fetched, `wasm fetched until ${address} is usable`).toEqual([main]);
  }
});

test("a screen opened at once waits for its chunk with the page held still, then draws", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/report-[0-9a-f]+\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./?screen=report");
  const waiting = page.locator("main .screen-coming[aria-busy=true]");
  await expect(waiting).toBeAttached();
  const { height } = await waiting.boundingBox();
  expect(height, "the waiting screen holds the window's height").toBeGreaterThanOrEqual(page.viewportSize().height);
  release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report");
  await expect(waiting).toHaveCount(0);
});

// A failed download is reported by the browser on the console, so this test checks the page's
// errors itself: nothing but that download may fail, and nothing may crash.
base.describe(() => {
  base.use({ serviceWorkers: "block" });
  base("a chunk that does not arrive is said so, work is kept, and Try again brings the screen", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route(/\/coach-[0-9a-f]+\.wasm$/, (route) => route.abort("internetdisconnected"));
    await openApp(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coach" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This screen did not load");
    await expect(alert).toContainText("Your answers are safe on this device");
    // The rest of the app still works.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "About / Sources" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this check and its sources");
    await page.goBack();
    await expect(alert).toBeVisible();

    await page.unroute(/\/coach-[0-9a-f]+\.wasm$/);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coach link");
    expect(errors, "uncaught exceptions").toEqual([]);
  });
});

base.describe(() => {
  base.use({ serviceWorkers: "block" });
  base("a file opened while the file reader's chunk cannot come is named, nothing is kept, and a second try opens it", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const golden = new URL("../crates/core/golden/export-2026.2.json", import.meta.url).pathname;
    await page.route(/\/file-reader-[0-9a-f]+\.wasm$/, (route) => route.abort("internetdisconnected"));
    await openApp(page, "./?screen=assessment");
    const input = page.locator("#import-input");
    await input.setInputFiles(golden);
    await expect(page.getByRole("alert")).toContainText('"export-2026.2.json" could not be opened: the part of the app that reads files did not load.');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(":assessment:")).length)).toBe(0);

    await page.unroute(/\/file-reader-[0-9a-f]+\.wasm$/);
    await input.setInputFiles(golden);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Readiness report");
    expect(errors, "uncaught exceptions").toEqual([]);
  });
});


// Share and coach links, and the group a tab keeps, are read by the link formats' chunk, which
// start-up without a link leaves out; a link opened while it cannot come waits, says so, and
// opens on a second try.
base.describe(() => {
  base.use({ serviceWorkers: "block" });
  base("a link opened while the link formats' chunk cannot come is said so, and Try again opens it", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const golden = (name) => new URL(`../crates/core/golden/${name}`, import.meta.url);
    const coachLink = readFileSync(golden("coach-link-v1.txt"), "utf8").trim();
    const shareLink = readFileSync(golden("share-links-2026.2.txt"), "utf8")
      .split("\n")
      .find((line) => line.startsWith("typical "))
      .split(" ")[1];
    const formats = /\/link-formats-[0-9a-f]+\.wasm$/;

    await page.route(formats, (route) => route.abort("internetdisconnected"));
    await page.goto(`./#${coachLink}`);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This screen did not load");
    await expect(page.locator("#new-region"), "nothing the invitation would hide is drawn").toHaveCount(0);
    await page.unroute(formats);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("region", { name: "Your coach's invitation" })).toContainText("From your coach");

    const fresh = await page.context().newPage();
    fresh.on("pageerror", (error) => errors.push(error.message));
    await fresh.route(formats, (route) => route.abort("internetdisconnected"));
    await fresh.goto(`./#${shareLink}`);
    await expect(fresh.getByRole("alert")).toContainText("This screen did not load");
    await fresh.unroute(formats);
    await fresh.getByRole("alert").getByRole("button", { name: "Try again" }).click();
    await expect(fresh.getByText("You are viewing a shared report")).toBeVisible();
    expect(errors, "uncaught exceptions").toEqual([]);
  });
});

test("the Compare screen's group, kept by the tab, comes back after a reload, read by the link formats", async ({ page }) => {
  const golden = readFileSync(new URL("../crates/core/golden/share-links-2026.2.txt", import.meta.url), "utf8");
  const links = golden.split("\n").filter((line) => /^(typical|full-with-notes) /.test(line)).map((line) => `#${line.split(" ")[1]}`);
  await openApp(page, "./?screen=compare");
  await page.getByLabel("Share links, one a line").fill(links.join("\n"));
  await page.getByRole("button", { name: "Add links" }).click();
  const removeButtons = page.getByRole("button", { name: /^Remove / });
  await expect(removeButtons).toHaveCount(2);
  await page.reload();
  await expect(removeButtons).toHaveCount(2);
});

// The notices about this device come in a chunk of their own, asked for only when one has
// something to say; if it cannot come, the save line still says so, and a line offers to try
// again.
base.describe(() => {
  base.use({ serviceWorkers: "block" });
  base("a full device is said so even while the notices' chunk cannot come, and Try again brings the notice", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const notices = /\/device-notices-[0-9a-f]+\.wasm$/;
    await page.route(notices, (route) => route.abort("internetdisconnected"));
    await startAssessment(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await answer(page, "s1.convener", "Mostly");
    await expect(page.locator(".save-status")).toContainText("Not saved: this device's storage for the app is full");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("A notice about saving on this device could not be shown");
    await page.unroute(notices);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(alert).toContainText("Not saved on this device: this device's storage for the app is full.");
    await expect(alert.getByRole("button", { name: "Download my answers" })).toBeVisible();
    expect(errors, "uncaught exceptions").toEqual([]);
  });
});
