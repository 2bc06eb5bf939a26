/* iframe-worker 1.0.4 (npm), shim/index.js: Copyright (c) 2020-2022 Martin Donath, MIT
 * licence (LICENSE.txt beside this file).
 *
 * ADAPTED for this site (see README.md here): the original writes an INLINE <script> into
 * the hidden iframe, which a Content-Security-Policy of `script-src 'self' 'sha256-…'`
 * blocks, so search from disk found nothing. This copy writes only <script src> elements:
 * the worker scope (postMessage, importScripts, error reporting) comes from
 * worker-scope.js beside this file, told the worker's address by a data-worker attribute.
 * The rest is the original, de-minified: on file:// pages, where browsers refuse real Web
 * Workers, window.Worker becomes an IFrameWorker that runs the worker script in a hidden
 * same-origin iframe and passes messages across.
 */
"use strict";
(() => {
  const scope = new URL("worker-scope.js", document.currentScript.src).href;

  function attribute(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = event => {
        if (event.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", {data: event.data}));
          if (this.onmessage) this.onmessage(event);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === `${this.url}`) {
          const event = new ErrorEvent("error", {message, filename, lineno, colno, error});
          this.dispatchEvent(event);
          if (this.onerror) this.onerror(event);
        }
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild(this.iframe = iframe);
      this.w.document.open();
      this.w.document.write(
        `<html><body><script src="${attribute(scope)}" data-worker="${attribute(url)}"></script>` +
        `<script src="${attribute(`${url}?${+Date.now()}`)}"></script></body></html>`);
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({data})));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
