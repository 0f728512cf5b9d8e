// Unit checks of the post_build hook on small made-up builds: `node --test scripts/post-build.test.mjs`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chunkUsers, firstLoadFiles, inlineScripts, laterFiles, offlineFiles } from "./first-load.mjs";
import { chunkStem, hasSplitPoints, startUpBulkBuilds, withoutStreamAdapters } from "./split-wasm.mjs";
import { moduleOf } from "../tests/wasm-fixture.mjs";
import {
  checkBuild,
  contentSecurityPolicy,
  policyIn,
  precacheVersion,
  preparedServiceWorker,
  serviceWorkerManifest,
  smallerServiceWorker,
  withContentSecurityPolicy,
  withFirstScreen,
  withLaterStylesheet,
  withSingleWasmFetch,
  withSmallerLoader,
  withSmallerStylesheet,
  WASM_FETCH,
} from "./post-build.mjs";
import { integrity } from "./split-wasm.mjs";
import { smallerScript } from "./minify.mjs";

// What trunk writes: the loader, and preload links with integrity for the glue and the wasm.
const LOADER = `
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });


window.wasmBindings = bindings;
`;
const PRELOADS = `<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-glue">
<link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm">`;
const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <script src="./first-screen-1.js"></script>
    <link rel="stylesheet" href="./main-1.css">
    <template id="later-style"><link rel="stylesheet" href="later-screens.css"></template>
    <link rel="icon" href="favicon.svg">
    <script src="./register-sw-1.js" defer></script>
<script type="module">${LOADER}</script>
${PRELOADS}
  </head>
  <body>
  </body>
</html>
`;
// What the app's components render for the first screen (examples/prerender.rs), cut down.
const FIRST_SCREEN = '<a href="#main" class="skip-link">Skip to content</a><header><a href="./">Home</a></header><main id="main" tabindex="-1"><a href="?screen=assessment">Start</a></main><footer>Footer</footer>';
const TEMPLATE = readFileSync(new URL("../public/sw.js", import.meta.url), "utf8");

function build(files) {
  const root = mkdtempSync(join(tmpdir(), "post-build-test-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), body);
  }
  return root;
}

function sampleBuild() {
  return build({
    "index.html": PAGE,
    "main-1.css": "body { background: url('img/paper.svg') }",
    "img/paper.svg": "<svg/>",
    "favicon.svg": "<svg/>",
    "register-sw-1.js": "navigator.serviceWorker.register('sw.js')",
    "first-screen-1.js": "document.documentElement.classList.add('deep-link')",
    "later-screens.css": ".report { margin: 0 }",
    "app-1.js": "import { x } from './snippets/a/inline0.js'; export default async function init() {}",
    "snippets/a/inline0.js": "export const x = 1;",
    "app-1_bg.wasm": "\0asm",
    "unrelated.txt": "not loaded by the page",
    "sw.js": TEMPLATE,
  });
}

/** Does in a made-up build what the hook does in trunk's staging folder. */
function finish(root) {
  const page = readFileSync(join(root, "index.html"), "utf8");
  writeFileSync(join(root, "index.html"), withContentSecurityPolicy(withSingleWasmFetch(withFirstScreen(page, FIRST_SCREEN))));
  const { files } = offlineFiles(root);
  const sw = preparedServiceWorker(TEMPLATE, files, precacheVersion(root, files));
  writeFileSync(join(root, "sw.js"), sw);
}

test("the policy hashes each inline script's exact text and allows nothing unsafe", () => {
  const policy = contentSecurityPolicy(inlineScripts(PAGE));
  const hash = createHash("sha256").update(LOADER).digest("base64");
  assert.match(policy, new RegExp(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, "\\$&")}';`));
  assert.match(policy, /^default-src 'none'; /);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(contentSecurityPolicy([]).includes("sha256"), false);
});

test("the policy goes right after <meta charset>, once, and the build refuses inline styles and handlers", () => {
  const html = withContentSecurityPolicy(PAGE);
  assert.match(html, /<meta charset="utf-8">\n {4}<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.equal(policyIn(html), contentSecurityPolicy(inlineScripts(PAGE)));
  assert.throws(() => withContentSecurityPolicy(html), /already has a Content-Security-Policy/);
  assert.throws(() => withContentSecurityPolicy(PAGE.replace("<body>", '<body style="margin:0">')), /style= attribute/);
  assert.throws(() => withContentSecurityPolicy(PAGE.replace("</head>", "<style>p{}</style></head>")), /<style> element/);
  assert.throws(() => withContentSecurityPolicy(PAGE.replace("<body>", '<body onload="go()">')), /onload=/);
  assert.throws(() => withContentSecurityPolicy(PAGE.replace('<meta charset="utf-8">', "")), /no <meta charset/);
});

test("the wasm is fetched once, by the loader, with the preload link's integrity, before the glue is imported", () => {
  const html = withSingleWasmFetch(PAGE);
  assert.doesNotMatch(html, /rel="preload"/);
  assert.match(html, /<link rel="modulepreload" href="\.\/app-1\.js" crossorigin="anonymous" integrity="sha384-glue">/);
  const [loader] = inlineScripts(html);
  assert.equal(
    loader,
    `
${loader.split("\n").slice(1, 7).join("\n")}
const wasmResponse = fetch('./app-1_bg.wasm', { integrity: 'sha384-wasm' });
const bindings = await import('./app-1.js');
${loader.split("\n").slice(9, 11).join("\n")}
const wasm = await bindings.default({ module_or_path: wasmResponse });
${loader.slice(loader.indexOf("{\n  const drawn"), loader.indexOf("\n}\n", loader.indexOf("{\n  const drawn")) + 2)}


window.wasmBindings = bindings;
`,
  );
  // Before the app starts it notes the pre-rendered nodes; after, it removes them.
  // Where the browser records the largest paint, the wasm is asked for once Home's is recorded.
  assert.match(loader, /^\nif \(PerformanceObserver[^\n]*"largest-contentful-paint"[^\n]*"deep-link"[\s\S]*?\n\}\nconst wasmResponse = fetch/);
  assert.match(loader, /const firstScreen = pageNodes\(\);\nconst wasm = await bindings\.default/);
  assert.match(loader, /for \(const node of firstScreen\) node\.remove\(\);/);
  assert.match(loader, /document\.documentElement\.classList\.remove\("deep-link"\);\n\}\n/);
  assert.throws(() => withSingleWasmFetch(html), /0 wasm preload links/);
  assert.throws(() => withSingleWasmFetch(PAGE.replace("import init, * as", "import start, * as")), /loader is not the one/);
  assert.throws(() => withSingleWasmFetch(PAGE.replace(' integrity="sha384-wasm"', "")), /no integrity/);
});

test("the files to keep are what the page loads, followed through stylesheets and imports", () => {
  const root = sampleBuild();
  try {
    assert.deepEqual(firstLoadFiles(root), {
      files: [
        "index.html",
        "first-screen-1.js",
        "main-1.css",
        "favicon.svg",
        "register-sw-1.js",
        "app-1.js",
        "app-1_bg.wasm",
        "img/paper.svg",
        "snippets/a/inline0.js",
      ],
      missing: [],
    });
    rmSync(join(root, "favicon.svg"));
    assert.deepEqual(firstLoadFiles(root).missing, ["favicon.svg (from index.html)"]);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the cache version is a hash of the kept files' names and contents, and only of those", () => {
  const root = sampleBuild();
  try {
    const { files } = firstLoadFiles(root);
    const version = precacheVersion(root, files);
    assert.match(version, /^[0-9a-f]{20}$/);
    assert.equal(precacheVersion(root, [...files].reverse()), version, "order does not matter");
    writeFileSync(join(root, "unrelated.txt"), "changed");
    assert.equal(precacheVersion(root, files), version, "a file the page does not load does not matter");
    writeFileSync(join(root, "favicon.svg"), "<svg><rect/></svg>");
    const changed = precacheVersion(root, files);
    assert.notEqual(changed, version, "a changed file changes the version");
    writeFileSync(join(root, "favicon.svg"), "<svg/>");
    assert.equal(precacheVersion(root, files), version, "the same content gives the same version");
    writeFileSync(join(root, "icon.svg"), "<svg/>");
    assert.notEqual(precacheVersion(root, files.map((f) => (f === "favicon.svg" ? "icon.svg" : f))), version);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the prepared service worker carries the list and version, and a finished build checks out", () => {
  assert.throws(() => preparedServiceWorker("const FILES = [];", [], "x"), /must contain the lines/);
  const root = sampleBuild();
  try {
    finish(root);
    const sw = serviceWorkerManifest(readFileSync(join(root, "sw.js"), "utf8"));
    assert.deepEqual(sw.files, [...firstLoadFiles(root).files, "later-screens.css"]);
    assert.equal(sw.version, precacheVersion(root, sw.files));
    assert.deepEqual(checkBuild(root), []);

    writeFileSync(join(root, "app-1_bg.wasm"), "\0asm changed after the build");
    assert.match(checkBuild(root).join("\n"), /VERSION is [0-9a-f]+, but its files hash to/);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the first screen goes at the start of the body; its links are not files the page loads", () => {
  const html = withFirstScreen(PAGE, FIRST_SCREEN);
  assert.match(html, /<body>\n<a href="#main" class="skip-link">Skip to content<\/a><header>[\s\S]*<\/footer>\n {2}<\/body>/);
  assert.throws(() => withFirstScreen(PAGE.replace(/<script src=".\/first-screen-1.js"><\/script>/, ""), FIRST_SCREEN), /first-screen\.js/);
  assert.throws(() => withFirstScreen(PAGE.replace("<body>\n", "<body class=x>"), FIRST_SCREEN), /no <body>/);
  const root = sampleBuild();
  try {
    writeFileSync(join(root, "index.html"), html);
    assert.deepEqual(firstLoadFiles(root).missing, [], "./ and ?screen=assessment are where links lead, not files");
    writeFileSync(join(root, "index.html"), withContentSecurityPolicy(withSingleWasmFetch(PAGE)));
    assert.match(checkBuild(root).join("\n"), /does not hold the pre-rendered first screen/);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the later screens' stylesheet waits in a template: not in the first load, kept offline, named and pinned by its content", () => {
  const root = sampleBuild();
  try {
    const first = firstLoadFiles(root).files;
    assert.ok(!first.includes("later-screens.css"), "not in the first load");
    assert.deepEqual(laterFiles(root, first), ["later-screens.css"]);
    const html = withLaterStylesheet(root, PAGE);
    const [, name, pin] = html.match(/<template id="later-style"><link rel="stylesheet" href="(later-screens-[0-9a-f]{12}\.css)" integrity="(sha384-[^"]+)"><\/template>/);
    const css = readFileSync(join(root, name));
    assert.equal(css.toString(), ".report{margin:0}", "minified");
    assert.equal(pin, integrity(css));
    assert.throws(() => readFileSync(join(root, "later-screens.css")), /ENOENT/, "the unnamed copy is gone");
    assert.throws(() => withLaterStylesheet(root, PAGE.replace(' id="later-style"', "")), /template id="later-style"/);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the loader is minified, still fetches the wasm with its integrity and takes over, and the policy hashes the minified text", async () => {
  const html = await withSmallerLoader(withSingleWasmFetch(withFirstScreen(PAGE, FIRST_SCREEN)));
  const [loader] = inlineScripts(html);
  assert.ok(loader.length < inlineScripts(withSingleWasmFetch(PAGE))[0].length + 400, "smaller than written");
  assert.deepEqual(loader.match(WASM_FETCH).slice(1), ["./app-1_bg.wasm", "sha384-wasm"]);
  assert.match(loader, /classList\.remove\("deep-link"\)/);
  assert.doesNotMatch(html, /\n[ \t]*\n/, "no blank lines");
  assert.equal(policyIn(withContentSecurityPolicy(html)), contentSecurityPolicy([loader]));
});

test("the glue loses the stream adapters' classes and registries, and says so when they are not there", () => {
  const glue = `export class IntoUnderlyingSink {
    free() { wasm.__wbg_intounderlyingsink_free(this.ptr, 0); }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;
export function kept() {}
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
`;
  const dead = withoutStreamAdapters(glue);
  assert.doesNotMatch(dead, /export class|Symbol\.dispose|Finalization/);
  assert.match(dead, /^class IntoUnderlyingSink \{/m);
  assert.match(dead, /export function kept/);
  assert.throws(() => withoutStreamAdapters("export function kept() {}"), /no IntoUnderlying\* class/);
  assert.throws(() => withoutStreamAdapters(glue.replace(/^if \(Symbol[^\n]*\n/m, "")), /without its registry or dispose line/);
});

test("the unprepared template refuses to install", () => {
  assert.deepEqual(serviceWorkerManifest(TEMPLATE), { version: "unbuilt", files: [] });
  assert.match(TEMPLATE, /VERSION === "unbuilt" \|\| FILES.length === 0/);
});

// What the splitter's loader looks like, cut down: shared chunks, then one export per split point.
const SPLIT_LOADER = `import { initSync } from "./app-1.js";
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./shared-6-aa.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_report = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./report-bb.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]));
export const __wasm_split_load_coach = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./coach-cc.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]));
`;

test("the split build's chunks are kept offline, not counted in the first load, and named for their screens", async () => {
  const root = sampleBuild();
  try {
    writeFileSync(join(root, "app-1.js"), `import { x } from './snippets/a/inline0.js'; import * as s from "./split-1.js";`);
    writeFileSync(join(root, "split-1.js"), SPLIT_LOADER);
    for (const chunk of ["shared-6-aa.wasm", "report-bb.wasm", "coach-cc.wasm"]) writeFileSync(join(root, chunk), "\0asm");
    const first = firstLoadFiles(root).files;
    assert.ok(first.includes("split-1.js"), "the loader comes with the glue");
    assert.deepEqual(first.filter((file) => file.endsWith(".wasm")), ["app-1_bg.wasm"], "no chunk at start");
    const later = ["later-screens.css", "shared-6-aa.wasm", "report-bb.wasm", "coach-cc.wasm"];
    assert.deepEqual(laterFiles(root, first), later);
    assert.deepEqual(offlineFiles(root).files, [...first, ...later]);
    const users = {
      "report-bb.wasm": ["report"],
      "shared-6-aa.wasm": ["report", "coach"],
      "coach-cc.wasm": ["coach"],
    };
    assert.deepEqual(chunkUsers(SPLIT_LOADER), users);
    assert.deepEqual(chunkUsers(await smallerScript(SPLIT_LOADER, { module: true, keepNames: true })), users, "minified, names kept");
    rmSync(join(root, "coach-cc.wasm"));
    assert.deepEqual(offlineFiles(root).missing, ["coach-cc.wasm (a chunk the loader names)"]);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the splitter's module names become short names, and unknown ones fail the build", () => {
  assert.equal(chunkStem("split_report.wasm"), "report");
  assert.equal(chunkStem("split_report_17998957817654843934.wasm"), "report");
  assert.equal(chunkStem("split_group_view.wasm"), "group-view");
  assert.equal(chunkStem("chunk_12.wasm"), "shared-12");
  assert.throws(() => chunkStem("main.wasm"), /a name this hook does not know/);
  assert.equal(hasSplitPoints("import * as import1 from '__wasm_split_placeholder__'"), true);
  assert.equal(hasSplitPoints("export default async function init() {}"), false);
});


test("start-up code builds no sorted map in bulk: the main module's names are read, and a module without names fails", () => {
  // As the linker names them (Rust's v0 mangling), and readable.
  const bulk = "_RINvMsi_NtNtNtCs1_5alloc11collections5btree3mapINtB6_8BTreeMapNtNtBc_6string6StringE27bulk_build_from_sorted_iterE";
  const insert = "_RNvMsi_NtNtNtCs1_5alloc11collections5btree3mapINtB5_8BTreeMapNtNtBb_6string6StringE6insert";
  assert.deepEqual(startUpBulkBuilds(moduleOf({ imports: ["log"], functions: [{ name: insert, size: 40 }, { name: "start", size: 9 }] })), []);
  const found = startUpBulkBuilds(moduleOf({ functions: [{ name: insert, size: 40 }, { name: bulk, size: 300 }] }));
  assert.equal(found.length, 1);
  assert.match(found[0], /bulk_build_from_sorted_iter/);
  for (const name of ["alloc::collections::btree::append::<impl NodeRef>::bulk_push", "<DedupSortedIter<K, V, I> as Iterator>::next"]) {
    assert.equal(startUpBulkBuilds(moduleOf({ functions: [{ name, size: 20 }] })).length, 1, name);
  }
  // The bulk build inlined into the map's own collect, as the linker names it and readable.
  const collected = "_RINvXs1o_NtNtNtCslS7bobliwFp_5alloc11collections5btree3mapINtB7_8BTreeMapNtNtBd_6string6StringjEINtNtNtNtCsdqAor0CasWu_4core4iter6traits7collect12FromIteratorTB19_jEE9from_iterINtNtNtB1D_8adapters3map3MapINtNtNtB1F_5slice4iter4IterTB19_B19_EEE";
  for (const name of [collected, "<alloc::collections::btree::set::BTreeSet<u32> as core::convert::From<[u32; 3]>>::from"]) {
    assert.equal(startUpBulkBuilds(moduleOf({ functions: [{ name: insert, size: 40 }, { name, size: 900 }] })).length, 1, name);
  }
  // Collecting a map's entries into a vector builds no map.
  const vec = "<alloc::vec::Vec<alloc::string::String> as core::iter::traits::collect::FromIterator<alloc::string::String>>::from_iter::<core::iter::adapters::cloned::Cloned<alloc::collections::btree::set::Iter<alloc::string::String>>>";
  assert.deepEqual(startUpBulkBuilds(moduleOf({ functions: [{ name: vec, size: 200 }] })), []);
  assert.throws(() => startUpBulkBuilds(moduleOf({ functions: [{ name: bulk, size: 300 }], named: false })), /has no function names/);
});

test("minifying keeps what is read from the files: the worker's list and version, the stylesheet's integrity", async () => {
  const prepared = preparedServiceWorker(TEMPLATE, ["index.html", "app-1.js"], "v1");
  const smaller = await smallerServiceWorker(prepared);
  assert.ok(smaller.length < prepared.length * 0.7, `sw.js ${prepared.length} B became ${smaller.length} B`);
  assert.deepEqual(serviceWorkerManifest(smaller), { version: "v1", files: ["index.html", "app-1.js"] });
  assert.doesNotMatch(smaller, /\/\/ /, "no comments are left");
  await assert.rejects(smallerServiceWorker(TEMPLATE.replace("const FILES = [];\n", "")), /no VERSION and FILES lines/);

  const root = build({ "main-1.css": "/* note */\nbody {\n  color: #000000;\n}\n" });
  try {
    const page = '<link rel="stylesheet" href="./main-1.css" integrity="sha384-old"/>';
    const html = withSmallerStylesheet(root, page);
    const css = readFileSync(join(root, "main-1.css"));
    assert.equal(css.toString(), "body{color:#000}");
    assert.equal(html, `<link rel="stylesheet" href="./main-1.css" integrity="${integrity(css)}"/>`);
  } finally {
    rmSync(root, { recursive: true });
  }
});
