/* The case-study filter: works offline, in the page. Without JavaScript the form stays
   hidden and the full grouped lists remain. Each <select> narrows the list on one facet. */
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

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = selects.every(function (select) { return matches(item, select); });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
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
