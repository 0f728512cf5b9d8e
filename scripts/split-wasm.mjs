// Splits a release build's wasm into a main module and chunks that load later (called by
// scripts/post-build.mjs, in trunk's staging folder, before the policy and the offline list are
// written).
//
// Trunk does not split, so the hook redoes the last steps of its Rust pipeline on the module
// cargo linked (built with the `split` feature, whose build.rs keeps the relocations):
//   1. wasm-split-cli cuts it at the split points (`chunk!` in `src/chunk.rs` and beside each screen in a chunk) into main.wasm, one chunk per
//      split point plus chunks of code they share, and `__wasm_split.js`, which loads them;
//   2. wasm-bindgen writes the JS glue for main.wasm, keeping the exports the chunks link to;
//   3. wasm-opt optimises every module for size, as trunk does for the one module;
//   4. every file gets a name that carries a hash: each chunk the hash of its own bytes; the
//      glue, the main module and the loader, which name each other, one hash of all three
//      (and of this script); the glue and the loader are minified (scripts/minify.mjs);
//   5. index.html loads the new glue and main module, with their integrity, in place of trunk's.
// Between 1 and 2 it checks a byte rule on the main module, which is start-up code exactly
// (everything not in a chunk): it builds no BTreeMap or BTreeSet in bulk (see startUpBulkBuilds).
// A build without split points (the `split` feature off) is left as trunk wrote it.
// SPLIT_KEEP_NAMES=1 keeps function names in every module, for twiggy or a readable stack.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { smallerScript } from "./minify.mjs";
import { readableNames, wasmModule } from "./wasm-module.mjs";

/** What the split-point macro makes the wasm import until the splitter links it. */
const PLACEHOLDER_MODULE = "__wasm_split_placeholder__";
const LOADER = "__wasm_split.js";
/** trunk's loader in index.html (before scripts/post-build.mjs makes it fetch the wasm itself). */
const TRUNK_LOADER = /import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);/;
const MODULE_PRELOAD = /<link rel="modulepreload" href="\.\/([^"]+\.js)" crossorigin="anonymous" integrity="([^"]+)">/;

/**
 * Exports of the main module that nothing calls, dropped with the code only they reach:
 * server_fn, which Leptos always links, hands wasm-streams' stream adapters
 * (`IntoUnderlyingSource`, `...ByteSource`, `...Sink`) to JS through wasm-bindgen, and this
 * app never makes a stream (1.2 KB brotli). Their classes stay in the glue, never used.
 */
const UNUSED_EXPORTS = ["--remove-exports", "--pass-arg=remove-exports@*intounderlying*"];

/**
 * The glue without the JS half of those stream adapters: their classes, exported but never
 * imported, and the finalization registries that free them in the wasm (whose exports are gone
 * above) become private and unused, so the minifier drops them (0.3 KB brotli).
 */
export function withoutStreamAdapters(glue) {
  const classes = [...glue.matchAll(/^export class (IntoUnderlying\w+) \{/gm)].map(([, name]) => name);
  if (classes.length === 0) throw new Error("wasm-bindgen's glue has no IntoUnderlying* class to drop; update withoutStreamAdapters.");
  let dead = glue;
  for (const name of classes) {
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;\\n`, "m");
    const dispose = new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = [^\\n]*\\n`, "m");
    if (!registry.test(dead) || !dispose.test(dead)) throw new Error(`wasm-bindgen's glue has ${name} without its registry or dispose line; update withoutStreamAdapters.`);
    dead = dead.replace(registry, "").replace(dispose, "").replace(`export class ${name} {`, `class ${name} {`);
  }
  return dead;
}

/** The 12 hex digits (48 bits) a build file is named by: of its content. Shorter than trunk's 16: the
 * names are listed in the chunk loader and the service worker, and hex does not compress. */
export const hex = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);
export const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Whether trunk's glue in the staging folder comes from a wasm with split points. */
export function hasSplitPoints(glue) {
  return glue.includes(PLACEHOLDER_MODULE);
}

/**
 * The short, stable name of a module the splitter wrote: `split_report.wasm` (or
 * `split_report_123.wasm`, as `#[lazy]` names them) is `report`, `chunk_7.wasm` `shared-7`.
 */
export function chunkStem(file) {
  const split = file.match(/^split_([a-z0-9_]+?)(?:_\d+)?\.wasm$/);
  if (split) return split[1].replaceAll("_", "-");
  const shared = file.match(/^chunk_(\d+)\.wasm$/);
  if (shared) return `shared-${shared[1]}`;
  throw new Error(`the splitter wrote ${file}, a name this hook does not know.`);
}

/**
 * The standard library's code that builds a BTreeMap or BTreeSet in bulk: sort the entries, drop
 * repeated keys, push them into fresh nodes. `collect()` into one (and `from([...])`) links it;
 * `extend` inserts entry by entry with the insertion code every map already has. Measured on the
 * first load: 1.3 KB brotli (ARCHITECTURE.md, "maps filled by extend").
 */
const BULK_BUILD = /bulk_build_from_sorted_iter|bulk_push|DedupSortedIter/;

/**
 * The same code when the optimiser inlined it into the map's or set's own collect, so that no
 * function of the names above is left: `<BTreeMap<..> as FromIterator<..>>::from_iter` (or
 * `From<[..; N]>::from`), readable or as the linker's v0 symbol. Since the core is several
 * crates, the bulk build of a `collect()` in start-up code can end up inlined there.
 */
const BULK_COLLECT = [
  /^<alloc::collections::btree::(map|set)::BTree(Map|Set)<.*> as core::(iter::traits::collect::FromIterator|convert::From)</,
  /^_R\w*?5btree3(map|set)INt\w+?8BTree(Map|Set)\w*?(12FromIterator|7convert4From)/,
];

/**
 * The functions of the main module `bytes` (as the splitter wrote it, names kept) that build a
 * sorted map or set in bulk, by their readable names: none is allowed, since the main module is
 * the code start-up downloads. Fails when the module keeps no names, since then it could not
 * tell.
 */
export function startUpBulkBuilds(bytes) {
  const { functions } = wasmModule(bytes);
  if (!functions.some((f) => f.name !== null)) {
    throw new Error(
      "the main module has no function names, so the check that start-up code builds no map in bulk cannot run: " +
        'keep the release profile\'s strip = "debuginfo" (it keeps the symbols the check reads).',
    );
  }
  const named = functions.filter((f) => f.name !== null).map((f) => f.name);
  const readable = readableNames(named);
  const bulk = (name) => BULK_BUILD.test(name) || BULK_COLLECT.some((pattern) => pattern.test(name));
  return readable.filter((name, i) => bulk(name) || bulk(named[i]));
}

function run(command, args) {
  try {
    execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const said = `${error.stderr ?? ""}${error.stdout ?? ""}`.trim();
    throw new Error(`${command} failed${error.code === "ENOENT" ? " (not installed; run scripts/setup.sh)" : ""}: ${said || error.message}`);
  }
}

/** Replaces every occurrence of `from` in `text`, and fails if there is none. */
function replaceAllOf(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`${where} does not mention ${from}.`);
  return text.replaceAll(from, to);
}

/**
 * Splits the build staged in `root`, whose trunk glue and wasm index.html names; `rawWasm` is
 * the module cargo linked. Returns the chunk files written, or null when there was nothing to
 * split.
 */
export async function splitRelease(root, rawWasm, { source = process.cwd(), log = console.log } = {}) {
  const indexPath = join(root, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const loader = html.match(TRUNK_LOADER);
  if (!loader) throw new Error("index.html does not have trunk's module loader (import init, * as bindings ...).");
  const [, trunkGlue, trunkWasm] = loader;
  if (!hasSplitPoints(readFileSync(join(root, trunkGlue), "utf8"))) return null;
  if (!existsSync(rawWasm)) throw new Error(`${rawWasm}, the module cargo linked, is missing.`);

  const work = mkdtempSync(join(tmpdir(), "readiness-split-"));
  try {
    const split = join(work, "split");
    run("wasm-split-cli", ["--out-name", "main", rawWasm, split]);
    const bulk = startUpBulkBuilds(readFileSync(join(split, "main.wasm")));
    if (bulk.length > 0) {
      throw new Error(
        "start-up code builds a BTreeMap or BTreeSet in bulk (collect() or from() into one), which costs the first load " +
          "1.3 KB brotli: fill it with extend (as format::inserted does), or move the code into a chunk (src/chunk.rs). " +
          `The main module holds: ${bulk.join("; ")}`,
      );
    }
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", join(work, "bound"), "--out-name", "main", join(split, "main.wasm")]);
    const wasmOpt = resolve(source, "node_modules/.bin/wasm-opt");
    const optimise = (from, to, passes = []) =>
      run(existsSync(wasmOpt) ? wasmOpt : "wasm-opt", [...passes, "-Oz", ...(process.env.SPLIT_KEEP_NAMES ? ["--debuginfo"] : ["--strip-debug", "--strip-producers"]), from, "-o", to]);

    // A chunk that does not come is the app's to report (src/chunk.rs says so on the page), and
    // a fetch cut short by leaving or reloading the page is no error at all: the loader's own
    // report of it goes to the console as a warning, not an error.
    let splitLoader = replaceAllOf(readFileSync(join(split, LOADER), "utf8"), "console.error(e);", "console.warn(e);", "the splitter's loader");
    const optimisedChunks = readdirSync(split)
      .filter((name) => name.endsWith(".wasm") && name !== "main.wasm")
      .sort()
      .map((file) => {
        const optimised = join(work, file);
        optimise(join(split, file), optimised);
        return { file, optimised, bytes: readFileSync(optimised) };
      });

    optimise(join(work, "bound", "main_bg.wasm"), join(work, "main_bg.wasm"), UNUSED_EXPORTS);
    const mainWasm = readFileSync(join(work, "main_bg.wasm"));
    let glue = readFileSync(join(work, "bound", "main.js"), "utf8");
    // The main module, its glue, the loader and the chunks are one build: a chunk's code holds
    // the main module's addresses and table slots, so it is only ever right beside the main
    // module it was split from. They share one hash, of what the tools wrote and of this
    // script, which rewrites it; every file is named by it (a hash per chunk would put sixty
    // different names in the loader and the service worker: 1 KB brotli more on the first load).
    const build = hex(
      Buffer.concat([
        mainWasm,
        Buffer.from(glue),
        Buffer.from(splitLoader),
        ...optimisedChunks.map((chunk) => chunk.bytes),
        readFileSync(new URL(import.meta.url)),
      ]),
    );
    const chunks = optimisedChunks.map(({ file, optimised }) => {
      const name = `${chunkStem(file)}-${build}.wasm`;
      renameSync(optimised, join(root, name));
      splitLoader = replaceAllOf(splitLoader, `"./${file}"`, `"./${name}"`, "the splitter's loader");
      return name;
    });
    const names = {
      glue: `readiness-check-${build}.js`,
      wasm: `readiness-check-${build}_bg.wasm`,
      loader: `split-${build}.js`,
    };
    // Only the import statements: the wasm's own import module stays named `./__wasm_split.js`.
    glue = replaceAllOf(glue, `from "./${LOADER}"`, `from "./${names.loader}"`, "wasm-bindgen's glue");
    glue = await smallerScript(withoutStreamAdapters(glue.replaceAll("main_bg.wasm", names.wasm)), { module: true });
    splitLoader = replaceAllOf(splitLoader, `"./main.js"`, `"./${names.glue}"`, "the splitter's loader");
    writeFileSync(join(root, names.glue), glue);
    writeFileSync(join(root, names.wasm), mainWasm);
    splitLoader = await smallerScript(splitLoader, { module: true, keepNames: true });
    writeFileSync(join(root, names.loader), splitLoader);
    rmSync(join(root, trunkGlue));
    rmSync(join(root, trunkWasm));

    // index.html: the new glue and module in trunk's loader, its wasm preload and its glue's
    // module preload; the loader the glue imports is preloaded beside it.
    html = html.replace(loader[0], loader[0].replace(`./${trunkGlue}`, `./${names.glue}`).replace(`./${trunkWasm}`, `./${names.wasm}`));
    const wasmPreload = new RegExp(`(<link rel="preload" href=")\\./${trunkWasm.replaceAll(".", "\\.")}(" [^>]*integrity=")[^"]+(")`);
    if (!wasmPreload.test(html)) throw new Error(`index.html has no preload link for ${trunkWasm}.`);
    html = html.replace(wasmPreload, `$1./${names.wasm}$2${integrity(mainWasm)}$3`);
    const preload = html.match(MODULE_PRELOAD);
    if (!preload || preload[1] !== trunkGlue) throw new Error(`index.html has no module preload link for ${trunkGlue}.`);
    const modulePreload = (file, text) =>
      `<link rel="modulepreload" href="./${file}" crossorigin="anonymous" integrity="${integrity(Buffer.from(text))}">`;
    html = html.replace(preload[0], `${modulePreload(names.glue, glue)}\n  ${modulePreload(names.loader, splitLoader)}`);
    writeFileSync(indexPath, html);

    const sizes = chunks.map((name) => `${name} ${readFileSync(join(root, name)).length} B`);
    log(`post-build: split the wasm into ${names.wasm} (${mainWasm.length} B) and ${chunks.length} chunks: ${sizes.join(", ")}.`);
    return chunks;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
