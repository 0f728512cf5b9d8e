// The two engines besides Chromium, driven through one small interface so that each journey is
// written once: Firefox ESR over WebDriver BiDi (puppeteer-core, no geckodriver), and WebKitGTK,
// Safari's engine, over classic WebDriver (selenium-webdriver talking to Debian's
// WebKitWebDriver, which starts its MiniBrowser; it needs a display, so the suite runs under
// xvfb-run). Both use the browsers Debian installed; nothing is downloaded.
//
// Every tab collects what went wrong in the page: uncaught errors, console errors and
// Content-Security-Policy violations. Firefox reports them from the first line the page runs.
// WebKitWebDriver cannot capture console output from page start, so in WebKit the listeners are
// installed right after each load: an error raised while the page is still loading is missed
// there, and only there.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import puppeteer from "puppeteer-core";
import { offlineFiles } from "../../scripts/first-load.mjs";
import webdriver from "selenium-webdriver";
import http from "selenium-webdriver/http/index.js";

const { WebDriver, Capabilities, By } = webdriver;

/** How many wasm modules the build under test has: the main one and its chunks. */
const WASM_MODULES = offlineFiles(process.env.DIST ?? "dist").files.filter((file) => file.endsWith(".wasm")).length;

/** Listeners the page runs to keep what went wrong in `window.__engineProblems`. */
function watchForProblems() {
  if (window.__engineProblems) return;
  const problems = (window.__engineProblems = []);
  window.addEventListener("error", (event) => problems.push(`uncaught error: ${event.message}`));
  window.addEventListener("unhandledrejection", (event) => problems.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener("securitypolicyviolation", (event) =>
    problems.push(`policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
  );
  const error = console.error.bind(console);
  console.error = (...parts) => {
    problems.push(`console error: ${parts.join(" ")}`);
    error(...parts);
  };
}

/** Keeps every Blob the page turns into a download address, so a journey can read the file. */
function keepDownloads() {
  if (window.__engineDownloads) return;
  const kept = (window.__engineDownloads = []);
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    kept.push(blob);
    return create(blob);
  };
}

/** Paper sizes in centimetres, the unit both drivers' print commands take. */
export const PAPER = {
  A4: { width: 21.0, height: 29.7 },
  Letter: { width: 21.59, height: 27.94 },
};

/** Thrown when an engine's driver has no way to print a page, so a journey can skip. */
export class CannotPrint extends Error {}

/**
 * How many pages a PDF has. Chromium writes each page object in the clear, but Firefox's PDFs
 * keep them inside compressed object streams, where no plain search sees them; so every
 * Flate-compressed stream is inflated and searched too. A page object is a dictionary of
 * `/Type /Page`, and the page tree's nodes are `/Type /Pages`, which must not count.
 */
export function pdfPages(pdf) {
  const text = Buffer.from(pdf).toString("latin1");
  const parts = [text];
  for (let at = text.indexOf("stream", 0); at !== -1; at = text.indexOf("stream", at + 6)) {
    // Only the keyword that opens a stream: right after a dictionary, before a line break.
    const opens = /^stream\r?\n/.exec(text.slice(at, at + 8));
    if (!opens || !/>>\s*$/.test(text.slice(Math.max(0, at - 16), at))) continue;
    const dictionary = text.slice(text.lastIndexOf(" obj", at), at);
    const start = at + opens[0].length;
    const end = text.indexOf("endstream", start);
    if (end === -1) break;
    if (dictionary.includes("/FlateDecode")) {
      try {
        parts.push(inflateSync(Buffer.from(text.slice(start, end), "latin1")).toString("latin1"));
      } catch {
        // A stream that does not inflate holds no page objects this can read; the count then
        // comes out low and the journey's "at least one page" check says so.
      }
    }
    at = end;
  }
  return parts.reduce((count, part) => count + (part.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length, 0);
}

/** What a journey can do with one tab, the same in every engine. */
class Tab {
  constructor(engine) {
    this.engine = engine;
    this.seen = [];
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; returns that. */
  async waitFor(what, fn, ...args) {
    const deadline = Date.now() + 15_000;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, ...args);
        if (last) return last;
      } catch (error) {
        // A navigation in progress can drop one evaluation; the next poll tries again.
        last = error.message;
      }
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await new Promise((resume) => setTimeout(resume, 100));
    }
  }

  /** Waits until the app has drawn an element matching `selector`. */
  async waitForElement(selector) {
    await this.waitFor(selector, (selector) => Boolean(document.querySelector(selector)), selector);
  }

  /** Waits until an element matching `selector` has text containing `text`; returns its text. */
  async waitForText(selector, text) {
    return this.waitFor(
      `"${text}" in ${selector}`,
      (selector, text) => [...document.querySelectorAll(selector)].map((e) => e.textContent).find((t) => t.includes(text)),
      selector,
      text,
    );
  }

  /** Marks the element matching `selector` whose text is `text` (trimmed), for a native click. */
  async markByText(selector, text) {
    const mark = `m${Math.random().toString(36).slice(2)}`;
    await this.waitFor(
      `${selector} "${text}"`,
      (selector, text, mark) => {
        const found = [...document.querySelectorAll(selector)].find((e) => e.textContent.trim() === text);
        if (found) found.setAttribute("data-engine-mark", mark);
        return Boolean(found);
      },
      selector,
      text,
      mark,
    );
    return `[data-engine-mark="${mark}"]`;
  }

  /** Clicks the button (or link) whose text is `text`. */
  async clickText(text, selector = "button, a") {
    await this.click(await this.markByText(selector, text));
  }

  /** Problems the page reported since the last call, and forgets them. */
  async takeProblems() {
    const inPage = await this.evaluate(() => {
      const found = window.__engineProblems ?? [];
      window.__engineProblems?.splice(0);
      return [...found];
    }).catch(() => []);
    const all = [...this.seen, ...inPage];
    this.seen = [];
    return [...new Set(all)];
  }

  /**
   * Pastes `text` into the field matching `selector`, as a person does with the clipboard: one
   * insertion at the caret, whatever its length or line breaks (typing a block of share links
   * key by key takes seconds). The field is clicked first, natively, in each engine.
   */
  async paste(selector, text) {
    await this.click(selector);
    const pasted = await this.evaluate(
      (selector, text) => {
        const field = document.querySelector(selector);
        field.focus();
        document.execCommand("insertText", false, text);
        return field.value === text;
      },
      selector,
      text,
    );
    if (!pasted) throw new Error(`${this.engine}: the text pasted into ${selector} is not what the field holds`);
  }

  /** Waits until the page may be left: only Firefox needs to (see FirefoxTab.settle). */
  async settle() {}

  /**
   * Installs what a page loaded by a click (a link that leaves the page) needs: only WebKit
   * does, whose listeners start after each load (see WebKitTab.afterLoad).
   */
  async afterLoad() {}

  /** Reads the files the page offered as downloads, oldest first. */
  async downloads() {
    return this.evaluate(async () => Promise.all((window.__engineDownloads ?? []).map((blob) => blob.text())));
  }
}

class FirefoxTab extends Tab {
  constructor(page) {
    super("firefox");
    this.page = page;
    page.on("console", (message) => {
      if (message.type() === "error") this.seen.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.seen.push(`uncaught error: ${error.message}`));
  }

  static async open(context) {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(watchForProblems);
    await page.evaluateOnNewDocument(keepDownloads);
    // A background tab is throttled in Firefox: keep the tab in use in front.
    await page.bringToFront();
    return new FirefoxTab(page);
  }

  async goto(url) {
    await this.settle();
    await this.page.bringToFront();
    await this.page.goto(url, { waitUntil: "load" });
  }

  /**
   * Waits (at most 10 s) until the page on show has fetched every wasm module of the build, as
   * the app does once it is idle after start. Firefox reports a fetch that leaving the page cuts
   * short, when the service worker was answering it, as an uncaught error of the page ("A
   * ServiceWorker intercepted the request and encountered an unexpected error"): a person never
   * sees it, but a journey that leaves a page at once would fail on it.
   */
  async settle() {
    if (!(await this.evaluate(() => Boolean(document.querySelector("main"))).catch(() => false))) return;
    await this.evaluate(
      (modules) =>
        new Promise((done) => {
          const deadline = Date.now() + 10_000;
          const check = () => {
            const fetched = new Set(performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".wasm") && entry.responseEnd > 0).map((entry) => entry.name));
            if (fetched.size >= modules || Date.now() > deadline) done();
            else setTimeout(check, 50);
          };
          check();
        }),
      WASM_MODULES,
    );
  }

  // Puppeteer's own waitForFunction is blocked by the app's policy in Firefox; `waitFor` polls
  // with evaluate instead, which is not.
  evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  /** The element matching `selector`, once the app has drawn it. */
  async element(selector) {
    await this.waitForElement(selector);
    return this.page.$(selector);
  }

  async click(selector) {
    await (await this.element(selector)).click();
  }

  async type(selector, text) {
    await this.click(selector);
    await this.page.keyboard.type(text);
  }

  async fill(selector, text) {
    await (await this.element(selector)).evaluate((element) => {
      element.value = "";
    });
    await this.type(selector, text);
  }

  async upload(selector, path) {
    await (await this.element(selector)).uploadFile(path);
  }

  /** Chooses the option whose value is `value` in the select matching `selector` (input and change events follow). */
  async select(selector, value) {
    const chosen = await (await this.element(selector)).select(value);
    if (!chosen.includes(value)) throw new Error(`firefox: ${selector} has no option "${value}"`);
  }

  /** Loads the page on show again, once it may be left. */
  async reload() {
    await this.settle();
    await this.page.reload({ waitUntil: "load" });
  }

  /**
   * Prints the page to PDF on `paper` ("A4" or "Letter"), backgrounds included; returns its
   * number of pages. Given no margins, Puppeteer asks for margins of zero, as Playwright's
   * page.pdf does in Chromium, and for content wider than the paper to be shrunk to fit. Firefox
   * lets the page's `@page { margin }` replace the margins asked for, as Chromium does, so the
   * app's own print margins apply in both.
   */
  async printedPages(paper) {
    return pdfPages(await this.page.pdf({ format: paper, printBackground: true }));
  }

  async setWidth(width) {
    // Puppeteer's setViewport also sets a screen orientation, which Firefox ESR 140 does not
    // implement; the BiDi viewport command alone is all this needs.
    await this.page.mainFrame().browsingContext.setViewport({ viewport: { width, height: 900 } });
    await this.waitFor(`a page ${width} px wide`, (width) => window.innerWidth === width, width);
    return width;
  }

  async close() {
    await this.page.browserContext().close();
  }
}

class WebKitTab extends Tab {
  constructor(driver, driverProcess) {
    super("webkit");
    this.driver = driver;
    this.driverProcess = driverProcess;
  }

  async goto(url) {
    this.seen.push(...(await this.takeProblems()));
    await this.driver.get(url);
    await this.afterLoad();
  }

  /** Installs the listeners a new document needs (see the note at the top of this file). */
  async afterLoad() {
    await this.evaluate(watchForProblems);
    await this.evaluate(keepDownloads);
  }

  async evaluate(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments);`, ...args);
  }

  async element(selector) {
    await this.waitForElement(selector);
    return this.driver.findElement(By.css(selector));
  }

  async click(selector) {
    await (await this.element(selector)).click();
  }

  async type(selector, text) {
    const element = await this.element(selector);
    await element.click();
    await element.sendKeys(text);
  }

  async fill(selector, text) {
    const element = await this.element(selector);
    await element.clear();
    await this.type(selector, text);
  }

  async upload(selector, path) {
    await (await this.element(selector)).sendKeys(path);
  }

  /** Chooses the option whose value is `value` in the select matching `selector`, by clicking the option. */
  async select(selector, value) {
    await this.click(`${selector} option[value="${value}"]`);
    const now = await this.evaluate((selector) => document.querySelector(selector).value, selector);
    if (now !== value) throw new Error(`webkit: ${selector} shows "${now}" after its option "${value}" was clicked`);
  }

  /** Loads the page on show again. */
  async reload() {
    this.seen.push(...(await this.takeProblems()));
    await this.driver.navigate().refresh();
    await this.afterLoad();
  }

  /**
   * Sizes the window so the page is `width` wide, or as close as MiniBrowser allows: its toolbar
   * keeps the window at least 447 px wide. Returns the page's width.
   */
  async setWidth(width) {
    await this.driver.manage().window().setRect({ width, height: 900 });
    const { width: window } = await this.driver.manage().window().getRect();
    await this.waitFor(`a page ${window} px wide`, (width) => window.innerWidth === width, window);
    return window;
  }

  /**
   * Prints the page to PDF on `paper` ("A4" or "Letter"), backgrounds included; returns its
   * number of pages. The WebDriver Print Page command comes first: no margins are sent, so its
   * default of 1 cm applies wherever the page's `@page { margin }` does not replace it.
   * WebKitWebDriver 2.50 has no such command, and a later driver that has it is used without
   * any change here. Until then the page is printed by the same WebKitGTK through its own API
   * (webkit-print.py), in a view of its own that loads the tab's address and waits until the
   * page shows `waitFor`; so the address must open the same page in a fresh profile (a share
   * link does), and `waitFor` is needed only there.
   */
  async printedPages(paper, { waitFor } = {}) {
    let answered;
    try {
      const pdf = await this.driver.printPage({ background: true, ...PAPER[paper] });
      return pdfPages(Buffer.from(pdf, "base64"));
    } catch (error) {
      if (!(error instanceof webdriver.error.UnknownCommandError)) throw error;
      answered = error.message;
    }
    if (!waitFor) {
      const version = (await this.driver.getCapabilities()).get("browserVersion");
      throw new Error(`WebKitWebDriver ${version} has no Print Page command ("${answered}"), and printedPages was given no text to wait for before printing otherwise`);
    }
    const url = await this.driver.getCurrentUrl();
    const folder = mkdtempSync(join(tmpdir(), "engines-webkit-print-"));
    try {
      const out = join(folder, `${paper}.pdf`);
      await printWithWebKitGtk(url, paper, out, waitFor);
      return pdfPages(readFileSync(out));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  async close() {
    await this.driver.quit().catch(() => {});
    this.driverProcess.kill();
  }
}

/** The script that prints with WebKitGTK's own API, and how long it may take in all. */
const WEBKIT_PRINT = fileURLToPath(new URL("./webkit-print.py", import.meta.url));
const WEBKIT_PRINT_LIMIT_MS = 120_000;

/**
 * Prints `url` to the PDF file `out` on `paper` with WebKitGTK once the page shows `waitFor`
 * (see webkit-print.py). It runs on the display the suite already has. Throws CannotPrint,
 * naming the Debian package to install, when Python's GObject bindings or WebKitGTK's typelib
 * are missing, so the journey skips instead of failing on a machine set up before they were
 * needed; any other failure is an error.
 */
async function printWithWebKitGtk(url, paper, out, waitFor) {
  const python = "/usr/bin/python3";
  if (!existsSync(python)) throw new CannotPrint(`printing with WebKitGTK needs ${python}: install Debian's python3-gi and gir1.2-webkit2-4.1`);
  const { code, signal, stderr } = await new Promise((done, fail) => {
    const child = spawn(python, [WEBKIT_PRINT, url, paper, out, waitFor], {
      stdio: ["ignore", "ignore", "pipe"],
      timeout: WEBKIT_PRINT_LIMIT_MS,
      killSignal: "SIGKILL",
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stderr: stderr.trim() }));
  });
  // Exit code 3 is the script's word for a missing module or typelib; its message names the package.
  if (code === 3) throw new CannotPrint(`printing with WebKitGTK's API: ${stderr.split("\n").pop()}; install it with apt-get`);
  if (signal) throw new Error(`webkit-print.py did not finish in ${WEBKIT_PRINT_LIMIT_MS / 1000} s (${signal}): ${stderr}`);
  if (code !== 0) throw new Error(`webkit-print.py failed (exit code ${code}): ${stderr}`);
  if (!existsSync(out)) throw new Error(`webkit-print.py wrote no PDF: ${stderr}`);
}

/** Collects what each tab of a journey reported, then closes them all. */
async function endJourney(tabs) {
  const problems = [];
  for (const tab of tabs.splice(0)) {
    problems.push(...(await tab.takeProblems()));
    await tab.close().catch(() => {});
  }
  return problems;
}

/** A free port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Firefox ESR from Debian, headless, over WebDriver BiDi. */
export async function firefox() {
  const profile = mkdtempSync(join(tmpdir(), "engines-firefox-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: "/usr/bin/firefox-esr",
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // Only 127.0.0.1 is reachable here: no updates, telemetry or remote settings.
      "app.update.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      // A download opens the downloads panel, which keeps the keys a later journey types into
      // a date field (they go nowhere, and the date is lost). Nobody looks at the panel here.
      "browser.download.alwaysOpenPanel": false,
      // Files the journeys download stay in the suite's own profile, not the person's Downloads.
      "browser.download.folderList": 2,
      "browser.download.dir": join(profile, "downloads"),
    },
  });
  const tabs = [];
  return {
    name: "firefox",
    /** A tab in a profile of its own: no storage, cache or service worker from any other. */
    async freshTab() {
      const tab = await FirefoxTab.open(await browser.createBrowserContext());
      tabs.push(tab);
      return tab;
    },
    /** The problems the journey's tabs reported; closes them. */
    endJourney: () => endJourney(tabs),
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where Debian put WebKitGTK's MiniBrowser, which WebKitWebDriver drives. */
function miniBrowser() {
  const found = readdirSync("/usr/lib")
    .flatMap((arch) => ["webkit2gtk-4.1", "webkitgtk-6.0", "webkit2gtk-4.0"].map((lib) => join("/usr/lib", arch, lib, "MiniBrowser")))
    .filter((path) => existsSync(path));
  if (found.length === 0) throw new Error("WebKitGTK's MiniBrowser is missing: install Debian's webkit2gtk-driver.");
  return found[0];
}

/** Starts WebKitWebDriver on a free port and waits until it answers. */
async function startWebKitDriver() {
  const port = await freePort();
  const process = spawn("/usr/bin/WebKitWebDriver", [`--port=${port}`], { stdio: "ignore" });
  const started = Date.now();
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      return { process, executor: new http.Executor(new http.HttpClient(`http://127.0.0.1:${port}`)) };
    } catch (error) {
      if (Date.now() - started > 10_000) {
        process.kill();
        throw new Error(`WebKitWebDriver did not start: ${error.message}`);
      }
      await new Promise((resume) => setTimeout(resume, 100));
    }
  }
}

/** WebKitGTK from Debian, through WebKitWebDriver and its MiniBrowser (needs a display). */
export async function webkit() {
  const binary = miniBrowser();
  const tabs = [];
  return {
    name: "webkit",
    /**
     * A new browser session: an ephemeral profile with no storage, cache or worker of another.
     * WebKitWebDriver holds one session at a time, so each tab gets a driver of its own.
     */
    async freshTab() {
      const { process, executor } = await startWebKitDriver();
      const capabilities = new Capabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary, args: ["--automation"] },
      });
      try {
        const tab = new WebKitTab(await WebDriver.createSession(executor, capabilities), process);
        tabs.push(tab);
        return tab;
      } catch (error) {
        process.kill();
        throw error;
      }
    },
    /** The problems the journey's tabs reported; closes them. */
    endJourney: () => endJourney(tabs),
    async close() {
      await endJourney(tabs);
    },
  };
}
