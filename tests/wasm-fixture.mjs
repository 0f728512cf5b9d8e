// Small made-up wasm modules for the checks of the build hook and the size report: only the
// parts they read (functions, their names, data), valid enough for scripts/wasm-module.mjs.

/** A number as wasm writes it (unsigned LEB128). */
function leb(number) {
  const out = [];
  do {
    let byte = number & 0x7f;
    number >>>= 7;
    if (number !== 0) byte |= 0x80;
    out.push(byte);
  } while (number !== 0);
  return out;
}
const text = (value) => [...leb(Buffer.byteLength(value)), ...Buffer.from(value)];
const section = (id, body) => [id, ...leb(body.length), ...body];

/**
 * A wasm module that imports `imports` functions and defines `functions` (`{ name, size }`, a
 * body of `size` bytes), all of type () -> (), with a name section when `named`, and `data`
 * bytes of data.
 */
export function moduleOf({ imports = [], functions = [], named = true, data = 0 }) {
  const bodies = functions.flatMap(({ size }) => [...leb(size), 0x00, ...Array(size - 2).fill(0x01), 0x0b]);
  const names = [...imports, ...functions.map((f) => f.name)].flatMap((name, index) => [...leb(index), ...text(name)]);
  const nameMap = [...leb(imports.length + functions.length), ...names];
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x00, 0x00]),
    ...section(2, [...leb(imports.length), ...imports.flatMap((name) => [...text("env"), ...text(name), 0x00, 0x00])]),
    ...section(3, [...leb(functions.length), ...functions.map(() => 0x00)]),
    ...section(10, [...leb(functions.length), ...bodies]),
    ...(data > 0 ? section(11, [0x01, 0x00, 0x41, 0x00, 0x0b, ...leb(data), ...Array(data).fill(0x2a)]) : []),
    ...(named ? section(0, [...text("name"), 0x01, ...leb(nameMap.length), ...nameMap]) : []),
  ]);
}
