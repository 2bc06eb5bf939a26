/* Switching language keeps the reader's place: the twin page has the same ids, so the
 * language menu's links carry the current #fragment (ladder.html#consultation leads to
 * en/ladder.html#consultation). Works from disk and over http; no request is made. */
(function () {
  "use strict";

  function update() {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute("href") || "";
      link.setAttribute("href", href.split("#")[0] + location.hash);
    });
  }

  window.addEventListener("hashchange", update);
  // Just before a switcher link is followed, in case the fragment changed without an event.
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest(".md-select__link[hreflang]")) update();
  }, true);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
