// Works offline once loaded: the service worker keeps the build's files, and with no network
// the app starts again, on any screen, from the root of the host or from a sub-folder.
import { readFileSync } from "node:fs";
import { test, expect, openApp } from "./fixtures.js";
import { answer, expectSaved, question, startAssessment } from "./journey.js";
import { firstLoadFiles, offlineFiles } from "../scripts/first-load.mjs";
import { downloadsIn, isContentAddressed, serveDist } from "./serve-dist.mjs";

// The build under test (playwright.config.js serves $DIST, dist/ by default). Only release
// builds work offline; a debug build tested on purpose with DIST=... skips this file.
const DIST = process.env.DIST ?? "dist";
test.skip(
  DIST !== "dist" && !readFileSync(`${DIST}/index.html`, "utf8").includes("register-sw"),
  `${DIST}/ is a debug build: no offline cache`,
);

/** Waits until the service worker has kept the build and controls the page. */
async function waitForOfflineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** What the built sw.js says it keeps, and under which version. */
function builtServiceWorker() {
  const sw = readFileSync(`${DIST}/sw.js`, "utf8");
  return {
    version: JSON.parse(sw.match(/^const VERSION = ("[^"]*");$/m)[1]),
    files: JSON.parse(sw.match(/^const FILES = (\[[\s\S]*?\]);$/m)[1]),
  };
}

for (const folder of ["", "sub/folder/"]) {
  test(`once loaded from /${folder}, the app starts with no network, on any screen`, async ({ page, context }) => {
    const home = folder || "./";
    await openApp(page, home);
    await waitForOfflineReady(page);

    await context.setOffline(true);
    const fromNetwork = [];
    page.on("response", (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sector Partnership Readiness Check");

    await openApp(page, `${home}?screen=about`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this check and its sources");
    await openApp(page, `${home}index.html?screen=report#share-data-stays-here`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report");
    await expect(page).toHaveURL(/#share-data-stays-here$/);

    // In-app navigation still works offline.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coach" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coach link");
    expect(fromNetwork, "responses that did not come from the service worker").toEqual([]);
  });
}

test("answers given before going offline are there after an offline reload, and new ones are kept", async ({ page, context }) => {
  await openApp(page);
  await waitForOfflineReady(page);
  await startAssessment(page, { name: "Offline check" });
  await answer(page, "s1.convener", "Mostly");
  await expectSaved(page);
  const address = page.url();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Step 1");
  await expect(question(page, "s1.convener").getByRole("radio", { name: "Mostly", exact: true })).toBeChecked();
  await answer(page, "s1.roles", "Done");
  await expectSaved(page);
  await page.goto(address.replace("screen=assessment", "screen=report"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Offline check");
  await context.setOffline(false);
});

test("the service worker keeps exactly the files the page loads, under this build's version", async ({ page, baseURL }) => {
  const { version, files } = builtServiceWorker();
  // The first load, then every chunk of the split wasm, so that a screen never opened opens
  // offline too.
  expect(files).toEqual(offlineFiles(DIST).files);
  expect(files.filter((file) => file.endsWith(".wasm")).length).toBeGreaterThan(firstLoadFiles(DIST).files.filter((file) => file.endsWith(".wasm")).length);
  expect(version).toMatch(/^[0-9a-f]{20}$/);

  await openApp(page);
  await waitForOfflineReady(page);
  const caches = await page.evaluate(async () => {
    const result = {};
    for (const name of await caches.keys()) {
      result[name] = (await (await caches.open(name)).keys()).map((request) => request.url).sort();
    }
    return result;
  });
  expect(caches).toEqual({
    [`readiness-check ${baseURL} ${version}`]: files.map((file) => new URL(file, baseURL).href).sort(),
  });
});

test("a new build's worker deletes the caches of earlier builds at its address, and no others", async ({ page, baseURL }) => {
  const { version } = builtServiceWorker();
  const stale = `readiness-check ${baseURL} 0123456789abcdef0123`;
  const elsewhere = `readiness-check ${new URL("elsewhere/", baseURL).href} 0123456789abcdef0123`;
  // An empty page of the same origin, to plant caches before the app's worker is installed.
  await page.route("**/blank.html", (route) =>
    route.fulfill({ contentType: "text/html", body: '<!DOCTYPE html><title>blank</title><link rel="icon" href="favicon.svg">' }),
  );
  await page.goto("blank.html");
  await page.evaluate(async (names) => Promise.all(names.map((name) => caches.open(name))), [stale, elsewhere]);
  await page.unrouteAll();

  await openApp(page);
  await waitForOfflineReady(page);
  const names = await page.evaluate(async () => (await caches.keys()).sort());
  expect(names).toEqual([`readiness-check ${baseURL} ${version}`, elsewhere].sort());
});

test("the web app manifest names the app and starts it from its own folder", async ({ page }) => {
  await openApp(page, "sub/folder/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const response = await page.request.get(new URL(href, page.url()).href);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Sector Partnership Readiness Check",
    short_name: "Readiness Check",
    start_url: "./",
    scope: "./",
    display: "standalone",
  });
  for (const icon of manifest.icons) {
    const file = await page.request.get(new URL(icon.src, response.url()).href);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toBe(icon.type);
  }
  expect(manifest.icons).toContainEqual({ src: "favicon.svg", sizes: "any", type: "image/svg+xml" });
});

test("a first visit downloads each content-hashed file once, every wasm module among them: the worker caches what the page fetched", async ({ page }) => {
  // A server of this test's own, so that its request log holds this visit only.
  const server = await serveDist(DIST, 0);
  try {
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sector Partnership Readiness Check");
    await waitForOfflineReady(page);
    const { bytes, requests, times: bodies } = downloadsIn(server.requests);
    console.log(`chromium: first visit transferred ${bytes} bytes in ${requests} requests`);
    // Files without a content hash in their name (the page, icons and manifest) are
    // revalidated, and downloaded again when the visit's own request has not reached the cache
    // yet: the page is asked for as the folder's address, which a cache keeps apart from
    // index.html. Every content-hashed file (the wasm, scripts, stylesheet) comes once.
    const twice = Object.entries(bodies).filter(([path, count]) => count > 1 && isContentAddressed(path));
    expect(twice, "files downloaded twice").toEqual([]);
    // The main module, and each chunk once: fetched once the page was idle, or by the worker.
    const wasm = offlineFiles(DIST).files.filter((file) => file.endsWith(".wasm")).map((file) => `/${file}`);
    expect(Object.keys(bodies).filter((path) => path.endsWith(".wasm")).sort()).toEqual(wasm.sort());
  } finally {
    server.close();
    server.closeAllConnections();
  }
});
