// A pa11y runner that lends the page pa11y has loaded to Helder's browser checks (browser_checks.cjs,
// attached to the same Chromium), so each page and viewport is loaded once for the whole gate.
//
// pa11y calls its runners at the same time (`Promise.all`). The page part of this runner
// (pa11y_runner_page.js) wraps the runners injected before it, so `run` starts only when axe and
// HTML_CodeSniffer are done: the checks press Tab, resize the page and change its styles, and the engines must
// not see that. `run` then calls the checks' binding in the page and waits until they call back. The checks
// write their own results; this runner returns no issues to pa11y.
'use strict';

const path = require('path');

module.exports = {
  supports: '>=8.0.0 <10.0.0',
  scripts: [path.join(__dirname, 'pa11y_runner_page.js')],
  // Serialised by pa11y and run in the page: nothing here may refer to anything outside the function.
  run: async () => {
    const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
    await Promise.allSettled(window.__helderEngines || []);
    // The checks add their binding when they attach to the page, which happens while it loads. Wait a little
    // in case they are late; a page they never reach has no result of theirs, and the gate then counts it as
    // not checked.
    const bindingDeadline = Date.now() + 10000;
    while (typeof window.__helderChecks !== 'function' && Date.now() < bindingDeadline) await sleep(50);
    if (typeof window.__helderChecks !== 'function') return [];
    // pa11y 9 gives the runners no time limit of its own. The checks end each page within their own limit
    // (audit.timeout x 2 + 10 s); this one only frees pa11y when their answer is lost on the way.
    await Promise.race([
      new Promise(resolve => {
        window.__helderChecked = resolve;
        window.__helderChecks(window.location.href);
      }),
      sleep(180000),
    ]);
    return [];
  },
};
