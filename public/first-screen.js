// Runs before the first paint, in release builds only (scripts/post-build.mjs leaves it out of
// debug builds, which have no pre-rendered first screen). The page arrives holding Home,
// pre-rendered. An address that opens another screen (?screen=... of a screen other than Home,
// or a share or coach link in the fragment, as `Screen::from_query` and `link_kind` read them)
// marks the page, and the stylesheet then hides Home and keeps the room of the content, so the
// header and footer show at once and Home never flashes before that screen. The app's loader
// removes the mark when the app takes over.
if (
  /(?:^\?|&)screen=(?:assessment|report|coach|compare|about|present)(?:&|$)/.test(location.search) ||
  /(?:^#|&)\s*[sc]=/.test(location.hash)
) {
  document.documentElement.classList.add("deep-link");
}
