// Trunk post_build hook (see Trunk.toml): finishes the staged build in $TRUNK_STAGING_DIR before
// trunk moves it into dist/.
//
// Release builds (`trunk build --release`), after the wasm is split (scripts/split-wasm.mjs):
//   0. write the first screen into the page: Home with the page's header and footer, rendered
//      to HTML by the app's own components in a native build (examples/prerender.rs, Leptos'
//      `ssr` mode), so the page paints before the wasm arrives; the loader, once the app has
//      drawn itself beside it, removes it before the next paint, keeping focus and scroll;
//      fetch the wasm once: trunk's page preloads the wasm with a <link rel="preload"> and its
//      loader then fetches it again; Chromium and Firefox reuse the preload, WebKit does not and
//      downloads it twice. The hook removes that link and has the loader start the one fetch
//      itself, at once, with the link's integrity, before it imports the JS glue (which its own
//      <link rel="modulepreload"> is already fetching); minify the stylesheet (scripts/minify.mjs)
//      and give its link the new integrity;
//   1. add the Content-Security-Policy to index.html as a <meta http-equiv> right after
//      <meta charset>, with the sha256 hash of every inline script the build emitted (trunk's
//      module loader), computed here from the staged file, never by hand;
//   2. write into the staged sw.js the list of files the page loads (the service worker keeps
//      exactly those for offline use) and VERSION, a hash of those files' names and contents, so
//      that every build with different content gets a new cache and the old one is deleted;
//      then minify sw.js below those two lines;
//   3. check its own output: the policy hashes match the inline scripts, VERSION is the hash of
//      the listed files as they are on disk, and every listed file exists.
// Debug builds (`trunk serve`, `trunk build`) and anything served with trunk's live-reload
// script get neither policy nor offline cache: the dev server injects an inline live-reload
// script (rewritten per request, so it cannot be hashed here) and a websocket, and a cached dev
// build would hide every change. Their index.html does not load register-sw.js, and their sw.js
// is a stand-in that deletes any offline cache an earlier release build left on that address and
// unregisters itself.
//
// Run by hand on a finished build (`node scripts/post-build.mjs --check dist`) to re-run the
// checks of step 3 without changing anything.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inlineScripts, offlineFiles } from "./first-load.mjs";
import { smallerScript, smallerStylesheet } from "./minify.mjs";
import { hex, integrity, splitRelease } from "./split-wasm.mjs";

const FIRST_SCREEN_SCRIPT = /[ \t]*<script\b[^>]*\bsrc\s*=\s*["'][^"']*first-screen[^"']*["'][^>]*>\s*<\/script>\s*\n?/i;
const CSP_META = /<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;
const REGISTER_SCRIPT = /[ \t]*<script\b[^>]*\bsrc\s*=\s*["'][^"']*register-sw[^"']*["'][^>]*>\s*<\/script>\s*\n?/i;
const LIVE_RELOAD_MARKER = ".well-known/trunk/ws";

/** The policy for a page whose inline scripts are `scripts` (their exact text). */
export function contentSecurityPolicy(scripts) {
  const hashes = scripts.map((text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  return [
    "default-src 'none'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(" "),
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const WASM_PRELOAD = /[ \t]*<link\b[^>]*\brel="preload"[^>]*>[ \t]*\n?/gi;
const LOADER_IMPORT = /import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);/;

/**
 * index.html with one fetch of the wasm instead of a preload link plus a second fetch: the
 * preload link goes, and trunk's loader starts the fetch itself (with the link's integrity)
 * before importing the glue, then hands the response to init.
 */
export function withSingleWasmFetch(html) {
  const preloads = [...html.matchAll(WASM_PRELOAD)].filter(([link]) => /\bhref="[^"]+\.wasm"/.test(link));
  if (preloads.length !== 1) throw new Error(`index.html has ${preloads.length} wasm preload links; trunk writes one.`);
  const [link] = preloads[0];
  const href = link.match(/\bhref="([^"]+)"/)[1];
  const integrity = link.match(/\bintegrity="([^"]+)"/)?.[1];
  if (!integrity) throw new Error("trunk's wasm preload link has no integrity attribute to carry over.");
  const loader = html.match(LOADER_IMPORT);
  if (!loader || loader[2] !== href) {
    throw new Error("trunk's module loader is not the one this hook knows (import init, * as bindings ...; await init({ module_or_path })).");
  }
  const oneFetch = [
    FIRST_SCREEN_RECORDED,
    `const wasmResponse = fetch('${href}', { integrity: '${integrity}' });`,
    `const bindings = await import('${loader[1]}');`,
    TAKE_OVER_BEFORE,
    "const wasm = await bindings.default({ module_or_path: wasmResponse });",
    TAKE_OVER_AFTER,
  ].join("\n");
  return html.replace(link, "").replace(loader[0], oneFetch);
}

// The loader's take-over of the pre-rendered first screen. Before the app starts: the page's
// own nodes (the pre-rendered ones, not scripts). Once it has drawn itself beside them (its
// start function mounts synchronously, and this runs in the same task, so no paint comes
// between): the element with the focus is found again in the app's nodes by its place, the
// pre-rendered nodes go, the scroll stays, and the mark of a deep link (first-screen.js) goes.
const TAKE_OVER_BEFORE =
  "const pageNodes = () => [...document.body.children].filter((node) => !/^(script|noscript)$/.test(node.localName));\n" +
  "const firstScreen = pageNodes();";

// Where the browser keeps a record of the page's largest paint (Chromium), and Home is on show,
// the loader asks for the wasm once that paint is recorded (or after 100 ms at most): the
// download then never competes with the first screen, and a node the take-over replaces is
// never gone before its paint counts (the record would otherwise be the app's identical redraw,
// seconds later on a slow connection). A deep link, which shows no Home, does not wait.
const FIRST_SCREEN_RECORDED =
  'if (PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint") && !document.documentElement.classList.contains("deep-link")) {\n' +
  "  await new Promise((recorded) => {\n" +
  '    new PerformanceObserver((_, observer) => { observer.disconnect(); recorded(); }).observe({ type: "largest-contentful-paint", buffered: true });\n' +
  "    setTimeout(recorded, 100);\n" +
  "  });\n" +
  "}";
const TAKE_OVER_AFTER = `{
  const drawn = pageNodes().filter((node) => !firstScreen.includes(node));
  const path = [];
  let at = document.activeElement;
  while (at && at !== document.body && !firstScreen.includes(at)) {
    path.unshift([...at.parentElement.children].indexOf(at));
    at = at.parentElement;
  }
  const { scrollX, scrollY } = window;
  for (const node of firstScreen) node.remove();
  window.scrollTo(scrollX, scrollY);
  let focus = firstScreen.includes(at) ? drawn[firstScreen.indexOf(at)] : null;
  for (const index of path) focus = focus?.children[index];
  focus?.focus({ preventScroll: true });
  document.documentElement.classList.remove("deep-link");
}`;

/**
 * The first screen as HTML, rendered by the app's components in a native build of the
 * `prerender` example: with the stable toolchain and none of the release build's settings for
 * the wasm (the nightly, build-std, its flags), which are not for a native build. Leptos'
 * hydration markers (`<!>`) go: nothing hydrates this page.
 */
export function firstScreenHtml(source) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(RUSTUP_TOOLCHAIN|RUSTFLAGS|CARGO_UNSTABLE_|CARGO_TARGET_.*_RUSTFLAGS|CARGO_BUILD_TARGET|CARGO_ENCODED_RUSTFLAGS)/.test(name)),
  );
  const run = spawnSync("cargo", ["run", "-q", "--locked", "--offline", "--example", "prerender", "--no-default-features", "--features", "ssr"], {
    cwd: source,
    env,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
  if (run.status !== 0) {
    throw new Error(`pre-rendering the first screen failed (cargo run --example prerender --no-default-features --features ssr):\n${run.stderr}`);
  }
  const html = run.stdout.replaceAll("<!>", "");
  if (!html.includes('<main id="main"') || !html.includes("</footer>")) {
    throw new Error("the pre-rendered first screen has no <main id=\"main\"> or no footer.");
  }
  return html;
}

/** The fetch of the wasm in the loader, minified or not: its address and integrity. */
export const WASM_FETCH = /\bfetch\(\s*["']([^"']+\.wasm)["']\s*,\s*\{\s*integrity\s*:\s*["'](sha384-[^"']+)["']\s*\}\s*\)/;

/**
 * index.html with its inline loader minified, as the other scripts are, and without the blank
 * lines trunk leaves where it took its own links out. The policy's hash is taken afterwards.
 */
export async function withSmallerLoader(html) {
  const scripts = inlineScripts(html);
  if (scripts.length !== 1) throw new Error(`index.html has ${scripts.length} inline scripts; trunk writes one loader.`);
  const loader = await smallerScript(scripts[0], { module: true });
  return html.replace(scripts[0], loader).replace(/\n(?:[ \t]*\n)+/g, "\n");
}

/** index.html with the pre-rendered first screen at the start of its body. */
export function withFirstScreen(html, screen) {
  const body = html.match(/<body>\s*\n/);
  if (!body) throw new Error("index.html has no <body> to write the first screen into.");
  if (!FIRST_SCREEN_SCRIPT.test(html)) throw new Error("index.html does not load first-screen.js, which keeps deep links from showing Home first.");
  return html.replace(body[0], `${body[0]}${screen}\n`);
}

/** Things a strict policy would block at run time, found in the page itself: fail the build. */
export function inlineStyleOrHandlers(html) {
  const problems = [];
  if (/<style\b/i.test(html)) problems.push("a <style> element (put styles in style/main.css)");
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push("a style= attribute (use a class in style/main.css)");
  const handler = html.match(/<[a-z][^>]*\s(on[a-z]+)\s*=/i);
  if (handler) problems.push(`an inline event handler ${handler[1]}= (attach handlers from code)`);
  if (/\b(?:href|src)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push("a javascript: address");
  return problems;
}

/** index.html with the policy added right after <meta charset>. */
export function withContentSecurityPolicy(html) {
  if (CSP_META.test(html)) throw new Error("index.html already has a Content-Security-Policy meta tag; it is added by the build.");
  const problems = inlineStyleOrHandlers(html);
  if (problems.length > 0) throw new Error(`index.html has ${problems.join("; ")}, which the Content-Security-Policy blocks.`);
  const charset = html.match(/<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i);
  if (!charset) throw new Error('index.html has no <meta charset="utf-8"> to put the Content-Security-Policy after.');
  const policy = contentSecurityPolicy(inlineScripts(html));
  const at = charset.index + charset[0].length;
  const indent = html.slice(html.lastIndexOf("\n", charset.index) + 1, charset.index);
  return `${html.slice(0, at)}\n${indent}<meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(at)}`;
}

/** The policy in a built index.html, or null. */
export function policyIn(html) {
  const meta = html.match(CSP_META);
  return meta ? (meta[0].match(/content\s*=\s*"([^"]*)"/i)?.[1] ?? null) : null;
}

/** A hash of the names and contents of `files` (relative to `root`): the cache version. */
export function precacheVersion(root, files) {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) {
    hash.update(file).update("\0");
    hash.update(createHash("sha256").update(readFileSync(join(root, file))).digest()).update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

/** public/sw.js with VERSION and FILES written in. */
export function preparedServiceWorker(template, files, version) {
  const versionLine = 'const VERSION = "unbuilt";';
  const filesLine = "const FILES = [];";
  if (!template.includes(versionLine) || !template.includes(filesLine)) {
    throw new Error(`sw.js must contain the lines '${versionLine}' and '${filesLine}' for the build to fill in.`);
  }
  return template
    .replace(versionLine, `const VERSION = ${JSON.stringify(version)};`)
    .replace(filesLine, `const FILES = ${JSON.stringify(files, null, 2)};`);
}

/**
 * A prepared sw.js made smaller: its VERSION and FILES lines stay first and as they are, for
 * anyone (and every check) that reads them; the rest is minified.
 */
export async function smallerServiceWorker(sw) {
  const head = sw.match(/^const VERSION = "[^"]*";\nconst FILES = \[[\s\S]*?\];\n/m);
  if (!head) throw new Error("sw.js has no VERSION and FILES lines, one after the other.");
  return `${head[0]}${await smallerScript(sw.replace(head[0], ""), { module: false })}\n`;
}

const STYLESHEET = /<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="([^"]+)"\/?>/;

/** index.html after its stylesheet (in `root`) was minified, with the integrity to match. */
export function withSmallerStylesheet(root, html) {
  const link = html.match(STYLESHEET);
  if (!link) throw new Error("index.html has no stylesheet link with an integrity attribute.");
  const css = smallerStylesheet(readFileSync(join(root, link[1]), "utf8"));
  writeFileSync(join(root, link[1]), css);
  return html.replace(link[0], link[0].replace(link[2], integrity(Buffer.from(css))));
}

const CLASSIC_SCRIPT = /<script src="\.\/([^"]+\.js)"([^>]*) integrity="([^"]+)"><\/script>/g;

/**
 * index.html after the classic scripts it loads (first-screen.js, register-sw.js; in `root`)
 * were minified, with the integrity of each to match.
 */
export async function withSmallerScripts(root, html) {
  let smaller = html;
  for (const [tag, file, , hash] of html.matchAll(CLASSIC_SCRIPT)) {
    const js = await smallerScript(readFileSync(join(root, file), "utf8"), { module: false });
    writeFileSync(join(root, file), js);
    smaller = smaller.replace(tag, tag.replace(hash, integrity(Buffer.from(js))));
  }
  return smaller;
}

const LATER_STYLESHEET = /(<template id="later-style"><link rel="stylesheet" href=")([^"]+\.css)(">)/;

/**
 * index.html after the later screens' stylesheet (in `root`), which those screens add to the
 * page, was minified and named by its content, as trunk names the main one, so the service
 * worker takes it from the HTTP cache and a new build never meets an old copy.
 */
export function withLaterStylesheet(root, html) {
  const link = html.match(LATER_STYLESHEET);
  if (!link) throw new Error('index.html has no <template id="later-style"><link rel="stylesheet" href="....css"></template>.');
  const css = smallerStylesheet(readFileSync(join(root, link[2]), "utf8"));
  const name = `later-screens-${hex(css)}.css`;
  rmSync(join(root, link[2]));
  writeFileSync(join(root, name), css);
  return html.replace(link[0], `${link[1]}${name}${link[3].replace(">", ` integrity="${integrity(Buffer.from(css))}">`)}`);
}

/** VERSION and FILES as written in a prepared sw.js. */
export function serviceWorkerManifest(sw) {
  const version = sw.match(/^const VERSION = ("[^"]*");$/m);
  const files = sw.match(/^const FILES = (\[[\s\S]*?\]);$/m);
  if (!version || !files) throw new Error("sw.js has no VERSION or FILES line.");
  return { version: JSON.parse(version[1]), files: JSON.parse(files[1]) };
}

/** The sw.js of debug builds: removes what a release build may have left here, then itself. */
export const DEVELOPMENT_SERVICE_WORKER = `// Debug build (trunk serve): no offline cache. This stand-in for the release build's service
// worker deletes any offline cache an earlier release build left on this address, unregisters
// itself and reloads the open pages, so development is never served from a cache.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const prefix = \`readiness-check \${self.registration.scope} \`;
      for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    })(),
  );
});
`;

/** Checks a finished build in `root`; returns a list of problems (empty when all is well). */
export function checkBuild(root) {
  const problems = [];
  const html = readFileSync(join(root, "index.html"), "utf8");
  const policy = policyIn(html);
  if (!policy) return ["index.html has no Content-Security-Policy."];
  if (/'unsafe-(inline|eval)'/.test(policy)) problems.push(`the policy allows unsafe code: ${policy}`);
  if (policy !== contentSecurityPolicy(inlineScripts(html))) {
    problems.push("the policy's script hashes do not match the inline scripts of index.html.");
  }
  if (!REGISTER_SCRIPT.test(html)) problems.push("index.html does not load register-sw.js.");
  if ([...html.matchAll(WASM_PRELOAD)].some(([link]) => /\.wasm"/.test(link))) {
    problems.push("index.html preloads the wasm, which WebKit then downloads twice.");
  }
  if (!WASM_FETCH.test(html)) {
    problems.push("the loader does not fetch the wasm itself with its integrity.");
  }
  if (!/<body>\s*<a href="#main" class="skip-link">[\s\S]*<main id="main"[\s\S]*<\/footer>/.test(html)) {
    problems.push("index.html does not hold the pre-rendered first screen.");
  }
  if (!/\.remove\(\)[\s\S]*classList\.remove\(\s*["']deep-link["']\s*\)/.test(inlineScripts(html).join("")) || !FIRST_SCREEN_SCRIPT.test(html)) {
    problems.push("index.html does not take over its pre-rendered first screen, or does not load first-screen.js.");
  }
  const { files, missing } = offlineFiles(root);
  if (missing.length > 0) problems.push(`index.html refers to files not in the build: ${missing.join(", ")}`);
  const sw = serviceWorkerManifest(readFileSync(join(root, "sw.js"), "utf8"));
  if (JSON.stringify(sw.files) !== JSON.stringify(files)) {
    problems.push(`sw.js keeps ${sw.files.join(", ")} but the page loads ${files.join(", ")}.`);
  }
  const expected = precacheVersion(root, sw.files);
  if (sw.version !== expected) problems.push(`sw.js VERSION is ${sw.version}, but its files hash to ${expected}.`);
  return problems;
}

/** The module cargo linked for this release build in `source`, which the split starts from. */
function linkedWasm(source) {
  const target = process.env.CARGO_TARGET_DIR ?? "target";
  return resolve(source, target, "wasm32-unknown-unknown", "release", "readiness-check.wasm");
}

async function release(root) {
  const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  const chunks = await splitRelease(root, linkedWasm(source), { source });
  if (!chunks) console.log("post-build: the wasm has no split points (built without `--features split`), so it stays one module.");
  const indexPath = join(root, "index.html");
  const page = withFirstScreen(readFileSync(indexPath, "utf8"), firstScreenHtml(source));
  const styled = withLaterStylesheet(root, withSmallerStylesheet(root, withSingleWasmFetch(page)));
  const html = withContentSecurityPolicy(await withSmallerLoader(await withSmallerScripts(root, styled)));
  if (!REGISTER_SCRIPT.test(html)) throw new Error("index.html does not load register-sw.js; offline use would be lost.");
  writeFileSync(indexPath, html);

  const { files, missing } = offlineFiles(root);
  if (missing.length > 0) throw new Error(`index.html refers to files not in the build: ${missing.join(", ")}`);
  const version = precacheVersion(root, files);
  const swPath = join(root, "sw.js");
  writeFileSync(swPath, await smallerServiceWorker(preparedServiceWorker(readFileSync(swPath, "utf8"), files, version)));

  const problems = checkBuild(root);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  console.log(`post-build: Content-Security-Policy added; sw.js keeps ${files.length} files as version ${version}.`);
}

function development(root, why) {
  const indexPath = join(root, "index.html");
  writeFileSync(indexPath, readFileSync(indexPath, "utf8").replace(REGISTER_SCRIPT, "").replace(FIRST_SCREEN_SCRIPT, ""));
  writeFileSync(join(root, "sw.js"), DEVELOPMENT_SERVICE_WORKER);
  console.log(`post-build: ${why}: no pre-rendered first screen, no Content-Security-Policy and no offline cache.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv[2] === "--check") {
      const root = process.argv[3] ?? "dist";
      const problems = checkBuild(root);
      if (problems.length > 0) throw new Error(problems.join("\n"));
      console.log(`post-build check: ${root}/ is consistent.`);
    } else {
      const root = process.env.TRUNK_STAGING_DIR;
      if (!root) throw new Error("TRUNK_STAGING_DIR is not set; this script is a trunk post_build hook.");
      const html = readFileSync(join(root, "index.html"), "utf8");
      if (process.env.TRUNK_PROFILE !== "release") development(root, "debug build");
      else if (html.includes(LIVE_RELOAD_MARKER)) development(root, "release build with trunk's live reload");
      else await release(root);
    }
  } catch (error) {
    console.error(`post-build failed: ${error.message}`);
    process.exit(1);
  }
}
