/*
 * Helder: small improvements on top of Material for MkDocs. The site works without this file; it only adds
 * what needs JavaScript.
 *
 * 1. Menu and search buttons (WCAG 2.1.1 Keyboard, 4.1.2 Name, Role, Value). Material opens its menu and search
 *    with <label>s for hidden checkboxes (#__drawer, #__search): a mouse can click them, Tab never reaches them.
 *    The header has real <button>s for both, hidden until this script runs. A button toggles the checkbox
 *    (so Material's own CSS and scripts do the rest), keeps aria-expanded true to what is on screen, moves focus
 *    into the menu when it opens, and back to the button on Escape. The menu closes when focus leaves it.
 * 2. Today's opening hours in the footer, from the hours listed there ("Vandaag: 8.30 tot 17.00 uur").
 * 3. On paper, a link shows its full web address after the text (assets/stylesheets/gemeente.css prints it).
 */
(function () {
  "use strict";

  var doc = document.documentElement;
  var lang = (doc.getAttribute("lang") || "nl").slice(0, 2);

  // -- 1. Menu and search buttons ------------------------------------------------------------------------------

  function toggle(name) {
    return document.getElementById("__" + name);
  }

  function sync() {
    var buttons = document.querySelectorAll("[data-helder-open]");
    for (var i = 0; i < buttons.length; i++) {
      var box = toggle(buttons[i].getAttribute("data-helder-open"));
      if (box) buttons[i].setAttribute("aria-expanded", box.checked ? "true" : "false");
    }
  }

  function menu() {
    return document.getElementById("helder-menu");
  }

  function firstLink(container) {
    return container && container.querySelector("a[href], button:not([hidden]), [tabindex='0']");
  }

  function open(name, opener) {
    var box = toggle(name);
    if (!box) return;
    if (!box.checked) box.click(); // a click fires the change event that Material listens to
    sync();
    if (name === "drawer") {
      lastOpener = opener;
      var target = firstLink(menu());
      // The menu slides in; it is focusable as soon as it is visible (see gemeente.css).
      if (target) window.requestAnimationFrame(function () { target.focus(); });
    } else if (name === "search") {
      var input = document.querySelector(".md-search__input");
      if (input) window.requestAnimationFrame(function () { input.focus(); });
    }
  }

  function close(name, returnFocus) {
    var box = toggle(name);
    if (box && box.checked) box.click();
    sync();
    if (returnFocus && lastOpener) lastOpener.focus();
  }

  var lastOpener = null;

  var buttons = document.querySelectorAll("[data-helder-open]");
  for (var i = 0; i < buttons.length; i++) {
    var button = buttons[i];
    var name = button.getAttribute("data-helder-open");
    if (!toggle(name)) continue;
    button.hidden = false;
    if (button.parentElement && button.parentElement.classList.contains("helder-js-only")) {
      button.parentElement.hidden = false;
    }
    button.addEventListener("click", function (event) {
      var which = event.currentTarget.getAttribute("data-helder-open");
      if (toggle(which).checked) close(which, false);
      else open(which, event.currentTarget);
    });
  }
  // Material's labels stay for mouse users without JavaScript; with it, the buttons take their place.
  var labels = document.querySelectorAll(".helder-header__label");
  for (var j = 0; j < labels.length; j++) labels[j].hidden = true;

  ["drawer", "search"].forEach(function (name) {
    var box = toggle(name);
    if (box) box.addEventListener("change", sync);
  });
  // Material also closes the menu itself (after following a link, on a wide screen): keep aria-expanded true.
  document.addEventListener("focusin", sync);
  window.addEventListener("hashchange", sync);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var drawer = toggle("drawer");
    if (drawer && drawer.checked) {
      close("drawer", true);
      event.preventDefault();
    }
  });

  // Focus that leaves the open menu (Tab past its last link, Shift+Tab before its first) closes it, so the
  // next Tab stop is never behind the menu or the dark overlay.
  var nav = menu();
  if (nav) {
    nav.addEventListener("focusout", function (event) {
      var drawer = toggle("drawer");
      var next = event.relatedTarget;
      if (!drawer || !drawer.checked || !next) return;
      if (nav.contains(next) || (next.hasAttribute && next.hasAttribute("data-helder-open"))) return;
      close("drawer", false);
    });
  }

  // The same for search: Material keeps it open (and the page behind it darkened) after Tab has left the
  // search field, so the next Tab stops would be under the dark overlay.
  var search = document.querySelector(".md-search");
  if (search) {
    search.addEventListener("focusout", function (event) {
      var box = toggle("search");
      var next = event.relatedTarget;
      if (!box || !box.checked || !next || search.contains(next)) return;
      box.checked = false; // no click: that would also move focus back to the search field
      box.dispatchEvent(new Event("change"));
      sync();
    });
  }

  // -- 2. Today's opening hours ------------------------------------------------------------------------------

  var dayKeys = ["zo", "ma", "di", "wo", "do", "vr", "za"];
  var today = document.querySelector("[data-helder-today]");
  var list = document.querySelector("[data-helder-hours]");
  if (today && list) {
    try {
      var hours = JSON.parse(list.getAttribute("data-helder-hours"));
      // The municipality's clock, also for a reader abroad.
      var weekday = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "Europe/Amsterdam" })
        .format(new Date());
      var key = dayKeys[["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(weekday)];
      var slot = null;
      for (var k = 0; k < hours.length; k++) {
        if ((hours[k].days || []).indexOf(key) >= 0) slot = hours[k];
      }
      var time = function (value) {
        var parts = String(value).split(":");
        return parseInt(parts[0], 10) + (lang === "nl" ? "." : ":") + (parts[1] || "00");
      };
      var words = today.dataset; // the page's language, from Helder's message catalogue
      today.textContent = slot
        ? words.today + ": " + time(slot.open) + " " + words.to + " " + time(slot.close) + (words.hour ? " " + words.hour : "")
        : words.today + ": " + words.closed;
      today.hidden = false;
    } catch (error) {
      today.hidden = true; // the full list is still there
    }
  }

  // -- 3. Full link addresses on paper -----------------------------------------------------------------------

  // A relative link ("../verhuizen/") means nothing on paper: write its address on the published site.
  var canonical = document.querySelector("link[rel=canonical]");
  var base = canonical ? canonical.href : location.href;
  var links = document.querySelectorAll(".md-content a[href]");
  for (var m = 0; m < links.length; m++) {
    var href = links[m].getAttribute("href");
    if (!href || href.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    try {
      links[m].setAttribute("data-helder-print-href", new URL(href, base).href);
    } catch (error) {
      /* leave it without an address */
    }
  }
})();
