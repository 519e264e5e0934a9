// Injected by pa11y into the page after the runners listed before Helder's (axe, HTML_CodeSniffer): keep the
// promise of each of their runs, so Helder's runner can wait for them (see pa11y_runner.cjs).
(() => {
  'use strict';
  const engines = window.__helderEngines = [];
  const runners = window.__pa11y && window.__pa11y.runners || {};
  for (const name of Object.keys(runners)) {
    const run = runners[name];
    runners[name] = function () {
      const result = run.apply(this, arguments);
      engines.push(result);
      return result;
    };
  }
})();
