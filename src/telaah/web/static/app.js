// telaah web app: the little script that earns its keep. No inline script anywhere (the CSP
// forbids it); this file only reads the page and toggles classes.
(function () {
  "use strict";

  // Highlight the sentence a citation points to (#s-...), also when the hash changes in place.
  var current = null;
  function highlightTarget() {
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    if (current) { current.classList.remove("hl"); current = null; }
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    el.classList.add("hl");
    current = el;
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlightTarget);
  document.addEventListener("DOMContentLoaded", highlightTarget);

  // Article page: show or hide each annotation layer.
  document.addEventListener("DOMContentLoaded", function () {
    var doc = document.getElementById("doc");
    var toggles = document.querySelector(".layer-toggles");
    if (!doc || !toggles) { return; }
    toggles.hidden = false;
    toggles.addEventListener("change", function (ev) {
      var layer = ev.target && ev.target.getAttribute("data-layer");
      if (layer) { doc.classList.toggle("hide-" + layer, !ev.target.checked); }
    });
  });
})();
