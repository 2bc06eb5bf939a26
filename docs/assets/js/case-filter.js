/* The case-study filter: works offline, in the page. Without JavaScript the form stays
   hidden and the full grouped lists remain. Each <select> narrows the list on one facet.
   Every choice shows how many case studies it would leave, given the other choices, and a
   choice that would leave none is disabled, so no combination ends in "0 of 32". */
(function () {
  "use strict";

  function setUp(form) {
    var list = document.querySelector(".cs-all");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll(".cs-item"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector(".cs-filter__status");
    var template = form.getAttribute("data-status-template");

    function matches(item, select) {
      if (!select.value) return true;
      var values = (item.getAttribute("data-" + select.name) || "").split(" ");
      return values.indexOf(select.value) !== -1;
    }

    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        option.setAttribute("data-label", option.textContent);
      });
    });

    function matchesOthers(item, except) {
      return selects.every(function (select) { return select === except || matches(item, select); });
    }

    function count() {
      selects.forEach(function (select) {
        var values = {};
        var any = 0;
        items.forEach(function (item) {
          if (!matchesOthers(item, select)) return;
          any += 1;
          (item.getAttribute("data-" + select.name) || "").split(" ").forEach(function (value) {
            values[value] = (values[value] || 0) + 1;
          });
        });
        Array.prototype.forEach.call(select.options, function (option) {
          var n = option.value ? values[option.value] || 0 : any;
          option.textContent = option.getAttribute("data-label") + " (" + n + ")";
          option.disabled = n === 0 && !option.selected;
        });
      });
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = selects.every(function (select) { return matches(item, select); });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      count();
      status.textContent = template.replace("{shown}", shown).replace("{total}", items.length);
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    var form = document.querySelector("form[data-cs-filter]");
    if (form) setUp(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
