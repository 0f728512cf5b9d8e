// Registers the service worker (sw.js, next to index.html) that keeps this build on the device
// for offline use. An external file, not an inline script, so that the Content-Security-Policy
// allows no inline code. Both addresses are relative to the page, so the app works offline from
// any sub-folder of a static host. scripts/post-build.mjs leaves this script out of debug builds
// (trunk serve), which must never be served from a cache.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register("sw.js", { scope: "./", updateViaCache: "none" })
      .catch((error) => console.warn("Offline use is not available here:", error));
  });
}
