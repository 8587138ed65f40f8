// Keeps the insight being typed in localStorage, so a lost connection or a refused submit never
// loses it; cleared once the insight is accepted (the next page is not the form).
(function () {
  "use strict";
  if (!window.localStorage) { return; }
  // The draft is cleared when the server accepted the insight (the page after reporting).
  var done = document.querySelector("[data-insight-reported]");
  if (done) { localStorage.removeItem(done.getAttribute("data-draft-key")); return; }
  var form = document.getElementById("insight-report");
  if (!form) { return; }
  var key = form.getAttribute("data-draft-key");
  var fields = form.querySelectorAll("[data-draft]");
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
  fields.forEach(function (field) {
    var name = field.getAttribute("data-draft");
    if (!field.value && saved[name]) { field.value = saved[name]; }
    field.addEventListener("input", save);
    field.addEventListener("change", save);
  });
  function save() {
    var draft = {};
    fields.forEach(function (field) { draft[field.getAttribute("data-draft")] = field.value; });
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full */ }
  }
})();
