// Serves the release build in dist/ on 127.0.0.1 for the browser journeys, both at the root
// and under a sub-folder (/sub/folder/), to prove the app needs no server rewrite rules.
// Playwright starts it and stops it; it stops by itself after an hour in any case.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 4173);
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

const server = createServer(async (request, response) => {
  let path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
  if (path.startsWith(SUB_FOLDER)) path = "/" + path.slice(SUB_FOLDER.length);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    const body = await readFile(file);
    response.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});

server.listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
setTimeout(() => server.close(() => process.exit(0)), 60 * 60 * 1000).unref();
