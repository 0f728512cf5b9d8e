// Prints raw, gzip and brotli bytes of every file in the build folder and the total, the
// figures that decide how fast the app reaches a person on a slow connection.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = process.argv[2] ?? "dist";

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = files(root)
    .sort()
    .map((path) => ({ file: relative(root, path), ...sizes(path) }));
  const total = rows.reduce(
    (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const width = Math.max(5, ...rows.map((row) => row.file.length));
  const line = (file, row) =>
    `${file.padEnd(width)}  ${String(row.raw).padStart(9)}  ${String(row.gzip).padStart(9)}  ${String(row.brotli).padStart(9)}`;
  console.log(`Size of ${root}/ in bytes`);
  console.log(`${"file".padEnd(width)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}  ${"brotli".padStart(9)}`);
  for (const row of rows) console.log(line(row.file, row));
  console.log(line("total", total));
}
