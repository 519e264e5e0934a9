// Helder's own browser checks: what a keyboard user, a zoom user and a screen reader meet, and what axe and
// HTML_CodeSniffer do not test (keyboard reachability and traps, hidden and invisible focus, tab order, reflow at
// 320 px, WCAG 1.4.12 text spacing, target size, the text blocks for the language check, screenshot crops).
//
// Usage: node browser_checks.cjs <config.json> <result.json>
// It uses the Puppeteer that pa11y-ci already installs (no extra package, no browser download). With `attach`
// in the config it checks the pages of pa11y-ci's own Chromium as pa11y loads them (see `attached`); without
// it, it launches the system Chromium, loads the pages itself and cuts screenshots (the crop pass, see
// `launched`). Progress
// lines go to stderr ("helder-progress {...}"), the result to <result.json> (a file, not stdout: a pipe cuts
// big reports off). Results use pa11y's issue shape with runner "helder".
'use strict';

const fs = require('fs');
const path = require('path');

const [configPath, resultPath] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
const puppeteer = require(path.join(config.nodeModules, 'puppeteer'));

// If the Python side dies, stop too: exiting runs Puppeteer's exit handler, which closes Chromium.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(3); }, 1000).unref();

const progress = (event, id, extra) => process.stderr.write(
  'helder-progress ' + JSON.stringify(Object.assign({event, id}, extra || {})) + '\n');

// --- the part that runs inside the page ----------------------------------------------------------------------
// One function, serialised by Puppeteer. It installs window.__helder with the measurements; nothing in it may
// refer to variables outside itself.
function pageLibrary() {
  if (window.__helder) return;
  const registry = [];
  const idOf = el => {
    let index = registry.indexOf(el);
    if (index < 0) { registry.push(el); index = registry.length - 1; }
    return index;
  };
  const style = (el, pseudo) => getComputedStyle(el, pseudo || null);

  const cssPath = el => {
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1) {
      const tag = node.tagName.toLowerCase();
      if (node.id && document.querySelectorAll('#' + CSS.escape(node.id)).length === 1) {
        parts.unshift('#' + CSS.escape(node.id));
        break;
      }
      if (tag === 'html' || tag === 'body') { parts.unshift(tag); node = node.parentElement; continue; }
      const parentEl = node.parentElement;
      let part = tag;
      if (parentEl) {
        const same = Array.from(parentEl.children).filter(child => child.tagName === node.tagName);
        if (same.length > 1) part += ':nth-child(' + (Array.from(parentEl.children).indexOf(node) + 1) + ')';
      }
      parts.unshift(part);
      node = parentEl;
    }
    return parts.join(' > ');
  };
  const context = el => {
    const html = el.outerHTML || '';
    if (html.length <= 300) return html;
    const open = html.slice(0, html.indexOf('>') + 1);
    return (open.length < 280 ? html.slice(0, 280) : open.slice(0, 280)) + '...';
  };
  const label = el => {
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') ||
      el.getAttribute('alt') || '').replace(/\s+/g, ' ').trim();
    return text.length > 60 ? text.slice(0, 59) + '…' : text;
  };
  // What the check saw is data, not words: sentences of the message catalogue (`bc_saw_*` in messages/nl.yml
  // and en.yml), each a key with its values. Python writes them in the report's language (browser.py).
  const issue = (code, type, said, el, extra) => ({
    code, type, message: '', runner: 'helder',
    selector: el ? cssPath(el) : '',
    context: el ? context(el) : '',
    element: el ? idOf(el) : null,
    runnerExtras: Object.assign({}, extra || {}, {say: said}),
  });

  // --- what is visible -------------------------------------------------------------------------------------
  const opacity = el => {
    let value = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      value *= parseFloat(style(node).opacity || '1');
    }
    return value;
  };
  const clippers = el => {
    const out = [];
    for (let node = el.parentElement; node && node !== document.body && node !== document.documentElement;
      node = node.parentElement) {
      const s = style(node);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clipPath !== 'none' ||
        s.contain.includes('paint')) out.push(node);
    }
    return out;
  };
  const box = el => {
    // A link around an image or a block can have an empty box of its own; take the union with its children.
    let r = el.getBoundingClientRect();
    let rect = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    if (r.width < 1 || r.height < 1) {
      for (const child of el.querySelectorAll('*')) {
        const c = child.getBoundingClientRect();
        if (c.width < 1 || c.height < 1) continue;
        if (rect.right - rect.left < 1 || rect.bottom - rect.top < 1) {
          rect = {left: c.left, top: c.top, right: c.right, bottom: c.bottom};
        } else {
          rect = {left: Math.min(rect.left, c.left), top: Math.min(rect.top, c.top),
            right: Math.max(rect.right, c.right), bottom: Math.max(rect.bottom, c.bottom)};
        }
      }
    }
    return rect;
  };
  const intersect = (a, b) => ({left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom)});
  const area = r => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
  const closedAncestor = el => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (node.tagName === 'DIALOG' && !node.open) return 'dialog';
      if (node.hasAttribute('inert')) return 'inert';
      if (node.getAttribute('aria-hidden') === 'true') return 'aria-hidden';
      if (node !== el && node.tagName === 'DETAILS' && !node.open && el.tagName !== 'SUMMARY') return 'details';
    }
    return '';
  };
  // Where the element is, and why a sighted user cannot see it ('' = visible).
  const seen = (el, inViewport) => {
    const s = style(el);
    if (s.visibility !== 'visible' || s.display === 'none') return {why: 'invisible'};
    const closed = closedAncestor(el);
    if (closed) return {why: 'closed'};
    if (opacity(el) < 0.1) return {why: 'invisible'};
    let rect = box(el);
    if (rect.right - rect.left < 2 || rect.bottom - rect.top < 2) return {why: 'invisible', rect};
    let visible = rect;
    for (const node of clippers(el)) visible = intersect(visible, node.getBoundingClientRect());
    const page = inViewport
      ? {left: 0, top: 0, right: innerWidth, bottom: innerHeight}
      : {left: -scrollX, top: -scrollY, right: document.documentElement.scrollWidth - scrollX,
        bottom: document.documentElement.scrollHeight - scrollY};
    visible = intersect(visible, page);
    if (area(visible) < 4) return {why: inViewport ? 'offscreen' : 'clipped', rect};
    return {why: '', rect};
  };

  // --- interactive elements ----------------------------------------------------------------------------------
  const WIDGET_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem',
    'menuitemcheckbox', 'menuitemradio', 'option', 'combobox', 'slider', 'spinbutton', 'textbox',
    'searchbox', 'treeitem']);
  const nativelyFocusable = el => {
    const tag = el.tagName;
    if (el.disabled) return false;
    if (tag === 'A' || tag === 'AREA') return el.hasAttribute('href');
    if (tag === 'INPUT') return el.type !== 'hidden';
    if (['BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME'].includes(tag)) return true;
    if ((tag === 'AUDIO' || tag === 'VIDEO') && el.hasAttribute('controls')) return true;
    if (tag === 'SUMMARY') return el.parentElement && el.parentElement.tagName === 'DETAILS' &&
      el.parentElement.querySelector('summary') === el;
    return el.isContentEditable && el.contentEditable === 'true';
  };
  const inFocusable = el => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (nativelyFocusable(node) || node.tabIndex >= 0 && node.hasAttribute('tabindex')) return true;
    }
    return false;
  };
  const labelControl = el => el.tagName === 'LABEL' ? el.control : null;
  // Why `el` looks like something to click or type in ('' = it does not).
  const interactiveKind = el => {
    if (nativelyFocusable(el)) return 'native';
    const role = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
    if (WIDGET_ROLES.has(role)) return 'role';
    if (el.tagName === 'A' && !el.hasAttribute('href') && (el.hasAttribute('onclick') || role)) return 'script';
    if (el.hasAttribute('onclick')) return 'script';
    const control = labelControl(el);
    if (control) {
      // A label that works as a button for a control nobody can focus (the "checkbox hack" of menus), and
      // that looks like one (a pointer cursor; a plain title that toggles nothing visible does not).
      const cs = style(control);
      const hidden = cs.display === 'none' || cs.visibility !== 'visible' || control.disabled;
      return hidden && style(el).cursor === 'pointer' ? 'label' : '';
    }
    if (el.tagName === 'LABEL') return '';
    const s = style(el);
    if (s.cursor === 'pointer' && el.parentElement && style(el.parentElement).cursor !== 'pointer' &&
      !inFocusable(el) && el !== document.body) return 'pointer';
    return '';
  };

  // --- focus styles ------------------------------------------------------------------------------------------
  const sigOf = (el, pseudo) => {
    if (!el) return '';
    const s = style(el, pseudo);
    if (pseudo && (s.content === 'none' || s.content === 'normal')) return '-';
    const parts = [];
    const outlineOn = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    parts.push(outlineOn ? [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' ') : 'none');
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      const on = s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) > 0;
      parts.push(on ? [s['border' + side + 'Style'], s['border' + side + 'Width'],
        s['border' + side + 'Color']].join(' ') : 'none');
    }
    parts.push(s.boxShadow, s.backgroundColor, s.backgroundImage, s.color, s.textDecorationLine,
      s.textDecorationColor, s.textDecorationThickness, s.opacity, s.transform, s.filter, s.fontWeight,
      s.visibility, s.width, s.height);
    return parts.join('|');
  };
  const focusSignature = el => [sigOf(el), sigOf(el, '::before'), sigOf(el, '::after'),
    sigOf(el.parentElement), sigOf(el.firstElementChild), sigOf(el.nextElementSibling),
    el.nextElementSibling ? sigOf(el.nextElementSibling, '::before') : ''].join('#');

  const fixedLike = el => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const position = style(node).position;
      if (position === 'fixed' || position === 'sticky') return true;
    }
    return false;
  };

  // --- the Tab walk --------------------------------------------------------------------------------------------
  const walk = {keys: [], stops: [], info: new Map()};
  const record = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    if (!walk.info.has(el)) {
      const view = seen(el, true);
      walk.info.set(el, {
        focused: focusSignature(el), why: view.why, rect: view.rect || null,
        doc: view.rect ? {left: view.rect.left + scrollX, top: view.rect.top + scrollY,
          right: view.rect.right + scrollX, bottom: view.rect.bottom + scrollY} : null,
        fixed: fixedLike(el),
      });
    }
    return el;
  };
  window.addEventListener('keydown', event => {
    if (event.key !== 'Tab' && event.key !== 'Escape') return;
    walk.keys.push({key: event.key, shift: event.shiftKey, active: record()});
  }, true);
  document.addEventListener('focusin', event => { walk.stops.push(event.target); }, true);

  const api = {
    // Before anything moves: no transitions (a computed style mid-transition is neither state), and the count
    // of elements that could take focus, so the caller knows how many Tab presses a full round needs.
    prepare() {
      const sheet = document.createElement('style');
      sheet.setAttribute('data-helder', 'no-transitions');
      sheet.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; ' +
        'scroll-behavior: auto !important; }';
      document.head.appendChild(sheet);
      if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
      // `shown`: those that are rendered, a good guess of the stops in one round (on a phone, about half of
      // Material's focusable elements are in parts that are not shown).
      let focusable = 0;
      let shown = 0;
      for (const el of document.querySelectorAll('*')) {
        if (el.tabIndex < 0 || el.disabled) continue;
        focusable++;
        if (el.checkVisibility({visibilityProperty: true, checkVisibilityCSS: true})) shown++;
      }
      return {focusable, shown};
    },
    // What looks interactive and can be seen on the page before the walk. Taken before it, because the walk
    // opens things (Material's search opens when its field has focus, and closes only on a frame).
    candidates() {
      walk.candidates = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (el.closest('[data-helder]')) continue;
        const kind = interactiveKind(el);
        if (kind && !seen(el, false).why) walk.candidates.push([el, kind]);
      }
    },
    walkState() {
      const first = walk.stops[0];
      const wrapped = !!first && walk.stops.indexOf(first, 1) > 0;
      const last = walk.keys.slice(-3);
      const stuck = last.length === 3 && last[0].active && last.every(k => k.active === last[0].active);
      return {stops: walk.stops.length, keys: walk.keys.length, wrapped, stuck};
    },
    // The first round of the walk (up to the wrap back to the first stop), and a suspected trap: a group of
    // elements that Tab keeps cycling through without ever going back to the start.
    round() {
      const stops = walk.stops;
      const first = stops[0];
      let end = first ? stops.indexOf(first, 1) : -1;
      let trap = null;
      if (end < 0) {
        end = stops.length;
        const keys = walk.keys.filter(k => k.key === 'Tab' && !k.shift).map(k => k.active);
        const tail = keys.slice(-6);
        if (tail.length >= 3 && tail[tail.length - 1]) {
          const group = Array.from(new Set(tail.filter(Boolean)));
          const earlier = keys.slice(0, -6);
          if (group.length <= 3 || group.every(el => earlier.includes(el))) trap = group.map(idOf);
        }
      }
      const round = [];
      for (const el of stops.slice(0, end)) if (!round.includes(el)) round.push(el);
      walk.round = round;
      // `hidden`: a stop looked hidden, so `recheck` is needed.
      const hidden = round.some(el => walk.info.has(el) && !!walk.info.get(el).why);
      return {count: round.length, trap, hidden};
    },
    // The walk sends key presses without waiting, so a stop is measured before the page's own scroll handlers
    // ran (Material sizes its sidebar on scroll). Stops that looked hidden are focused again, one per hidden
    // part, and measured after two frames: only what is still hidden counts.
    async recheck() {
      const round = walk.round || [];
      const frames = () => new Promise(resolve => {
        requestAnimationFrame(() => requestAnimationFrame(resolve));
        setTimeout(resolve, 100);
      });
      let previous = null;
      for (const el of round) {
        const info = walk.info.get(el);
        if (!info || !info.why) { previous = null; continue; }
        if (previous && previous.why && previous.part && previous.part.contains(el)) {
          info.why = previous.why;
          continue;
        }
        el.focus({focusVisible: true});
        await frames();
        const view = seen(el, true);
        info.why = view.why;
        let part = null;
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
          if (!seen(node, true).why) break;
          part = node;
        }
        previous = {why: view.why, part};
      }
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      return true;
    },
    activeId() {
      const el = document.activeElement;
      return el && el !== document.body ? idOf(el) : null;
    },
    // Issues from the walk: hidden focus, no focus indicator, order against reading order, unreachable.
    analyse(trapIds) {
      const issues = [];
      const round = walk.round || [];
      const trapped = (trapIds || []).map(i => registry[i]);
      if (trapped.length) {
        const el = trapped[0];
        issues.push(issue('keyboard.trap', 'error',
          [['bc_saw_trap', {label: label(el), count: trapped.length}]], el));
      }
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      const hiddenKeys = {
        one: {offscreen: 'bc_saw_hidden_one_offscreen', invisible: 'bc_saw_hidden_one_invisible',
          closed: 'bc_saw_hidden_one_closed', clipped: 'bc_saw_hidden_one_clipped'},
        many: {offscreen: 'bc_saw_hidden_many_offscreen', invisible: 'bc_saw_hidden_many_invisible',
          closed: 'bc_saw_hidden_many_closed', clipped: 'bc_saw_hidden_many_clipped'},
      };
      const ordered = [];
      // Hidden stops in a row inside the same hidden part (a closed drawer) are one problem: report the part.
      const hiddenPart = el => {
        let part = el;
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
          if (!seen(node, true).why) break;
          part = node;
        }
        return part;
      };
      let group = null;
      const flush = () => {
        if (!group) return;
        const many = group.stops.length > 1;
        const first = group.stops[0];
        const values = many ? {count: group.stops.length, first: round.indexOf(first) + 1,
          last: round.indexOf(group.stops[group.stops.length - 1]) + 1, label: label(first)}
          : {number: round.indexOf(first) + 1, label: label(first)};
        issues.push(issue('keyboard.hidden-focus', 'error',
          [[hiddenKeys[many ? 'many' : 'one'][group.why], values]], many ? group.part : first,
          {reason: group.why, stops: group.stops.length}));
        group = null;
      };
      for (const el of round) {
        const info = walk.info.get(el);
        if (!info) continue;
        if (info.why) {
          const part = hiddenPart(el);
          if (group && group.why === info.why && group.part.contains(el) && part !== el) {
            group.stops.push(el);
          } else {
            flush();
            group = {why: info.why, part: part === el ? el : part, stops: [el]};
          }
          continue;
        }
        flush();
        if (focusSignature(el) === info.focused) {
          issues.push(issue('focus.not-visible', 'error',
            [['bc_saw_not_visible', {number: round.indexOf(el) + 1, label: label(el)}]], el));
        }
        if (!info.fixed && info.doc) ordered.push([el, info.doc]);
      }
      flush();
      // Order: within one column (overlapping horizontally), the next stop must not be above the previous
      // one; on one row (overlapping vertically), it must not be to the left (Dutch reads left to right).
      let jumps = 0;
      for (let i = 1; i < ordered.length && jumps < 5; i++) {
        const [prevEl, a] = ordered[i - 1];
        const [el, b] = ordered[i];
        const columns = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1;
        const rowOverlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        const sameRow = rowOverlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
        const above = b.bottom <= a.top - 2;
        const left = sameRow && b.right <= a.left + 2;
        if ((columns && above) || left) {
          jumps++;
          issues.push(issue('keyboard.order', 'error',
            [[left ? 'bc_saw_order_left' : 'bc_saw_order_up', {before: label(prevEl), label: label(el)}]], el,
            {after: cssPath(prevEl)}));
        }
      }
      // Unreachable: looked interactive and could be seen on the page before the walk, never got focus.
      const reached = new Set(round);
      let unreachable = 0;
      for (const [el, kind] of walk.candidates || []) {
        if (unreachable >= 20) break;
        if (reached.has(el)) continue;
        if (kind === 'native' && reached.has(el.closest('a[href],button'))) continue;
        // Focus goes into a frame, not onto it; a radio group is one Tab stop (arrow keys move inside it).
        if (el.tagName === 'IFRAME') continue;
        if (el.type === 'radio' && el.name && Array.from(reached).some(r => r.type === 'radio' &&
          r.name === el.name && r.form === el.form)) continue;
        if (Array.from(reached).some(r => r.contains(el) || (labelControl(el) === r))) continue;
        // The icon of a search field: the field beside it takes focus and does the same.
        if (kind === 'label' && Array.from(el.parentElement.children).some(sibling => reached.has(sibling) &&
          /^(INPUT|TEXTAREA|SELECT)$/.test(sibling.tagName))) continue;
        unreachable++;
        const unreachableKeys = {native: 'bc_saw_unreachable_native', role: 'bc_saw_unreachable_role',
          script: 'bc_saw_unreachable_script', label: 'bc_saw_unreachable_label', pointer: 'bc_saw_unreachable_script'};
        issues.push(issue('keyboard.unreachable', 'error',
          [[unreachableKeys[kind], {label: label(el), role: el.getAttribute('role') || ''}]], el, {kind}));
      }
      return issues;
    },

    // Links and buttons smaller than 24x24 px, unless they are in a line of text or have room around them.
    targetSize() {
      const targets = [];
      for (const el of document.body.querySelectorAll('a[href], button, input, select, textarea, summary, ' +
        '[role=button], [role=link], [role=checkbox], [role=radio], [role=tab], [role=menuitem], label[for]')) {
        if (el.type === 'hidden' || el.closest('[data-helder]')) continue;
        if (el.tagName === 'LABEL' && interactiveKind(el) !== 'label') continue;
        const view = seen(el, false);
        if (view.why) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) continue;
        targets.push({el, r});
      }
      const isInline = el => {
        if (style(el).display !== 'inline') return false;
        for (let block = el.parentElement; block; block = block.parentElement) {
          if (style(block).display === 'inline') continue;
          const text = (block.innerText || '').replace(/\s+/g, ' ').trim();
          const own = (el.innerText || '').replace(/\s+/g, ' ').trim();
          return text.length > own.length + 3;
        }
        return false;
      };
      const issues = [];
      const small = targets.filter(t => (t.r.width < 23.5 || t.r.height < 23.5) && !isInline(t.el) &&
        !((t.el.type === 'checkbox' || t.el.type === 'radio') && t.el.labels && t.el.labels.length));
      for (const t of small) {
        if (issues.length >= 20) break;
        const cx = (t.r.left + t.r.right) / 2;
        const cy = (t.r.top + t.r.bottom) / 2;
        const crowded = targets.some(o => {
          if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
          const ox = (o.r.left + o.r.right) / 2;
          const oy = (o.r.top + o.r.bottom) / 2;
          if (small.includes(o)) return Math.hypot(cx - ox, cy - oy) < 24;
          const dx = Math.max(o.r.left - cx, 0, cx - o.r.right);
          const dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
          return Math.hypot(dx, dy) < 12;
        });
        if (!crowded) continue;
        issues.push(issue('target-size', 'warning', [['bc_saw_target',
          {label: label(t.el), width: Math.round(t.r.width), height: Math.round(t.r.height)}]], t.el));
      }
      return issues;
    },

    // Text blocks for the language check (done in Python with Helder's word lists).
    // `words` (from Python's readability.language_guess) lets the script mark the blocks that the language
    // check will most likely report, so their crop is made in this page load; Python makes the decision.
    textBlocks(words) {
      const dutch = new Set(words ? words.nl : []);
      const english = new Set(words ? words.en : []);
      const guess = text => {
        let nl = 0;
        let en = 0;
        for (const word of text.toLowerCase().match(/[\p{L}']+/gu) || []) {
          if (dutch.has(word)) nl++;
          else if (english.has(word)) en++;
        }
        if (nl >= 3 && nl >= 3 * Math.max(en, 0.5)) return 'nl';
        if (en >= 3 && en >= 3 * Math.max(nl, 0.5)) return 'en';
        return '';
      };
      // The content itself: the article in the main part when there is one (the navigation and header belong
      // to the theme and are judged on the theme's own pages).
      const main = document.querySelector('main, [role=main]') || document.body;
      const root = main.querySelector('article') || main;
      const ownText = el => {
        let text = '';
        const walkText = node => {
          for (const child of node.childNodes) {
            if (child.nodeType === 3) text += child.nodeValue;
            else if (child.nodeType === 1 && !child.hasAttribute('lang') &&
              !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(child.tagName) &&
              !/^(P|LI|H[1-6]|TD|TH|DD|DT|BLOCKQUOTE|FIGCAPTION|CAPTION|DIV|SECTION|TABLE|UL|OL|DL)$/.test(child.tagName))
              walkText(child);
          }
        };
        walkText(el);
        return text.replace(/\s+/g, ' ').trim();
      };
      const blocks = [];
      for (const el of root.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, ' +
        'figcaption, caption, [lang]')) {
        if (el.closest('nav') || seen(el, false).why === 'invisible') continue;
        const text = ownText(el);
        if (text.split(' ').length < 4) continue;
        const declared = el.closest('[lang]');
        blocks.push({
          selector: cssPath(el), context: context(el), text: text.slice(0, 600), element: idOf(el),
          lang: declared ? declared.getAttribute('lang') : '',
          own: el.hasAttribute('lang'),
          from_html: declared === document.documentElement || !declared,
        });
        const found = guess(text);
        const have = (blocks[blocks.length - 1].lang || '').toLowerCase().split(/[-_]/)[0];
        blocks[blocks.length - 1].suspect = !!found && found !== have && (have === 'nl' || have === 'en' || !have);
        if (blocks.length >= 200) break;
      }
      const html = document.documentElement;
      return {
        page_lang: html.getAttribute('lang') || '',
        html_selector: 'html', html_context: context(html).slice(0, html.outerHTML.indexOf('>') + 1),
        main_text: (root.innerText || '').replace(/\s+/g, ' ').slice(0, 6000),
        blocks,
      };
    },

    // WCAG 1.4.12: with the four spacing values applied, no text may be cut off or run over other text.
    textSpacing() {
      // Only text counts: a box that grows past its edge because of a scrolling menu inside it (sized by
      // script) cuts nothing off. Text inside a box that scrolls by itself can still be read.
      const scrolls = node => {
        const s = style(node);
        return ['auto', 'scroll'].includes(s.overflowX) || ['auto', 'scroll'].includes(s.overflowY);
      };
      const textOverflows = (el, clipped) => {
        const edge = el.getBoundingClientRect();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let checked = 0;
        for (let node = walker.nextNode(); node && checked < 400; node = walker.nextNode()) {
          if (!node.nodeValue.trim()) continue;
          let inside = false;
          for (let up = node.parentElement; up && up !== el; up = up.parentElement) {
            if (scrolls(up)) { inside = true; break; }
          }
          if (inside) continue;
          checked++;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) {
            if (r.width < 1 || r.height < 1) continue;
            if (r.bottom > edge.bottom + 2 || r.top < edge.top - 2) return true;
            if (clipped && (r.right > edge.right + 2 || r.left < edge.left - 2)) return true;
          }
        }
        return false;
      };
      const measure = () => {
        const out = new Map();
        for (const el of document.body.querySelectorAll('*')) {
          if (el.clientHeight < 1 && el.clientWidth < 1) continue;
          out.set(el, [el.scrollHeight - el.clientHeight, el.scrollWidth - el.clientWidth]);
        }
        return out;
      };
      const before = measure();
      const sheet = document.createElement('style');
      sheet.setAttribute('data-helder', 'text-spacing');
      sheet.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; ' +
        'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
      document.head.appendChild(sheet);
      const after = measure();
      const flagged = [];
      for (const [el, [dh, dw]] of after) {
        const old = before.get(el) || [0, 0];
        // Only what fitted before: text that was already cut off (or a wide table) is not caused by spacing.
        const grewH = dh > 2 && old[0] <= 2;
        const grewW = dw > 2 && old[1] <= 2;
        if (!grewH && !grewW) continue;
        const s = style(el);
        const scroll = v => v === 'auto' || v === 'scroll';
        if ((grewH && scroll(s.overflowY)) || (grewW && scroll(s.overflowX))) continue;
        // A box that shows what does not fit only overlaps other content downwards; growing sideways makes
        // the page wider (the reflow check's concern), it covers nothing.
        const clipped = s.overflowX !== 'visible' || s.overflowY !== 'visible';
        if (!clipped && !grewH) continue;
        if (!(el.innerText || '').trim() || !textOverflows(el, clipped)) continue;
        if (seen(el, false).why) continue;
        flagged.push({el, clipped: s.overflowX !== 'visible' || s.overflowY !== 'visible'});
      }
      sheet.remove();
      const deepest = flagged.filter(f => !flagged.some(o => o !== f && f.el.contains(o.el)));
      return deepest.slice(0, 5).map(f => issue('text-spacing', 'error',
        [[f.clipped ? 'bc_saw_spacing_clipped' : 'bc_saw_spacing_overlap', {label: label(f.el)}]], f.el));
    },

    // WCAG 1.4.10 at 320 CSS px: no horizontal scrolling, nothing cut off at the right edge.
    reflow() {
      const width = document.documentElement.clientWidth;
      const scrolls = document.scrollingElement.scrollWidth > width + 1;
      // A box that scrolls by itself, and content that needs two dimensions (data tables, code), may scroll
      // sideways (the exception in WCAG 1.4.10).
      const scroller = el => {
        if (el.closest('table, pre')) return true;
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
          const s = style(node);
          if (s.overflowX === 'auto' || s.overflowX === 'scroll') return true;
        }
        return false;
      };
      const hasContent = el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.nodeValue.trim()) ||
        ['IMG', 'SVG', 'VIDEO', 'CANVAS', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'BUTTON'].includes(
          el.tagName.toUpperCase());
      const over = new Set();
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1 || r.right <= width + 1 || r.right - scrollX <= 0) continue;
        if (r.left + scrollX < 0 && r.right + scrollX <= 0) continue;
        const s = style(el);
        if (s.visibility !== 'visible' || opacity(el) < 0.1 || closedAncestor(el)) continue;
        if (scroller(el) || fixedLike(el) && r.left >= width) continue;
        over.add(el);
      }
      // Text that sticks out of its own box past the right edge (a long word, nowrap), or is cut off inside a
      // box that hides what does not fit.
      for (const el of document.body.querySelectorAll('*')) {
        const s = style(el);
        if (s.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 &&
          Array.from(el.childNodes).some(n => n.nodeType === 3 && n.nodeValue.trim())) {
          const r = el.getBoundingClientRect();
          if (r.left + el.scrollWidth > width + 1 && r.right > 0 && !scroller(el) && !seen(el, false).why &&
            !fixedLike(el)) over.add(el);
          continue;
        }
        if (s.overflowX !== 'hidden' && s.overflowX !== 'clip') continue;
        if (el.scrollWidth <= el.clientWidth + 1 || !hasContent(el) && !el.querySelector('*')) continue;
        if (!(el.innerText || '').trim() || seen(el, false).why || scroller(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.right <= 0 || r.left >= width) continue;
        over.add(el);
      }
      const roots = Array.from(over).filter(el => !over.has(el.parentElement) &&
        (hasContent(el) || el.querySelector('*')));
      return roots.slice(0, 5).map(el => {
        const r = el.getBoundingClientRect();
        const size = {label: label(el), width: Math.round(r.width), right: Math.round(r.right)};
        return issue('reflow', 'error', [[scrolls ? 'bc_saw_reflow_scrolls' : 'bc_saw_reflow_cut', {}],
          [r.right > width + 1 ? 'bc_saw_reflow_past' : 'bc_saw_reflow_width', size]], el,
        {width: Math.round(r.width), scrolls});
      });
    },

    // Where to cut the screenshot of an element (CSS px in the document), or null when it is not on the page.
    cropOf(index, selector) {
      let el = index === null || index === undefined ? null : registry[index];
      if (!el && selector) {
        try { el = document.querySelector(selector); } catch (error) { el = null; }
      }
      if (!el || !el.getBoundingClientRect) return null;
      // Into view first: a screenshot of the viewport only is cheap, one beyond it lays out the whole page.
      el.scrollIntoView({block: 'center', inline: 'nearest'});
      const r = box(el);
      const pad = 16;
      const left = Math.max(scrollX, r.left + scrollX - pad);
      const top = Math.max(scrollY, r.top + scrollY - pad);
      const right = Math.min(scrollX + innerWidth, r.right + scrollX + pad);
      const bottom = Math.min(scrollY + innerHeight, r.bottom + scrollY + pad);
      if (right - left < 4 || bottom - top < 4 || right <= 0 || bottom <= 0) return null;
      return {x: left, y: top, width: Math.min(640, right - left), height: Math.min(360, bottom - top)};
    },
  };
  window.__helder = api;
}

// --- driving one page ----------------------------------------------------------------------------------------

const TAB = {key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9};
const ESCAPE = {key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27};

// Key presses are sent without waiting for each answer: the browser still handles them in order, and a walk of
// 100 stops takes 0.35 s instead of 1.1 s (measured on the demo site).
async function press(client, key, count, shift) {
  const modifiers = shift ? 8 : 0;
  const sent = [];
  for (let i = 0; i < count; i++) {
    sent.push(client.send('Input.dispatchKeyEvent', Object.assign({type: 'rawKeyDown', modifiers}, key)));
    sent.push(client.send('Input.dispatchKeyEvent', Object.assign({type: 'keyUp', modifiers}, key)));
  }
  await Promise.all(sent);
}

// Two animation frames (the page's own resize and focus handlers ran), at most 100 ms.
const settle = page => page.evaluate(() => new Promise(resolve => {
  requestAnimationFrame(() => requestAnimationFrame(resolve));
  setTimeout(resolve, 100);
}));

async function crop(page, client, target) {
  const clip = await page.evaluate((index, selector) => window.__helder.cropOf(index, selector),
    target.element === undefined ? null : target.element, target.selector || null);
  if (!clip) return null;
  const shot = await client.send('Page.captureScreenshot', {
    format: 'jpeg', quality: 70, clip: Object.assign({scale: 1}, clip), captureBeyondViewport: false,
  });
  return shot.data;
}

// One crop per problem and run: the same theme element failing on every page needs one picture, not fifty.
const cropped = new Set();

async function addCrops(page, client, issues, limit) {
  let made = 0;
  for (const item of issues) {
    if (item.type !== 'error' || made >= limit || item.code === 'keyboard.hidden-focus') continue;
    const key = item.code + '\n' + item.selector + '\n' + item.context;
    if (cropped.has(key)) continue;
    cropped.add(key);
    const data = await crop(page, client, item);
    if (data) {
      item.runnerExtras.screenshot = 'data:image/jpeg;base64,' + data;
      made++;
    }
  }
}

// A tab that is not in front is hidden: its requestAnimationFrame never fires (measured: 0 frames in 2 s), so the
// page's own scripts that wait for a frame (Material opens its search and sizes its sidebar that way) do not run
// there. A window per page fixes that but paints every page all the time (measured: the full gate 2.3-2.5x the
// engine-only gate instead of 1.2-1.3x). So pages stay tabs, and each step whose result depends on those
// scripts (settling after load and after the resize to 320 px, re-measuring hidden focus) runs with its tab in
// front. A tab that is in front already runs its step at once; the others take turns (bringing a tab to front
// makes Chromium paint it anew). Attached, pa11y opens a tab for each page, and a new tab comes to the front: a
// step that ended with its tab hidden runs again in turn. A step that hangs frees the others after 15 s.
let frontLock = Promise.resolve();
async function inFront(page, step) {
  const visible = () => page.evaluate(() => document.visibilityState === 'visible');
  const inTurn = async () => {
    await page.bringToFront();
    const result = await step();
    if (await visible()) return result;
    await page.bringToFront();
    return step();
  };
  const takeTurn = () => {
    const next = frontLock.then(inTurn, inTurn);
    frontLock = Promise.race([next.catch(() => {}), new Promise(resolve => setTimeout(resolve, 15000))]);
    return next;
  };
  if (await visible()) {
    const result = await step();
    if (await visible()) return result;
  }
  return takeTurn();
}

// A tab of the pool: each worker keeps one tab and loads its pages into it one after the other. A new tab per
// page cost a tab, a CDP session and often a renderer process each time; a navigation in the same tab gives a
// fresh document all the same. A tab whose page failed or timed out is closed and replaced.
async function openTab(browser) {
  const page = await browser.newPage();
  dismissDialogs(page);
  const client = await page.createCDPSession();
  if (config.blockUrls && config.blockUrls.length) {
    await client.send('Network.enable');
    await client.send('Network.setBlockedURLs', {urls: config.blockUrls});
  }
  return {page, client, kind: null};
}

const viewportKind = job => (job.viewport.is_mobile ? 'mobile' : 'desktop');

// The next job for a worker: the first of its tab's kind when there is one.
function nextJob(queue, tab) {
  const index = tab ? queue.findIndex(job => viewportKind(job) === tab.kind) : -1;
  return queue.splice(Math.max(0, index), 1)[0];
}

// The origin of `url` when it is on another host than `ownHost` (and can leave the machine), else null.
function elsewhereOrigin(url, ownHost) {
  try {
    const where = new URL(url);
    return /^(https?|wss?):$/.test(where.protocol) && where.host !== ownHost ? where.origin : null;
  } catch (error) {
    return null; // not a URL with a host (data:, blob:): nothing leaves the machine
  }
}

// Every request the page makes from here on (lazy images, fonts, scripts started by a click): anything from
// another host than the site's own is a finding (issue 15: no third-party requests). Returns the set of origins
// and a function that stops listening.
function watchRequests(page, ownHost) {
  const elsewhere = new Set();
  const onRequest = request => {
    const origin = elsewhereOrigin(request.url(), ownHost);
    if (origin) elsewhere.add(origin);
  };
  page.on('request', onRequest);
  return {elsewhere, stop: () => page.off('request', onRequest)};
}

// An alert or confirm would stop the page (and, attached, pa11y with it): close each one.
function dismissDialogs(page) {
  page.on('dialog', dialog => dialog.dismiss().catch(() => {}));
}

// Launched mode: load the job's page into the worker's own tab and cut the screenshots it asks for.
async function cropPage(tab, job) {
  const {page, client} = tab;
  const viewport = {width: job.viewport.width, height: job.viewport.height};
  if (job.viewport.is_mobile) Object.assign(viewport, {isMobile: true, hasTouch: true});
  // Puppeteer reloads the open page when the mobile emulation changes: the tab's previous page is left first
  // (and workers prefer jobs of their tab's kind, see `nextJob`).
  const kind = viewportKind(job);
  if (tab.kind !== null && tab.kind !== kind) await page.goto('about:blank');
  tab.kind = kind;
  await page.setViewport(viewport);
  const response = await page.goto(job.url, {waitUntil: 'domcontentloaded', timeout: config.timeout});
  if (!response || !(response.ok() || response.status() === 304)) {
    const status = response ? response.status() : 0;
    throw Object.assign(new Error('HTTP ' + status),
      {say: status ? ['bc_page_status', {status}] : ['bc_page_no_answer', {}]});
  }
  await page.evaluate(pageLibrary);
  const shots = [];
  for (const target of job.crops) {
    const data = await crop(page, client, {selector: target});
    target && shots.push({selector: target, screenshot: data ? 'data:image/jpeg;base64,' + data : ''});
  }
  return {crops: shots};
}

// The checks on a page that pa11y has loaded. `elsewhere` collects the origins of other hosts.
async function checkLoaded(page, client, job, elsewhere) {
  await page.evaluate(pageLibrary);
  const issues = [];
  const times = {};
  let mark = Date.now();
  const lap = name => { const now = Date.now(); times[name] = now - mark; mark = now; };

  const {focusable, shown} = await page.evaluate(() => window.__helder.prepare());
  lap('prepare');
  await inFront(page, () => settle(page));
  lap('settle');
  issues.push(...await page.evaluate(() => window.__helder.targetSize()));
  lap('target');
  const lang = await page.evaluate(words => window.__helder.textBlocks(words), config.words || null);
  lap('static');

  await page.evaluate(() => window.__helder.candidates());

  // The Tab walk: a round of the stops that are shown plus two (each press costs the page a focus move and
  // its handlers), then a few more at a time until the walk is back at its first stop.
  const cap = Math.max(40, Math.min(config.maxTabs, focusable * 2 + 10));
  let sent = 0;
  let batch = Math.min(cap, shown + 2);
  while (sent < cap) {
    await press(client, TAB, batch, false);
    sent += batch;
    const state = await page.evaluate(() => window.__helder.walkState());
    if (state.wrapped || state.stuck || (state.stops === 0 && sent >= 8)) {
      if (!state.wrapped && state.stops > 0) await press(client, TAB, 6, false);
      break;
    }
    batch = Math.min(cap - sent, Math.max(4, shown + 2 - state.stops));
  }
  const round = await page.evaluate(() => window.__helder.round());
  let trap = round.trap;
  if (trap) {
    // A real trap keeps focus with Shift+Tab and with Escape as well.
    for (const [key, shift] of [[TAB, true], [ESCAPE, false]]) {
      await press(client, key, key === ESCAPE ? 1 : 3, shift);
      if (key === ESCAPE) await press(client, TAB, 1, false);
      const active = await page.evaluate(() => window.__helder.activeId());
      if (active === null || !trap.includes(active)) { trap = null; break; }
    }
  }
  lap('walk');
  if (round.hidden) {
    await inFront(page, () => page.evaluate(() => window.__helder.recheck()));
  }
  issues.push(...await page.evaluate(ids => window.__helder.analyse(ids), trap));
  lap('analyse');
  issues.push(...await page.evaluate(() => window.__helder.textSpacing()));
  lap('spacing');
  await addCrops(page, client, issues, config.maxCrops);
  const suspects = lang.blocks.filter(b => b.suspect).slice(0, config.maxCrops);
  for (const block of suspects) {
    const data = await crop(page, client, {element: block.element});
    if (data) block.screenshot = 'data:image/jpeg;base64,' + data;
  }
  lap('crops');

  if (job.reflow) {
    // Through the checks' own CDP session, with the job's mobile setting: Puppeteer's setViewport would
    // reload the page when it thinks the mobile emulation changes.
    await client.send('Emulation.setDeviceMetricsOverride', {
      width: 320, height: job.viewport.height, deviceScaleFactor: 1, mobile: !!job.viewport.is_mobile,
    });
    const reflow = await inFront(page, async () => {
      await settle(page);
      return page.evaluate(() => window.__helder.reflow());
    });
    await addCrops(page, client, reflow, config.maxCrops);
    issues.push(...reflow);
    lap('reflow');
  }
  for (const origin of elsewhere) {
    issues.push({
      code: 'third-party-request', type: 'error', runner: 'helder', selector: '', context: origin,
      element: null, runnerExtras: {say: [['bc_saw_third_party', {origin}]]}, message: '',
    });
  }
  return {issues, lang, tabStops: round.count, times};
}

// Runs `step` with the job's time limit; a failure or timeout is the job's result, never the run's.
async function timed(job, step) {
  let timer = null;
  const started = Date.now();
  progress('begin', job.id);
  try {
    const result = await Promise.race([
      step(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'),
          {say: ['bc_page_timeout', {seconds: Math.round(config.jobTimeout / 1000)}]})), config.jobTimeout);
      }),
    ]);
    result.ms = Date.now() - started;
    progress('done', job.id);
    return result;
  } catch (error) {
    const failed = {
      error: String(error && error.message || error).slice(0, 500), say: error && error.say || null,
    };
    progress('error', job.id, {message: failed.error});
    return failed;
  } finally {
    clearTimeout(timer);
  }
}

// Launched mode (the crop pass): a Chromium of our own and a pool of tabs.
async function launched(results) {
  const browser = await puppeteer.launch({
    executablePath: config.browser, args: config.args, headless: true, pipe: true,
    ...(config.profile ? {userDataDir: config.profile} : {}),
  });
  try {
    const queue = config.jobs.slice();
    const worker = async () => {
      let tab = null;
      while (queue.length) {
        const job = nextJob(queue, tab);
        let current = null;
        results[job.id] = await timed(job, async () => {
          current = tab = tab || await openTab(browser);
          return cropPage(current, job);
        });
        if (results[job.id].error) {
          // The page may still be busy (a timeout): the next job gets a fresh tab.
          if (current) await current.page.close().catch(() => {});
          tab = null;
        }
      }
      if (tab) await tab.page.close().catch(() => {});
    };
    await Promise.all(Array.from({length: Math.max(1, config.concurrency)}, worker));
  } finally {
    await browser.close();
  }
}

// The address of a Chromium started by another program (pa11y-ci) with `userDataDir` set to `profile`: Chromium
// writes its DevTools port and path to the file DevToolsActivePort there once it listens.
async function devtoolsEndpoint(profile, waitMs) {
  const file = path.join(profile, 'DevToolsActivePort');
  for (const until = Date.now() + waitMs; Date.now() < until;) {
    try {
      // Only a whole file counts: Chromium may be writing it.
      const found = /^(\d+)\n(\/devtools\/browser\/[0-9a-f-]{36})\s*$/.exec(fs.readFileSync(file, 'utf8'));
      if (found) return 'ws://127.0.0.1:' + found[1] + found[2];
    } catch (error) { /* not written yet */ }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('ENOENT ' + file);  // no Chromium wrote it: pa11y-ci did not start one
}

// The job a page belongs to, by its address: path without a trailing slash (a redirect adds one) and query.
const jobKey = url => {
  const where = new URL(url);
  return (where.pathname.replace(/\/+$/, '') || '/') + where.search;
};

// Attached mode: check the pages pa11y-ci loads, in its own Chromium. Each page gets a binding (a function in
// the page that sends its argument here), which Helder's pa11y runner calls when axe and HTML_CodeSniffer are
// done (pa11y_runner.cjs); it then waits until `window.__helderChecked` is called. A binding belongs to the
// page, not to one document, so it is there however the attach and pa11y's navigation interleave. Ends when
// pa11y-ci closes its browser: not before, because the answer to the last page is still on its way.
async function attached(results) {
  const browser = await puppeteer.connect({
    browserWSEndpoint: await devtoolsEndpoint(config.profile, config.attachWait), defaultViewport: null,
  });
  const over = new Promise(resolve => browser.once('disconnected', resolve));
  const jobs = new Map(config.jobs.map(job => [jobKey(job.url), job]));
  // Every job is on the same host (the gate's own server).
  const ownHost = new URL(config.jobs[0].url).host;
  const check = async (target, client, href) => {
    const job = jobs.get(jobKey(href));
    if (job && !results[job.id]) {
      results[job.id] = {pending: true};
      results[job.id] = await timed(job, async () => {
        // Puppeteer's page (with its watch of frames, requests and console) only now: made when each tab
        // opened, it followed every page load beside pa11y's own.
        const page = await target.page();
        dismissDialogs(page);
        const requests = watchRequests(page, ownHost);
        page.once('close', requests.stop);
        // What the page asked for while it loaded is in its own resource timing; the watch sees the rest.
        const early = await page.evaluate(() => performance.getEntriesByType('resource').map(entry => entry.name));
        for (const url of early) {
          const origin = elsewhereOrigin(url, ownHost);
          if (origin) requests.elsewhere.add(origin);
        }
        return checkLoaded(page, client, job, requests.elsewhere);
      });
    }
    // The answer that lets pa11y go on. If a page no longer answers, the runner's own limit frees pa11y.
    await Promise.race([
      client.send('Runtime.evaluate', {expression: 'window.__helderChecked && window.__helderChecked()'}),
      new Promise(resolve => setTimeout(resolve, 10000)),
    ]);
  };
  const report = error => process.stderr.write('helder-checks: ' + String(error && error.message || error) + '\n');
  const watched = new Set();
  // Each new tab gets the binding through a CDP session of its own.
  const watch = async target => {
    if (target.type() !== 'page' || watched.has(target)) return;
    watched.add(target);
    const client = await target.createCDPSession();
    client.on('Runtime.bindingCalled', event => {
      if (event.name === '__helderChecks') check(target, client, event.payload).catch(report);
    });
    await client.send('Runtime.enable');
    await client.send('Runtime.addBinding', {name: '__helderChecks'});
  };
  browser.on('targetcreated', target => watch(target).catch(report));
  await Promise.all(browser.targets().map(target => watch(target).catch(report)));
  await over;
  for (const id of Object.keys(results)) {
    if (results[id].pending) results[id] = {error: 'unfinished', say: ['bc_page_unfinished', {}]};
  }
}

(async () => {
  const results = {};
  if (config.attach) await attached(results);
  else await launched(results);
  fs.writeFileSync(resultPath, JSON.stringify({results}));
  // Done: end now. Timers of the last pages (the front lock's 15 s, the answer's 10 s) would keep Node, and the
  // gate that waits for it, alive for nothing (measured: 14 s after pa11y-ci had ended).
  process.exit(0);
})().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
