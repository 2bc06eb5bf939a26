/* Search in the reader's language, loaded only when the reader searches, with Welsh
 * mutations, hyphens and accents understood.
 *
 * Loaded in the page head (extra.polyfills), after the iframe-worker shim and before
 * Material's bundle. Every theme internal it relies on is listed, and tested against the
 * installed theme, in hooks/toolkit/theme_internals.py.
 *
 * Loading: Material asks for the whole site's index (search/search_index.json over http, or
 * a <script> of search/search_index.js from disk) and starts its search worker as soon as a
 * page opens. Here both wait until the reader first focuses the search box or opens search
 * (or arrives from a search result, whose ?h= terms are highlighted), and the index asked
 * for is the reader's language only: search_index.cy.json / .js or search_index.en.json / .js,
 * written by the build (hooks/toolkit/search_index.py).
 *
 * Queries: the worker's messages are wrapped:
 *  - the index set-up message carries the mutation rules (from hooks/toolkit/mutations.py);
 *  - each query word is sent with its folded form (no hyphen or accent) and, in Welsh, its
 *    possible radical forms, in English its stem, the word as typed boosted so that exact
 *    matches rank first;
 *  - the "missing" terms shown under a result are the words the reader typed, not the
 *    forms added here.
 * The build adds each Welsh word's radical form to a hidden `variants` field of the index.
 */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  if (!NativeWorker) return;
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var INDEX = /\/search\/search_index\.(json|js)$/;
  var lang = (document.documentElement.getAttribute("lang") || "cy").split("-")[0];
  var welsh = null;  // {rules: [{kind, radical, mutated}], vowels: "..."}
  var asked = [];    // the reader's words, each with the forms searched for it

  /* Waiting for the reader's first search */

  var wanted = false;
  var waiting = [];

  function whenWanted(action) {
    if (wanted) action(); else waiting.push(action);
  }

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (action) { action(); });
  }

  function isSearchBox(element) {
    return element instanceof Element && element.matches("[data-md-component=search-query]");
  }

  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) want();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) want();
  }, true);
  if (new URLSearchParams(location.search).has("h")) want();

  /* The reader's language's index, when wanted */

  function ownIndex(url) {
    var target = new URL(url, location.href);
    var match = INDEX.exec(target.pathname);
    if (!match) return null;
    target.pathname = target.pathname.replace(INDEX, "/search/search_index." + lang + "." + match[1]);
    return target.href;
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var own = ownIndex(String(url));
    this.toolkitIndex = !!own;
    if (own) arguments[1] = own;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.toolkitIndex) return send.apply(this, arguments);
    var request = this, args = arguments;
    whenWanted(function () { send.apply(request, args); });
  };

  // From disk, Material appends <script src=".../search/search_index.js"> to the head.
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    var own = node instanceof HTMLScriptElement && node.src && ownIndex(node.src);
    if (!own) return append.call(head, node);
    node.src = own;
    whenWanted(function () { append.call(head, node); });
    return node;
  };

  /* Queries and results */

  function fold(word) {
    return word.toLowerCase().replace(/\u2019/g, "'").normalize("NFD").replace(/[\u0300-\u036f-]/g, "");
  }

  function radicals(word) {
    var found = [word];
    if (!welsh) return found;
    var longest = "";
    welsh.rules.forEach(function (rule) {
      if (rule.kind !== "h" && rule.mutated && word.indexOf(rule.mutated) === 0 && rule.mutated.length > longest.length) {
        longest = rule.mutated;
      }
    });
    welsh.rules.forEach(function (rule) {
      var candidate = null;
      if (rule.kind === "h") {
        if (word.charAt(0) === "h" && welsh.vowels.indexOf(word.charAt(1)) !== -1) candidate = word.slice(1);
      } else if (rule.mutated === "") {
        candidate = rule.radical + word;
      } else if (longest && rule.mutated === longest) {
        candidate = rule.radical + word.slice(longest.length);
      }
      if (candidate && found.indexOf(candidate) === -1) found.push(candidate);
    });
    return found;
  }

  // English: the word without its inflection (studies -> study, addressing -> address),
  // searched as a prefix like every form, so any other inflection of it matches. A stem
  // shorter than four letters is not searched (goes -> go would match far too much).
  var SUFFIXES = [["ies", "y"], ["ied", "y"], ["ing", ""], ["ed", ""], ["es", ""], ["s", ""]];

  function withStem(word) {
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i][0];
      if (word.length > suffix.length && word.slice(-suffix.length) === suffix && word.slice(-2) !== "ss") {
        var stem = word.slice(0, -suffix.length) + SUFFIXES[i][1];
        return stem.length >= 4 ? [word, stem] : [word];
      }
    }
    return [word];
  }

  function expand(query) {
    asked = [];
    var parts = [];
    query.split(/\s+/).forEach(function (raw) {
      var word = raw.replace(/^[+\-]+|[*~^\d]+$/g, "").toLowerCase();
      if (!word) return;
      var folded = fold(word).replace(/[^\w'\u00c0-\u024f]/g, "");
      var forms = lang === "cy" ? radicals(folded) : withStem(folded);
      asked.push({word: word, forms: forms});
      // The word as typed, boosted: exact matches rank first. Material's worker adds a
      // trailing wildcard to the unboosted forms, so prefixes still match as you type.
      parts.push(word.replace(/-/g, "") + "*^10");
      forms.forEach(function (form) { parts.push(form); });
    });
    return parts.join(" ");
  }

  function retitleTerms(result) {
    var matched = result.terms || {};
    var terms = {};
    asked.forEach(function (entry) {
      terms[entry.word] = Object.keys(matched).some(function (term) {
        return matched[term] && (term === entry.word || entry.forms.indexOf(term) !== -1);
      });
    });
    result.terms = terms;
    return result;
  }

  function rewriteResults(data) {
    if (!data || !data.items) return data;
    data.items = data.items.map(function (group) { return group.map(retitleTerms); });
    return data;
  }

  function rewriteMessage(message) {
    if (message && message.type === SETUP && message.data && message.data.config) {
      welsh = message.data.config.welsh || null;
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      return {type: QUERY, data: expand(message.data)};
    }
    return message;
  }

  /* The worker, started when wanted: until then no script, no iframe (from disk), no index */

  function Worker(url, options) {
    var self = this;
    var real = null;
    var pending = [];    // messages posted before the worker started
    var listeners = [];  // {type, listener, options, attached}

    function attach(entry) {
      real.addEventListener(entry.type, entry.attached, entry.options);
    }

    whenWanted(function () {
      real = new NativeWorker(url, options);
      listeners.forEach(attach);
      pending.splice(0).forEach(function (message) { real.postMessage(message); });
    });

    this.postMessage = function (message) {
      message = rewriteMessage(message);
      if (real) real.postMessage(message); else pending.push(message);
    };
    this.addEventListener = function (type, listener, options) {
      var entry = {type: type, listener: listener, options: options, attached: listener};
      if (type === "message") {
        entry.attached = function (event) {
          var data = event.data;
          if (data && data.type === RESULT) {
            event = new MessageEvent("message", {data: {type: RESULT, data: rewriteResults(data.data)}});
          }
          return listener.call(self, event);
        };
      }
      listeners.push(entry);
      if (real) attach(entry);
    };
    this.removeEventListener = function (type, listener, options) {
      listeners = listeners.filter(function (entry) {
        var same = entry.type === type && entry.listener === listener;
        if (same && real) real.removeEventListener(type, entry.attached, options);
        return !same;
      });
    };
    this.terminate = function () {
      if (real) real.terminate();
    };
  }

  window.Worker = Worker;
})();
