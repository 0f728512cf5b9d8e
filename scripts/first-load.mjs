// Which files of a build the page loads when it starts: index.html, everything it refers to
// (stylesheet, scripts, wasm, icon, manifest) and, in turn, whatever those scripts import and
// those stylesheets refer to. Shared by scripts/post-build.mjs (the service worker keeps exactly
// these files for offline use) and tests/size-report.mjs (the size budget counts exactly these).
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize, posix } from "node:path";

/** The text inside each `<script>` element that has no `src`, exactly as the browser hashes it. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , text]) => text);
}

/** Inert markup the app adds to the page later (the later screens' stylesheet link). */
const TEMPLATE = /<template\b[^>]*>([\s\S]*?)<\/template>/gi;

/**
 * Relative addresses in HTML attributes and inline scripts of index.html: what its elements
 * load, not where its links (`<a href>`, in the pre-rendered first screen) lead, nor what its
 * templates hold for later.
 */
function htmlReferences(html) {
  const tags = [...html.replace(TEMPLATE, "").matchAll(/<(?!a\b)[a-z][^>]*>/gi)].map(([tag]) => tag);
  const references = tags.flatMap((tag) =>
    [...tag.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((match) => match[1] ?? match[2]),
  );
  for (const script of inlineScripts(html)) references.push(...scriptReferences(script));
  return references;
}

/**
 * Relative module specifiers in a script, and the wasm address trunk's loader passes to init
 * (or, once the build hook has rewritten the loader, fetches itself).
 * (wasm-bindgen's glue also names a fallback wasm file with `new URL(..., import.meta.url)` that
 * trunk's loader never uses, so that form is deliberately not followed.)
 */
function scriptReferences(js) {
  const patterns = [
    /\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    /\bmodule_or_path\s*:\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bfetch\s*\(\s*["'](\.{1,2}\/[^"']+)["']/g,
  ];
  return patterns.flatMap((pattern) => [...js.matchAll(pattern)].map((match) => match[1]));
}

/** Relative `url(...)` addresses in a stylesheet. */
function cssReferences(css) {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3],
  );
}

function isRelative(reference) {
  return reference !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(reference) && !reference.startsWith("/") && !reference.startsWith("#");
}

/**
 * The files, relative to `root` with forward slashes, that loading `root/index.html` fetches, in
 * the order found, index.html first. A relative reference to a file that is not in the build is
 * reported in `missing` rather than silently left out.
 */
export function firstLoadFiles(root, indexName = "index.html") {
  const found = [indexName];
  const missing = [];
  const queue = [indexName];
  while (queue.length > 0) {
    const file = queue.shift();
    const body = readFileSync(join(root, file), "utf8");
    const references = file.endsWith(".html")
      ? htmlReferences(body)
      : /\.m?js$/.test(file)
        ? scriptReferences(body)
        : file.endsWith(".css")
          ? cssReferences(body)
          : [];
    for (const reference of references.filter(isRelative)) {
      const path = posix.normalize(posix.join(posix.dirname(file), reference.split(/[?#]/)[0]));
      if (path.startsWith("..")) {
        missing.push(`${reference} (outside the build, from ${file})`);
        continue;
      }
      if (found.includes(path)) continue;
      const onDisk = normalize(join(root, path));
      if (!existsSync(onDisk) || !statSync(onDisk).isFile()) {
        missing.push(`${reference} (from ${file})`);
        continue;
      }
      found.push(path);
      if (/\.(m?js|css)$/.test(path)) queue.push(path);
    }
  }
  return { files: found, missing };
}

/**
 * The files the page fetches later, when it needs them: what index.html keeps in a `<template>`
 * (the later screens' stylesheet), and the wasm chunks that the split build's
 * loader names with `new URL("./name.wasm", import.meta.url)`, found in the scripts of
 * `files` (a first load). The service worker keeps these too, so that every screen opens
 * offline; the size budget does not count them.
 */
export function laterFiles(root, files) {
  const later = [];
  // What the page keeps in a <template> for the app to add later: the later screens' stylesheet.
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const inert = [...readFileSync(join(root, file), "utf8").matchAll(TEMPLATE)].map(([, content]) => content).join("");
    for (const [tag] of inert.matchAll(/<link\b[^>]*>/gi)) {
      const href = tag.match(/\bhref\s*=\s*"([^"]+)"/i)?.[1];
      if (!href || !isRelative(href)) continue;
      const path = posix.normalize(posix.join(posix.dirname(file), href));
      if (!files.includes(path) && !later.includes(path)) later.push(path);
    }
  }
  for (const file of files.filter((name) => /\.m?js$/.test(name))) {
    const js = readFileSync(join(root, file), "utf8");
    for (const [, reference] of js.matchAll(/\bnew URL\(\s*["'](\.\/[^"']+\.wasm)["']\s*,\s*import\.meta\.url\s*\)/g)) {
      const path = posix.normalize(posix.join(posix.dirname(file), reference));
      if (!files.includes(path) && !later.includes(path)) later.push(path);
    }
  }
  return later;
}

/**
 * For each chunk the split build's loader (`loader`, its text) names, the split points that need
 * it: `{ "report-….wasm": ["report"], "shared-8-….wasm": ["report", "compare"] }`. Each split
 * point is an `export const __wasm_split_load_<name>` whose own module comes with the shared
 * chunks in its list; a shared chunk is a `const __chunk_<n>`. The loader may be minified, its
 * names kept.
 */
export function chunkUsers(loader) {
  const fileOf = (body) => body.match(/new URL\(\s*["']\.\/([^"']+\.wasm)["']/)?.[1];
  const shared = new Map();
  for (const [, id, body] of loader.matchAll(/\bconst (__chunk_\d+)\s*=\s*makeLoad\(([\s\S]*?)\}\s*,\s*\[/g)) {
    shared.set(id, fileOf(body));
  }
  const users = {};
  const use = (file, point) => {
    const name = point.replaceAll("_", "-");
    if (!(users[file] ??= []).includes(name)) users[file].push(name);
  };
  for (const [, name, body, deps] of loader.matchAll(/export const __wasm_split_load_(\w+)\s*=\s*wrapAsyncCb\(makeLoad\(([\s\S]*?)\}\s*,\s*\[([^\]]*)\]/g)) {
    const own = fileOf(body);
    if (own) use(own, name);
    for (const dep of deps.split(",").map((d) => d.trim()).filter(Boolean)) {
      if (shared.has(dep)) use(shared.get(dep), name);
    }
  }
  return users;
}

/**
 * Every file of the build the page may fetch: its first load, then the chunks it loads later.
 * The service worker keeps exactly these, so that every screen opens offline.
 */
export function offlineFiles(root) {
  const { files, missing } = firstLoadFiles(root);
  for (const file of laterFiles(root, files)) {
    if (existsSync(join(root, file))) files.push(file);
    else missing.push(`${file} (a chunk the loader names)`);
  }
  return { files, missing };
}

