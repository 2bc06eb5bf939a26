/* Keep every request on the reader's own disk or site.
 *
 * Material's language switcher fetches sitemap.xml from the address of every hreflang link
 * in the page head. Those links are absolute (search engines need them so), so from a
 * downloaded copy the switcher would call the live site. This answers such requests with
 * an immediate error, as if offline, when they would leave the page's own origin or when
 * the page is opened from disk; the switcher's links already lead to the right page.
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function leaves(url) {
    var target = new URL(url, location.href);
    return /sitemap\.xml$/.test(target.pathname) &&
      (location.protocol === "file:" || target.origin !== location.origin);
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.toolkitLocalOnly = leaves(String(url));
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (!this.toolkitLocalOnly) return send.apply(this, arguments);
    var request = this;
    window.setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); }, 0);
  };
})();
