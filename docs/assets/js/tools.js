/* The toolkit's tools (Offerynnau): saves answers on this device, works out each tool's
   result, and offers print, download, load and start again. Works from file:// and under
   script-src 'self'. Every word it shows comes from the page (data-strings, data-title,
   data-label), so it holds no words of its own and reads the same in Welsh and English.
   Without JavaScript the form stays a printable worksheet. */
(function () {
  "use strict";

  var FORMAT = "cydgynhyrchu-tool-answers";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* Build an element: el("p", {class: "x"}, ["text", child]). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function setUp(root) {
    var form = root.querySelector("form.tool-form");
    var strings = JSON.parse(form.getAttribute("data-strings") || "{}");
    var tool = form.getAttribute("data-tool");
    var lang = form.getAttribute("data-lang");
    var key = form.getAttribute("data-storage-key");
    var result = root.querySelector(".tool-result-body");
    var message = root.querySelector(".tool-message");
    var svgNamespace = root.querySelector(".tool-data svg").namespaceURI;

    function t(name, values) {
      var text = strings[name] || "";
      Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
      return text;
    }

    /* Month names come from the page: browsers do not all know Welsh dates. */
    function formatDate(date) {
      var months = t("months").split(" ");
      return t("date-format", { day: date.getDate(), month: months[date.getMonth()] || date.getMonth() + 1, year: date.getFullYear() });
    }

    /* ---- answers: read, write, keep ---- */

    function collect() {
      var answers = {};
      each(form.elements, function (control) {
        if (!control.name) return;
        if (control.type === "radio") {
          if (control.checked) answers[control.name] = control.value;
        } else if (control.type === "checkbox") {
          if (control.checked) (answers[control.name] = answers[control.name] || []).push(control.value);
        } else if (control.value) {
          answers[control.name] = control.value;
        }
      });
      return answers;
    }

    function apply(answers) {
      each(form.elements, function (control) {
        if (!control.name) return;
        var value = answers[control.name];
        if (control.type === "radio") control.checked = value === control.value;
        else if (control.type === "checkbox") control.checked = Array.isArray(value) && value.indexOf(control.value) !== -1;
        else control.value = typeof value === "string" ? value : "";
      });
    }

    function read() {
      try {
        var saved = JSON.parse(window.localStorage.getItem(key) || "null");
        return saved && saved.answers ? saved : null;
      } catch (e) {
        return null;
      }
    }

    function save() {
      var answers = collect();
      var record = { format: FORMAT, version: 1, tool: tool, lang: lang, saved: new Date().toISOString(), answers: answers };
      try {
        if (Object.keys(answers).length) window.localStorage.setItem(key, JSON.stringify(record));
        else window.localStorage.removeItem(key);
      } catch (e) { /* storage may be switched off: the tool still works on the page */ }
      return record;
    }

    /* ---- reading the form for results ---- */

    function checked(name) {
      return all(form, "input:checked").filter(function (input) { return input.name === name; });
    }

    function score(question) {
      var input = checked(question.getAttribute("data-question"))[0];
      return input ? Number(input.value) : null;
    }

    function link(source, text) {
      return el("a", { href: source.getAttribute("data-href") }, [text || source.getAttribute("data-title")]);
    }

    function caseList(linkKey) {
      var list = root.querySelector('.tool-data ul[data-cases="' + linkKey + '"]');
      if (!list || !list.children.length) return el("p", {}, [t("none-yet")]);
      var copy = list.cloneNode(true);
      copy.removeAttribute("data-cases");
      return copy;
    }

    function table(headings, rows, caption) {
      return el("table", { class: "tool-table" }, [
        caption ? el("caption", {}, [caption]) : null,
        el("thead", {}, [el("tr", {}, headings.map(function (h) { return el("th", { scope: "col" }, [h]); }))]),
        el("tbody", {}, rows.map(function (row) {
          return el("tr", {}, row.map(function (cell, i) { return el(i ? "td" : "th", i ? {} : { scope: "row" }, [cell]); }));
        }))
      ]);
    }

    function list(items) { return el("ul", {}, items.map(function (item) { return el("li", {}, item); })); }

    /* ---- the results, one per tool ---- */

    function ladder() {
      var groups = ["staff", "people"].map(function (group) {
        return { name: t(group), input: checked(group + ".rung")[0] };
      }).filter(function (g) { return g.input; });
      if (!groups.length) return null;
      var parts = [table([t("group"), t("rung")], groups.map(function (g) {
        return [g.name, link(g.input, g.input.getAttribute("data-label"))];
      }))];
      if (groups.length === 2) {
        var staff = Number(groups[0].input.getAttribute("data-rank"));
        var people = Number(groups[1].input.getAttribute("data-rank"));
        parts.push(el("p", { class: "tool-gap" }, [t("gap", { n: Math.abs(staff - people) })]));
        parts.push(el("p", {}, [t(staff === people ? "agree" : staff > people ? "staff-higher" : "people-higher")]));
      } else {
        parts.push(el("p", {}, [t("one-only")]));
      }
      var seen = {};
      groups.forEach(function (g) {
        var rank = Number(g.input.getAttribute("data-rank"));
        if (seen[rank]) return;
        seen[rank] = true;
        var rung = g.input.getAttribute("data-title");
        var next = all(form, 'input[name="' + g.input.name + '"]').filter(function (input) {
          return Number(input.getAttribute("data-rank")) === rank + 1;
        })[0];
        if (!next) {
          parts.push(el("p", {}, [t("top", { rung: rung })]));
          return;
        }
        var heading = t("next-rung", { rung: rung, next: "\u0000" }).split("\u0000");
        parts.push(el("h3", {}, [heading[0], link(next), heading[1] || ""]));
        parts.push(el("p", {}, [t("case-studies")]));
        parts.push(caseList(next.getAttribute("data-link")));
      });
      return parts;
    }

    function star() {
      var questions = all(form, ".tool-question--scale[data-link]");
      var scores = questions.map(score);
      if (scores.every(function (s) { return s === null; })) return null;
      var max = all(questions[0], "input").length - 1;
      var titles = questions.map(function (q) { return q.getAttribute("data-title"); });
      var rows = questions.map(function (q, i) {
        return [link(q), scores[i] === null ? "–" : t("out-of", { n: scores[i] })];
      });
      var answered = scores.filter(function (s) { return s !== null; });
      var high = Math.max.apply(null, answered), low = Math.min.apply(null, answered);
      var parts = [drawStar(titles, scores, max), table([t("stage"), t("score")], rows, t("chart-title"))];
      if (low === max) {
        parts.push(el("p", {}, [t("all-full")]));
        return parts;
      }
      var names = function (value) {
        return questions.filter(function (q, i) { return scores[i] === value; });
      };
      if (high !== low) parts.push(el("p", {}, [t("strongest") + " " + names(high).map(function (q) { return q.getAttribute("data-title"); }).join(", ")]));
      parts.push(el("p", {}, [t("weakest") + " " + names(low).map(function (q) { return q.getAttribute("data-title"); }).join(", ")]));
      names(low).forEach(function (q) {
        parts.push(el("h3", {}, [t("examples", { stage: q.getAttribute("data-title") })]));
        parts.push(caseList(q.getAttribute("data-link")));
      });
      return parts;
    }

    function svg(tag, attrs, children) {
      var node = document.createElementNS(svgNamespace, tag);
      Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
      (children || []).forEach(function (child) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      });
      return node;
    }

    /* A star with one arm per stage: the top, right, bottom and left of a square picture. */
    function drawStar(titles, scores, max) {
      var cx = 180, cy = 150, radius = 105;
      var angles = titles.map(function (_, i) { return -Math.PI / 2 + (2 * Math.PI * i) / titles.length; });
      function point(i, value) {
        var r = (radius * value) / max;
        return (cx + r * Math.cos(angles[i])).toFixed(1) + "," + (cy + r * Math.sin(angles[i])).toFixed(1);
      }
      var id = tool + "-chart";
      var picture = svg("svg", { viewBox: "0 0 360 300", class: "tool-chart", role: "img", "aria-labelledby": id + "-title " + id + "-desc" }, [
        svg("title", { id: id + "-title" }, [t("chart-title")]),
        svg("desc", { id: id + "-desc" }, [t("chart-desc")])
      ]);
      for (var level = 1; level <= max; level += 1) {
        picture.appendChild(svg("polygon", { class: "tool-chart-grid", points: titles.map(function (_, i) { return point(i, level); }).join(" ") }));
      }
      titles.forEach(function (title, i) {
        picture.appendChild(svg("line", { class: "tool-chart-axis", x1: cx, y1: cy, x2: point(i, max).split(",")[0], y2: point(i, max).split(",")[1] }));
        var end = point(i, max).split(",").map(Number);
        var below = Math.sin(angles[i]) > 0.5;
        var side = Math.abs(Math.cos(angles[i])) > 0.5;
        picture.appendChild(svg("text", {
          class: "tool-chart-label", x: end[0], y: side ? end[1] - 10 : below ? end[1] + 18 : end[1] - 8, "text-anchor": "middle"
        }, [title + " (" + (scores[i] === null ? "–" : scores[i]) + ")"]));
      });
      picture.appendChild(svg("polygon", { class: "tool-chart-shape", points: titles.map(function (_, i) { return point(i, scores[i] || 0); }).join(" ") }));
      titles.forEach(function (_, i) {
        var p = point(i, scores[i] || 0).split(",");
        picture.appendChild(svg("circle", { class: "tool-chart-point", cx: p[0], cy: p[1], r: 4 }));
      });
      return el("figure", { class: "tool-figure" }, [picture]);
    }

    function healthCheck() {
      var questions = all(form, ".tool-question--scale[data-link]");
      var scored = questions.map(function (q, i) { return { q: q, score: score(q), order: i }; });
      var answered = scored.filter(function (s) { return s.score !== null; });
      if (!answered.length) return null;
      var max = all(questions[0], "input").length;
      var total = answered.reduce(function (sum, s) { return sum + s.score; }, 0);
      var parts = [el("p", {}, [t("average", { n: String(Math.round((total / answered.length) * 10) / 10) })])];
      var weakest = answered.filter(function (s) { return s.score < max; })
        .sort(function (a, b) { return a.score - b.score || a.order - b.order; }).slice(0, 3);
      if (!weakest.length) {
        parts.push(el("p", {}, [t("all-full")]));
      } else {
        parts.push(el("p", {}, [t("weakest")]));
        parts.push(el("ol", { class: "tool-weakest" }, weakest.map(function (s) {
          return el("li", {}, [link(s.q), " (" + t("out-of", { n: s.score }) + ")"]);
        })));
      }
      parts.push(table([t("factor"), t("score")], scored.map(function (s) {
        return [link(s.q), s.score === null ? "–" : t("out-of", { n: s.score })];
      })));
      return parts;
    }

    function selfAssessment() {
      var levels = ["individual", "service", "organisation"];
      var principles = all(form, '.tool-section[data-section="individual"] .tool-question').map(function (q) {
        return { key: q.getAttribute("data-question").split(".")[1], label: q.getAttribute("data-label") };
      });
      var value = function (level, principle) {
        var input = checked(level + "." + principle)[0];
        return input ? Number(input.value) : null;
      };
      var average = function (values) {
        var known = values.filter(function (v) { return v !== null; });
        return known.length ? known.reduce(function (a, b) { return a + b; }, 0) / known.length : null;
      };
      var answers = collect();
      if (!Object.keys(answers).length) return null;
      var parts = [table([t("principle")].concat(levels.map(function (l) { return t("level-" + l); })), principles.map(function (p) {
        return [p.label].concat(levels.map(function (l) { var v = value(l, p.key); return v === null ? "–" : String(v); }));
      }), t("principles"))];
      var byLevel = levels.map(function (l) { return { name: t("level-" + l), avg: average(principles.map(function (p) { return value(l, p.key); })) }; })
        .filter(function (x) { return x.avg !== null; });
      if (byLevel.length > 1) {
        var sorted = byLevel.slice().sort(function (a, b) { return a.avg - b.avg; });
        if (sorted[0].avg !== sorted[sorted.length - 1].avg) {
          parts.push(el("p", {}, [t("strongest-level") + " " + sorted[sorted.length - 1].name]));
          parts.push(el("p", {}, [t("weakest-level") + " " + sorted[0].name]));
        }
      }
      var byPrinciple = principles.map(function (p) { return { name: p.label, avg: average(levels.map(function (l) { return value(l, p.key); })) }; })
        .filter(function (x) { return x.avg !== null; }).sort(function (a, b) { return a.avg - b.avg; });
      if (byPrinciple.length > 1 && byPrinciple[0].avg !== byPrinciple[byPrinciple.length - 1].avg) {
        parts.push(el("p", {}, [t("weakest-principle") + " " + byPrinciple[0].name]));
      }
      var culture = all(form, 'input[name="culture.present"]');
      var gaps = culture.filter(function (input) { return !input.checked; });
      parts.push(gaps.length ? el("p", {}, [t("culture-gaps")]) : el("p", {}, [t("culture-all")]));
      if (gaps.length) parts.push(list(gaps.map(function (input) { return [input.getAttribute("data-label")]; })));
      var barriers = checked("barriers.present");
      parts.push(el("p", {}, [barriers.length ? t("barriers") : t("barriers-none")]));
      if (barriers.length) parts.push(list(barriers.map(function (input) { return [link(input, input.getAttribute("data-label"))]; })));
      var steps = all(form, 'input[name="five-steps.done"]');
      var done = steps.filter(function (input) { return input.checked; })[0];
      if (done) {
        var next = steps[steps.indexOf(done) + 1];
        parts.push(next ? el("p", { class: "tool-next" }, [t("next-step") + " ", link(next, next.getAttribute("data-title"))])
                        : el("p", { class: "tool-next" }, [t("last-step")]));
      }
      return parts;
    }

    function projectPlan() {
      var boxes = all(form, 'input[type="checkbox"]');
      var answers = collect();
      if (!Object.keys(answers).length) return null;
      var ticked = boxes.filter(function (b) { return b.checked; }).length;
      var parts = [el("p", {}, [t("ticked", { n: ticked, total: boxes.length })])];
      var empty = all(form, ".tool-section").filter(function (section) {
        return all(section, "textarea, input[type=text]").some(function (c) { return !c.value.trim(); });
      });
      if (empty.length) {
        parts.push(el("p", {}, [t("to-plan")]));
        parts.push(list(empty.map(function (section) {
          return [el("a", { href: "#" + section.id }, [section.querySelector("legend").textContent])];
        })));
      } else {
        parts.push(el("p", {}, [t("all-planned")]));
      }
      return parts;
    }

    var RESULTS = { "ladder": ladder, "star": star, "health-check": healthCheck, "self-assessment": selfAssessment, "project-plan": projectPlan };

    function answeredCount() {
      var questions = all(form, ".tool-question");
      var answers = collect();
      var n = questions.filter(function (q) { return answers[q.getAttribute("data-question")]; }).length;
      return t("answered", { n: n, total: questions.length });
    }

    function show(savedAt) {
      var parts = (RESULTS[tool] || function () { return null; })();
      while (result.firstChild) result.removeChild(result.firstChild);
      if (!parts) {
        result.appendChild(el("p", {}, [t("result-none")]));
        return;
      }
      result.appendChild(el("p", { class: "tool-progress" }, [answeredCount()]));
      if (savedAt) result.appendChild(el("p", { class: "tool-saved" }, [t("saved", { date: formatDate(new Date(savedAt)) })]));
      parts.forEach(function (part) { result.appendChild(part); });
    }

    /* Text areas do not grow on paper: a copy of each answer is printed instead. */
    function mirrorText() {
      all(form, "textarea").forEach(function (area) {
        var copy = area.nextElementSibling;
        if (!copy || !copy.classList.contains("tool-print-text")) {
          copy = el("div", { class: "tool-print-text", "aria-hidden": "true" });
          area.parentNode.insertBefore(copy, area.nextSibling);
        }
        copy.textContent = area.value;
        copy.hidden = !area.value;
      });
    }

    function stampDate() { root.querySelector(".tool-date-value").textContent = formatDate(new Date()); }

    function say(text) { message.textContent = text; }

    function update() {
      var record = save();
      mirrorText();
      show(Object.keys(record.answers).length ? record.saved : null);
    }

    function download() {
      var record = save();
      var blob = new Blob([JSON.stringify(record, null, 2) + "\n"], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var a = el("a", { href: url, download: t("file-name") + "-" + tool + "-" + record.saved.slice(0, 10) + ".json", hidden: "" });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(t("downloaded"));
    }

    function load(input) {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var record;
        try { record = JSON.parse(reader.result); } catch (e) { record = null; }
        if (!record || record.format !== FORMAT || record.tool !== tool || typeof record.answers !== "object") {
          say(t("load-failed"));
        } else {
          apply(record.answers);
          update();
          say(t("loaded", { file: file.name }));
        }
        input.value = "";
      };
      reader.readAsText(file);
    }

    function startAgain() {
      if (!window.confirm(t("confirm-reset"))) return;
      apply({});
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
      mirrorText();
      show(null);
      say(t("cleared"));
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    root.addEventListener("click", function (event) {
      var action = event.target.closest && event.target.closest("[data-action]");
      if (!action || action.tagName !== "BUTTON") return;
      var name = action.getAttribute("data-action");
      if (name === "print") { stampDate(); window.print(); }
      else if (name === "download") download();
      else if (name === "reset") startAgain();
    });
    root.querySelector('input[data-action="load"]').addEventListener("change", function (event) { load(event.target); });

    var saved = read();
    if (saved) apply(saved.answers);
    mirrorText();
    stampDate();
    show(saved ? saved.saved : null);
    root.querySelector(".tool-actions").hidden = false;
    root.classList.add("tool--live");
  }

  function start() { each(document.querySelectorAll(".tool[data-tool]"), setUp); }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
