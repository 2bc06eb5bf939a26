/* Search in the reader's language, with Welsh mutations, hyphens and accents understood.
 *
 * Loaded in the page head, after the iframe-worker shim and before Material's bundle, it
 * wraps the search worker's messages:
 *  - the index set-up message carries the mutation rules (from hooks/toolkit/mutations.py);
 *  - each query word is sent with its folded form (no hyphen or accent) and its possible
 *    radical forms, the word as typed boosted so that exact matches rank first;
 *  - results in the other language are dropped, and the "missing" terms shown under a
 *    result are the words the reader typed, not the forms added here.
 * The build adds each Welsh word's radical form to a hidden `variants` field of the index.
 */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  if (!NativeWorker) return;
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var lang = document.documentElement.getAttribute("lang") || "cy";
  var welsh = null;  // {rules: [{kind, radical, mutated}], vowels: "..."}
  var asked = [];    // the reader's words, each with the forms searched for it

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

  function expand(query) {
    asked = [];
    var parts = [];
    query.split(/\s+/).forEach(function (raw) {
      var word = raw.replace(/^[+\-]+|[*~^\d]+$/g, "").toLowerCase();
      if (!word) return;
      var folded = fold(word).replace(/[^\w'\u00c0-\u024f]/g, "");
      var forms = lang === "cy" ? radicals(folded) : [folded];
      asked.push({word: word, forms: forms});
      // The word as typed, boosted: exact matches rank first. Material's worker adds a
      // trailing wildcard to the unboosted forms, so prefixes still match as you type.
      parts.push(word.replace(/-/g, "") + "*^10");
      forms.forEach(function (form) { parts.push(form); });
    });
    return parts.join(" ");
  }

  function inReadersLanguage(group) {
    var location = group[0] && group[0].location || "";
    return (location.indexOf("en/") === 0) === (lang === "en");
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
    data.items = data.items.filter(inReadersLanguage).map(function (group) { return group.map(retitleTerms); });
    return data;
  }

  function Worker(url, options) {
    var worker = new NativeWorker(url, options);
    var post = worker.postMessage.bind(worker);
    var listen = worker.addEventListener.bind(worker);
    worker.postMessage = function (message) {
      if (message && message.type === SETUP && message.data && message.data.config) {
        welsh = message.data.config.welsh || null;
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        message = {type: QUERY, data: expand(message.data)};
      }
      post(message);
    };
    worker.addEventListener = function (type, listener, options) {
      if (type !== "message") return listen(type, listener, options);
      return listen(type, function (event) {
        var data = event.data;
        if (data && data.type === RESULT) {
          event = new MessageEvent("message", {data: {type: RESULT, data: rewriteResults(data.data)}});
        }
        return listener.call(worker, event);
      }, options);
    };
    return worker;
  }

  window.Worker = Worker;
})();
