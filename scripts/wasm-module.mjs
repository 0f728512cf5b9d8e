// Reads what the build's checks and the size report need from a wasm module: its sections with
// their sizes, and the size of each function's body with its name, where the module keeps a name
// section (the module cargo links does; the release build's own files only with
// SPLIT_KEEP_NAMES=1, see scripts/split-wasm.mjs). Nothing here validates the module.
import { execFileSync } from "node:child_process";

const SECTIONS = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

/**
 * The sections of a module, in order (`{ label, size }`, a custom section labelled by its name,
 * e.g. `custom name`), and its functions in index order after the imported ones
 * (`{ name, size }`: the body's size in bytes, and its name from the name section, or null).
 */
export function wasmModule(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      if (at >= bytes.length) throw new Error("the wasm module ends inside a number");
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const text = () => {
    const length = leb();
    const value = bytes.toString("utf8", at, at + length);
    at += length;
    return value;
  };
  /** Skips a table's or memory's limits. */
  const limits = () => {
    const flags = leb();
    leb();
    if (flags & 1) leb();
  };
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imported = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    let label = SECTIONS[id] ?? `section ${id}`;
    if (id === 0) label = `custom ${text()}`;
    if (id === 2) {
      for (let count = leb(), i = 0; i < count; i++) {
        text();
        text();
        const kind = bytes[at++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          at++;
          limits();
        } else if (kind === 2) limits();
        else if (kind === 3) at += 2;
        else if (kind === 4) {
          at++;
          leb();
        } else throw new Error(`an import of unknown kind ${kind}`);
      }
    }
    if (id === 10) {
      for (let count = leb(), i = 0; i < count; i++) {
        const body = leb();
        bodies.push(body);
        at += body;
      }
    }
    if (label === "custom name") {
      while (at < end) {
        const part = bytes[at++];
        const partEnd = leb() + at;
        if (part === 1) {
          for (let count = leb(), i = 0; i < count; i++) {
            const index = leb();
            names.set(index, text());
          }
        }
        at = partEnd;
      }
    }
    sections.push({ label, size });
    at = end;
  }
  return { sections, functions: bodies.map((size, i) => ({ name: names.get(imported + i) ?? null, size })) };
}

/**
 * Rust's mangled names made readable with binutils' c++filt, which knows both of Rust's
 * manglings, and without what changes from one build to the next for the same function: the
 * crates' hashes (`alloc[fec4…]::vec` becomes `alloc::vec`) and the number the linker adds to
 * tell local copies apart (`memchr.1023`). Names come back as they were when c++filt is missing.
 */
export function readableNames(names) {
  let out = names;
  try {
    const lines = execFileSync("c++filt", [], { input: names.join("\n"), maxBuffer: 1 << 28, stdio: ["pipe", "pipe", "ignore"] })
      .toString("utf8")
      .split("\n");
    if (lines.length >= names.length) out = lines.slice(0, names.length);
  } catch {
    // No c++filt: the mangled names are still names.
  }
  return out.map((name) => name.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "").replace(/\.\d+$/, ""));
}
