// Serves the release build in dist/ on 127.0.0.1 for the browser journeys, both at the root
// and under a sub-folder (/sub/folder/), to prove the app needs no server rewrite rules.
// Playwright starts it as a command; the cross-engine suite imports `serveDist` and reads its
// request log. Either way it stops by itself after an hour.
//
// It answers as a well-configured static host does: files whose names carry trunk's content
// hash may be kept for a year (`immutable`), every other file (index.html, sw.js, the icons and
// the manifest) must be revalidated (`no-cache`) and has an ETag, so a repeated request is a
// body-less 304. The journeys then see what a real first visit transfers. With `--compress`
// (the benchmarks), it also sends brotli or gzip to a browser that accepts it, as a static host
// with compression on does.
import { createServer } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

export const SUB_FOLDER = "/sub/folder/";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/** Whether a file's name carries trunk's content hash (`name-0123456789abcdef.js`, `..._bg.wasm`). */
export function isContentAddressed(path) {
  return /-[0-9a-f]{12,16}(?:_bg)?\.[a-z]+$/.test(path);
}

/**
 * What a request log (`server.requests`) shows: the bytes of every body sent, how many requests
 * were answered, and how many times each file's body went out (a 304 sends none).
 */
export function downloadsIn(requests) {
  const times = {};
  for (const { path, bytes } of requests) if (bytes > 0) times[path] = (times[path] ?? 0) + 1;
  const bytes = requests.reduce((sum, request) => sum + request.bytes, 0);
  return { bytes, requests: requests.length, times };
}

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port). Resolves to the server, with
 * `port` and `requests`: every request answered, as `{ path, status, bytes }`, where `bytes` is
 * the body sent. With `compress`, bodies go out as brotli or gzip when the request accepts one.
 */
export async function serveDist(root = "dist", port = 0, { compress = false } = {}) {
  root = resolve(root);
  const requests = [];
  const compressed = new Map();
  /** The body to send and its encoding, for what the request accepts. */
  const encoded = (file, body, accepts) => {
    const encoding = !compress ? null : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
    if (!encoding) return { body };
    const key = `${encoding} ${file}`;
    if (!compressed.has(key)) {
      const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
      compressed.set(key, encoding === "br" ? brotliCompressSync(body, quality) : gzipSync(body, { level: 9 }));
    }
    return { body: compressed.get(key), encoding };
  };
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    if (path.startsWith(SUB_FOLDER)) path = "/" + path.slice(SUB_FOLDER.length);
    if (path.endsWith("/")) path += "index.html";
    const answer = (status, headers, body) => {
      requests.push({ path, status, bytes: body ? body.length : 0 });
      response.writeHead(status, headers).end(body);
    };
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return answer(403, {});
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      const headers = {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": isContentAddressed(path) ? "public, max-age=31536000, immutable" : "no-cache",
        etag,
      };
      if (request.headers["if-none-match"] === etag) return answer(304, headers);
      const sent = encoded(file, body, request.headers["accept-encoding"] ?? "");
      if (sent.encoding) Object.assign(headers, { "content-encoding": sent.encoding, vary: "accept-encoding" });
      answer(200, headers, sent.body);
    } catch {
      answer(404, { "content-type": "text/plain" }, Buffer.from("not found"));
    }
  });
  if (compress) {
    // Compressed once, before the first request, as a host that stores compressed copies does:
    // brotli at its best setting takes seconds for the wasm, which would otherwise hold up the
    // first request for it.
    const walk = async (dir) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else for (const accepts of ["br", "gzip"]) encoded(path, await readFile(path), accepts);
      }
    };
    await walk(root);
  }
  await new Promise((ready) => server.listen(port, "127.0.0.1", ready));
  server.port = server.address().port;
  server.requests = requests;
  setTimeout(() => server.close(), 60 * 60 * 1000).unref();
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "4173"] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const server = await serveDist(root, Number(port), { compress: process.argv.includes("--compress") });
  console.log(`serving ${resolve(root)} at http://127.0.0.1:${server.port}/`);
  server.on("close", () => process.exit(0));
}
