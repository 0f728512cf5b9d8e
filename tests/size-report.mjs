// Prints raw, gzip and brotli sizes of every file in the build folder, grouped by when a browser
// downloads it, the figures that decide how fast the app reaches a person on a slow connection.
//
//   node tests/size-report.mjs [dist] [--budget]
//
// First load = index.html and everything it loads (stylesheet, loader scripts, the main wasm
// module, icon, manifest, register-sw.js; see scripts/first-load.mjs), plus sw.js, which the
// browser fetches in the background once the page has loaded: it is counted in the first load,
// and marked as such. The wasm chunks of the split build come later (from three seconds after
// start, when the page is idle, or at once when a screen that needs one opens): each is listed
// with the screens that need it, and not counted. With --budget, exits non-zero with a message when
// the first load is over BUDGET (compressed sizes, as a static host with compression sends them):
// scripts/test.sh checks that, so the first load cannot grow past it unnoticed.
//
// Then the main module's largest changes since the previous report: each run keeps a small
// record of the main module it measured, outside git (RECORD, under target/; SIZE_REPORT_RECORD
// names another file), and the next run lists the parts that grew and shrank most against it.
// A part is a function, where both builds kept the functions' names (SPLIT_KEEP_NAMES=1, see
// scripts/split-wasm.mjs), and otherwise a section of the module (code, data, exports, ...).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chunkUsers, firstLoadFiles, laterFiles } from "../scripts/first-load.mjs";
import { readableNames, wasmModule } from "../scripts/wasm-module.mjs";

/** The first-load budget in bytes (1 KB = 1,000 bytes). */
export const BUDGET = { brotli: 150_000, gzip: 190_000 };
/** The budget of what the browser must fetch before it can paint: the page and what blocks it. */
export const BEFORE_PAINT_BUDGET = { brotli: 8_000 };

/**
 * What the browser must have before its first paint: index.html, its stylesheets, and the
 * scripts that stop the page being read (a `<script src>` without defer, async or
 * type="module"). The wasm and its loader come after.
 */
export function beforePaintFiles(html) {
  // A <template>'s content is inert: nothing in it is fetched until the app adds it.
  const blocking = [...html.replace(/<template\b[\s\S]*?<\/template>/gi, "").matchAll(/<(link|script)\b[^>]*>/gi)]
    .map(([tag, name]) => ({ tag, name: name.toLowerCase() }))
    .filter(({ tag, name }) =>
      name === "link" ? /\brel\s*=\s*"stylesheet"/i.test(tag) : /\bsrc\s*=/i.test(tag) && !/\b(defer|async)\b|type\s*=\s*"module"/i.test(tag),
    )
    .map(({ tag }) => tag.match(/\b(?:href|src)\s*=\s*"(?:\.\/)?([^"]+)"/i)?.[1])
    .filter(Boolean);
  return ["index.html", ...blocking];
}
const KINDS = ["brotli", "gzip"];
const SERVICE_WORKER = "sw.js";

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function sizes(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

const sum = (rows) =>
  rows.reduce(
    (total, row) => ({ raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const percent = (part, whole) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;

/** The report as lines of text, and whether the first load is within the budget. */
export function report(root) {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/index.html does not exist; build the app first.`);
  const all = files(root)
    .map((path) => relative(root, path).split(sep).join("/"))
    .filter((file) => !file.startsWith(".stage/"))
    .sort();
  const row = (file, note = "") => ({ file, note, ...sizes(join(root, file)) });
  const { files: pageFiles, missing } = firstLoadFiles(root);
  const page = pageFiles.map((file) => row(file));
  const background = all.includes(SERVICE_WORKER) ? [row(SERVICE_WORKER, "background, after load")] : [];
  const loaders = pageFiles.filter((file) => /\.m?js$/.test(file)).map((file) => readFileSync(join(root, file), "utf8"));
  const users = Object.assign({}, ...loaders.map(chunkUsers));
  const laterNames = laterFiles(root, pageFiles);
  const later = laterNames.map((file) =>
    row(file, users[file] ? `for ${users[file].join(", ")}` : file.endsWith(".css") ? "for the screens in chunks (added with them)" : ""),
  );
  const others = all
    .filter((file) => !pageFiles.includes(file) && !laterNames.includes(file) && file !== SERVICE_WORKER)
    .map((file) => row(file));
  const firstLoad = sum([...page, ...background]);
  const paintNames = beforePaintFiles(readFileSync(join(root, "index.html"), "utf8"));
  const beforePaint = sum(page.filter((r) => paintNames.includes(r.file)));
  const wasm = sum(page.filter((r) => r.file.endsWith(".wasm")));

  const width = Math.max(24, ...[...page, ...background, ...later, ...others].map((r) => r.file.length + 2));
  const cells = (r) => [kb(r.raw), kb(r.gzip), kb(r.brotli)].map((cell) => cell.padStart(10)).join("  ");
  const line = (label, r, note = "") => `${label.padEnd(width)}  ${cells(r)}${note ? `  ${note}` : ""}`;
  const lines = [
    `Size of ${root}/ (1 KB = 1,000 bytes; gzip -9 and brotli -11, as a static host may send them)`,
    `${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`,
    "First load: index.html and what it loads",
    ...page.map((r) => line(`  ${r.file}`, r)),
    ...background.map((r) => line(`  ${r.file}`, r, `(${r.note}; counted)`)),
    line("First load total", firstLoad),
    line("  of which wasm", wasm, `(${percent(wasm.gzip, firstLoad.gzip)} of gzip, ${percent(wasm.brotli, firstLoad.brotli)} of brotli)`),
  ];
  if (later.length > 0) {
    lines.push(
      "Later: wasm chunks, fetched from 3 s after start when the page is idle, or at once when a screen that needs one opens; stylesheets the page prefetches when idle",
      ...later.map((r) => line(`  ${r.file}`, r, r.note)),
      line("Later total", sum(later)),
    );
  }
  if (others.length > 0) {
    lines.push("Not loaded by the page", ...others.map((r) => line(`  ${r.file}`, r)));
  }
  lines.push(line("Whole folder", sum([...page, ...background, ...later, ...others])));
  if (missing.length > 0) lines.push(`Warning: index.html refers to files not in ${root}/: ${missing.join(", ")}`);

  const against = (limit) =>
    KINDS.map((kind) => `${kind} ${kb(firstLoad[kind])} of ${kb(limit[kind])} (${percent(firstLoad[kind], limit[kind])})`).join(
      ", ",
    );
  lines.push(`Budget for the first load: ${against(BUDGET)}`);
  lines.push(
    `Before the first paint (${paintNames.join(", ")}): brotli ${kb(beforePaint.brotli)} of ${kb(BEFORE_PAINT_BUDGET.brotli)} ` +
      `(${percent(beforePaint.brotli, BEFORE_PAINT_BUDGET.brotli)}), gzip ${kb(beforePaint.gzip)}`,
  );
  const over = KINDS.filter((kind) => firstLoad[kind] > BUDGET[kind]);
  const overBeforePaint = beforePaint.brotli > BEFORE_PAINT_BUDGET.brotli ? ["brotli"] : [];
  const main = page.filter((r) => r.file.endsWith(".wasm")).sort((a, b) => b.raw - a.raw)[0];
  return { lines, over, overBeforePaint, firstLoad, beforePaint, wasm, main };
}

/** Where a run keeps the main module's record for the next one: outside git, under target/. */
export const RECORD = fileURLToPath(new URL("../target/size-report/main-module.json", import.meta.url));
/** How many growths and how many shrinks the report lists. */
const LISTED = 8;

/**
 * The record of a main module (`row`: its file name and sizes, as in the report): its sizes,
 * each section's size, and, when the module keeps a name section, each function's body size by
 * its readable name (functions of one name added together).
 */
export function moduleRecord(row, bytes) {
  const { sections, functions } = wasmModule(bytes);
  const record = { file: row.file, raw: row.raw, gzip: row.gzip, brotli: row.brotli, sections: {}, functions: null };
  for (const { label, size } of sections) record.sections[label] = (record.sections[label] ?? 0) + size;
  const named = functions.filter((f) => f.name !== null);
  if (named.length > 0) {
    record.functions = {};
    const names = readableNames(named.map((f) => f.name));
    named.forEach(({ size }, i) => (record.functions[names[i]] = (record.functions[names[i]] ?? 0) + size));
  }
  return record;
}

/**
 * What changed from the `before` record to `after`: the parts compared (functions when both
 * kept names, else sections), and the `count` largest growths and shrinks, each with its sizes
 * before and after (0 for a part that is new or gone), largest change first.
 */
export function changes(before, after, count = LISTED) {
  const byFunction = before.functions !== null && after.functions !== null;
  // By function, the sections that hold no function or name (data, exports, ...) are parts too.
  const parts = (record) =>
    byFunction
      ? {
          ...record.functions,
          ...Object.fromEntries(
            Object.entries(record.sections)
              .filter(([label]) => label !== "code" && !label.startsWith("custom "))
              .map(([label, size]) => [`[${label} section]`, size]),
          ),
        }
      : record.sections;
  const [was, now] = [parts(before), parts(after)];
  const rows = [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .map((part) => ({ part, before: was[part] ?? 0, after: now[part] ?? 0 }))
    .map((row) => ({ ...row, change: row.after - row.before }))
    .filter((row) => row.change !== 0);
  const largest = (sign) =>
    rows
      .filter((row) => Math.sign(row.change) === sign)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.part.localeCompare(b.part))
      .slice(0, count);
  return { byFunction, growths: largest(1), shrinks: largest(-1), changed: rows.length };
}

const signed = (bytes) => `${bytes > 0 ? "+" : bytes < 0 ? "-" : "\u00b1"}${Math.abs(bytes).toLocaleString("en")} B`;
const shortened = (text, width = 110) => (text.length > width ? `${text.slice(0, width - 1)}\u2026` : text);

/** The lines that say how the main module changed since the `before` record (or that none was kept). */
export function changeLines(before, after) {
  if (!before) return [`Main module: no record of a previous build yet; this one's is kept for the next report.`];
  const total = (kind) => `${kind} ${kb(before[kind])} to ${kb(after[kind])} (${signed(after[kind] - before[kind])})`;
  const lines = [`Main module against the previous report (${before.file}): ${total("raw")}, ${total("brotli")}`];
  const { byFunction, growths, shrinks, changed } = changes(before, after);
  if (changed === 0) {
    lines.push(`  No ${byFunction ? "function" : "section"} changed size.`);
    return lines;
  }
  const width = Math.max(...[...growths, ...shrinks].map((row) => signed(row.change).length));
  const row = (r) => {
    const note = r.before === 0 ? "new" : r.after === 0 ? "gone" : `${r.before.toLocaleString("en")} to ${r.after.toLocaleString("en")} B`;
    return `    ${signed(r.change).padStart(width)}  ${shortened(r.part)} (${note})`;
  };
  const what = byFunction ? "parts" : "sections";
  lines.push(`  By ${byFunction ? "function (the names both builds kept) and data" : "section"}: ${changed} ${what} changed size.`);
  if (growths.length > 0) lines.push(`  Largest growths:`, ...growths.map(row));
  if (shrinks.length > 0) lines.push(`  Largest shrinks:`, ...shrinks.map(row));
  if (after.functions) lines.push(`  (This build kept its function names, SPLIT_KEEP_NAMES=1, and they count in its sizes: the budget is for a build without them.)`);
  if (!byFunction) {
    const which = before.functions || after.functions ? "One of the two builds kept" : "Neither build kept";
    lines.push(`  (${which} no function names: build with SPLIT_KEEP_NAMES=1 for a breakdown by function.)`);
  }
  return lines;
}

/** Compares the main module with the record at `path`, then keeps this module's record there. */
export function compareWithPrevious(root, main, path = RECORD) {
  if (!main) return [];
  const after = moduleRecord(main, readFileSync(join(root, main.file)));
  let before = null;
  try {
    before = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    // No record yet, or one this report cannot read: this run starts afresh.
  }
  if (typeof before?.sections !== "object" || before.sections === null) before = null;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(after)}\n`);
  return changeLines(before, after);
}

/** The limits the command line can check, each with its flag and what to do when it is passed. */
const LIMITS = [
  {
    flag: "--budget",
    key: "over",
    limit: BUDGET,
    title: "OVER BUDGET",
    remedy: "agree a new budget in tests/size-report.mjs (BUDGET)",
    within: "Within budget.",
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const root = args.find((arg) => !arg.startsWith("--")) ?? "dist";
  const checked = LIMITS.filter(({ flag }) => args.includes(flag));
  try {
    const result = report(root);
    const { firstLoad, wasm } = result;
    console.log(result.lines.join("\n"));
    console.log(compareWithPrevious(root, result.main, process.env.SIZE_REPORT_RECORD || RECORD).join("\n"));
    const failures = checked
      .filter(({ key }) => result[key].length > 0)
      .map(
        ({ key, limit, title, remedy }) =>
          `\n${title}: the first load is ${result[key]
            .map((kind) => `${kb(firstLoad[kind])} ${kind}, more than the ${kb(limit[kind])} allowed`)
            .join(" and ")}.` +
          `\nThe wasm is ${kb(wasm.brotli)} brotli of it. Look for large dependencies or formatting code` +
          ` pulled into the wasm, or ${remedy}.`,
      );
    if (args.includes("--budget") && result.overBeforePaint.length > 0) {
      failures.push(
        `\nOVER BUDGET: before the first paint the browser must fetch ${kb(result.beforePaint.brotli)} brotli, more than the ` +
          `${kb(BEFORE_PAINT_BUDGET.brotli)} allowed. Keep the pre-rendered page and its stylesheet small: styles only ` +
          "later screens need go in a stylesheet of their own.",
      );
    }
    if (failures.length > 0) {
      console.error(failures.join("\n"));
      process.exit(1);
    }
    for (const { within } of checked) console.log(within);
  } catch (error) {
    console.error(`size report failed: ${error.message}`);
    process.exit(1);
  }
}
