/* Small progressive enhancements. Every page works without this file (and without htmx). */
(function () {
  "use strict";

  var TOAST_SECONDS = 6;
  var timer = null;

  function toast() {
    return document.getElementById("toast");
  }

  function clearLater() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var region = toast();
      if (region) {
        region.textContent = "";
      }
    }, TOAST_SECONDS * 1000);
  }

  function say(text) {
    var region = toast();
    if (!region) {
      return;
    }
    var message = document.createElement("p");
    message.className = "toast__message toast__message--error";
    message.textContent = text;
    region.replaceChildren(message);
    clearLater();
  }

  // A message swapped into the live region (in band or out of band) fades after a while.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "toast") {
      clearLater();
    }
  });
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "toast") {
      clearLater();
    }
  });

  // Server errors (5xx) and lost connections are not swapped in: say so.
  document.addEventListener("htmx:responseError", function () {
    say("Something went wrong. Please try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    say("No connection. Check your network and try again.");
  });
})();
