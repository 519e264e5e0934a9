// Injected by pa11y into the page after the runners listed before Helder's (axe, HTML_CodeSniffer). Each of
// their runs is wrapped:
// - its promise is kept, so Helder's runner can wait until the engines are done (see pa11y_runner.cjs);
// - when it ends, the HTML and selector of each issue's element are noted as they are at that moment. pa11y
//   itself takes them only after all runners, so after the checks have pressed Tab and resized the page; the
//   gate uses these notes instead (`_map_report` in runner.py), which is what pa11y reports without the checks.
(() => {
  'use strict';
  const pa11y = window.__pa11y;
  const engines = window.__helderEngines = [];
  const note = issues => {
    for (const issue of Array.isArray(issues) ? issues : []) {
      if (!issue || !issue.element) continue;
      issue.runnerExtras = Object.assign({}, issue.runnerExtras, {
        helderContext: pa11y.getElementContext(issue.element),
        helderSelector: pa11y.getElementSelector(issue.element),
      });
    }
    return issues;
  };
  for (const name of Object.keys(pa11y.runners)) {
    const run = pa11y.runners[name];
    pa11y.runners[name] = function () {
      const result = Promise.resolve(run.apply(this, arguments)).then(note);
      engines.push(result);
      return result;
    };
  }
})();
