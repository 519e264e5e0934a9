// Checks what pa11y cannot: is the skip link visible when it gets focus, does every focused element show a
// focus ring, and does the page request anything outside 127.0.0.1 (fonts, CDNs, analytics)?
// Usage: node theme_probe.cjs <node_modules> <browser> <url> [tabs]   -> prints one JSON object.
'use strict';
const path = require('path');
const [nodeModules, browserPath, url, tabsArg] = process.argv.slice(2);
const puppeteer = require(path.join(nodeModules, 'puppeteer'));

(async () => {
  const args = ['--disable-dev-shm-usage', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (process.getuid && process.getuid() === 0) args.unshift('--no-sandbox');
  const browser = await puppeteer.launch({executablePath: browserPath, args});
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 1024});
    const requests = [];
    page.on('request', request => requests.push(request.url()));
    await page.goto(url, {waitUntil: 'networkidle0', timeout: 30000});
    const focused = [];
    for (let i = 0; i < parseInt(tabsArg || '12', 10); i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName.toLowerCase(),
          className: el.className && el.className.baseVal === undefined ? el.className : '',
          text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
          href: el.getAttribute('href'),
          outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth),
          boxShadow: style.boxShadow,
          opacity: parseFloat(style.opacity),
          visibility: style.visibility,
          zIndex: style.zIndex,
          inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
        };
      }));
    }
    const external = requests.filter(u => !u.startsWith('http://127.0.0.1') && !u.startsWith('data:'));
    console.log(JSON.stringify({requests: requests.length, external, focused}));
  } finally {
    await browser.close();
  }
})().catch(error => {
  console.error(error && error.stack || String(error));
  process.exit(1);
});
