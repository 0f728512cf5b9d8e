// Service worker: keeps the files of this build on the device so that the app starts with no
// network once it has been loaded. Registered by register-sw.js, in release builds only.
//
// VERSION and FILES below are written into the copy in dist/ by scripts/post-build.mjs (a trunk
// post_build hook): FILES is what index.html loads, VERSION a hash of those files' names and
// contents. Never edit them by hand; left as they are here, the worker refuses to install.
//
// - Filling the cache costs no second download of what the page itself just fetched: a file whose
//   name carries the build's content hash (the wasm, the app's JS and CSS) is taken from the
//   browser's HTTP cache if it is there, whatever its age, since that name can only ever hold
//   these bytes; every other file (index.html, icons, manifest) is revalidated with the server,
//   which a static host answers with a body-less 304 when nothing changed.
// - Cache-first for this build's own files; the network for anything else (nothing else is
//   expected: the app makes no other request).
// - A navigation to the app's page, whatever its query (?screen=...) or fragment (share data,
//   never sent here anyway), gets the kept index.html.
// - A new build has a new VERSION, so a new cache; once it is complete, the new worker takes over
//   and deletes the caches of earlier builds of this same address, and no others.

const VERSION = "unbuilt";
const FILES = [];

const SCOPE = new URL(self.registration.scope);
const PREFIX = `readiness-check ${SCOPE.href} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL("index.html", self.location).href;
// trunk's content-hashed names: `readiness-check-0123456789abcdef_bg.wasm`, `main-....css`.
const CONTENT_ADDRESSED = /-[0-9a-f]{12,16}(?:_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      if (VERSION === "unbuilt" || FILES.length === 0) {
        throw new Error("sw.js was not prepared by scripts/post-build.mjs; not installing.");
      }
      const cache = await caches.open(CACHE);
      for (const file of FILES) {
        const url = new URL(file, self.location).href;
        const cacheMode = CONTENT_ADDRESSED.test(file) ? "force-cache" : "no-cache";
        const response = await fetch(new Request(url, { cache: cacheMode }));
        if (!response.ok) throw new Error(`could not keep ${url} for offline use: ${response.status}`);
        // A redirected response cannot answer a navigation, so keep a plain copy.
        await cache.put(url, response.redirected ? await plainCopy(response) : response);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;

  const page = url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`;
  if (request.mode === "navigate" && page) {
    event.respondWith(fromCache(INDEX, request));
  } else {
    event.respondWith(fromCache(request, request));
  }
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  // Not cached yet (a first visit while the worker fills its cache). The page may leave before
  // the answer arrives (a reload, a link, Firefox's late icon request): a fetch of the page's
  // own request would then reject, and the browser would report the worker's error in the
  // page. A fetch of the address alone is not tied to the page and simply completes.
  return fetch(request.url, { credentials: "same-origin" });
}

async function plainCopy(response) {
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
