// A pa11y runner that lends the page pa11y has loaded to Helder's browser checks (browser_checks.cjs, attached
// to the same Chromium), so each page and viewport is loaded once for the whole gate instead of twice.
//
// pa11y calls its runners at the same time (`Promise.all`). The page part of this runner
// (pa11y_runner_page.js) wraps the runners injected before it, so `run` starts only when axe and
// HTML_CodeSniffer are done: the checks press Tab, resize the page and change its styles, and the engines must
// not see that. `run` then calls the checks' binding in the page and waits until they call back. The checks write their own results; this runner returns no issues to pa11y.
'use strict';

const path = require('path');

module.exports = {
  supports: '>=8.0.0 <10.0.0',
  scripts: [path.join(__dirname, 'pa11y_runner_page.js')],
  // Serialised by pa11y and run in the page: nothing here may refer to anything outside the function.
  run: async () => {
    const engines = window.__helderEngines || [];
    await Promise.allSettled(engines);
    // The checks add their binding when they attach to the page, which happens while it loads. Wait a little
    // in case they are late; a page they never reach has no result of theirs, and the gate then counts it as
    // not checked.
    for (let waited = 0; typeof window.__helderChecks !== 'function' && waited < 10000; waited += 50) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    if (typeof window.__helderChecks === 'function') {
      await new Promise(resolve => {
        window.__helderChecked = resolve;
        window.__helderChecks(window.location.href);
      });
    }
    return [];
  },
};
