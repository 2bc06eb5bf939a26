/* The worker scope for iframe-worker's hidden iframe (see shim.js and README.md here).
 *
 * Part of this site's adaptation of iframe-worker 1.0.4 (MIT, Martin Donath; LICENSE.txt):
 * the original wrote this as an inline script, which a Content-Security-Policy blocks.
 * Runs in the iframe before the worker script: what a worker calls on its global scope
 * goes to the page instead. It then removes its own <script> element, so that the worker
 * (Material's search worker looks for the first script[src] to find its lunr files) sees
 * only its own script.
 */
"use strict";
(() => {
  const script = document.currentScript;
  const worker = script.getAttribute("data-worker");

  window.postMessage = (data, origin) => parent.postMessage(data, origin || "*");

  window.importScripts = (...urls) => urls.reduce((loaded, url) => loaded.then(() => new Promise(resolve => {
    const element = document.createElement("script");
    element.src = url;
    element.onload = resolve;
    document.body.appendChild(element);
  })), Promise.resolve());

  window.addEventListener("error", ({error}) => {
    parent.dispatchEvent(new ErrorEvent("error", {filename: worker, error}));
  });

  script.remove();
})();
