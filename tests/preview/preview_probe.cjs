// Opens a page of `mkdocs serve` in Chromium and reports what an editor sees of Helder's preview: the list of
// findings (with levels and where each one links to), the text highlighted at each place, and what the
// keyboard reaches. Usage: node preview_probe.cjs <node_modules> <browser> <url> [screenshot.png] [tabs after the skip link]
'use strict';
const path = require('path');
const [nodeModules, browserPath, url, screenshot, tabsArg] = process.argv.slice(2);
const puppeteer = require(path.join(nodeModules, 'puppeteer'));

(async () => {
  const args = ['--disable-dev-shm-usage', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (process.getuid && process.getuid() === 0) args.unshift('--no-sandbox');
  const browser = await puppeteer.launch({executablePath: browserPath, args});
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 1024});
    await page.goto(url, {waitUntil: 'load', timeout: 30000});
    const seen = await page.evaluate(() => {
      const panel = document.getElementById('helder-meldingen');
      if (!panel) return {panel: null};
      // The highlighted text of one place: the text inside marks of its kind, from its marker up to the
      // next marker of the same kind in the same block.
      const highlighted = (badge) => {
        const kind = badge.dataset.kind;
        const block = badge.closest('[data-helder-line]');
        if (!block) return '';
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_ALL);
        walker.currentNode = badge;
        let text = '';
        let node = walker.nextNode();
        while (node) {
          if (node.nodeType === Node.ELEMENT_NODE && node.matches('a.helder-badge') && node.dataset.kind === kind) {
            break;
          }
          if (node.nodeType === Node.TEXT_NODE && !node.parentElement.closest('a.helder-badge')) {
            const mark = node.parentElement.closest('mark.helder-mark');
            let inKind = false;
            for (let m = mark; m && block.contains(m); m = m.parentElement.closest('mark.helder-mark')) {
              if (m.dataset.kind === kind) { inKind = true; break; }
            }
            if (inKind) text += node.textContent;
          }
          node = walker.nextNode();
        }
        return text.replace(/\s+/g, ' ').trim();
      };
      const items = [...panel.querySelectorAll('li.helder-item')].map(li => {
        const link = li.querySelector('.helder-item__where a');
        const target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
        const block = target ? target.closest('[data-helder-line]') : null;
        return {
          id: li.id,
          level: li.dataset.level,
          levelWord: li.querySelector('.helder-item__level').textContent.trim(),
          group: li.closest('ol').previousElementSibling.textContent.replace(/\s+/g, ' ').trim(),
          rule: li.dataset.rule,
          line: li.dataset.line ? parseInt(li.dataset.line, 10) : null,
          message: li.querySelector('.helder-item__message').textContent.trim(),
          where: li.querySelector('.helder-item__where').textContent.replace(/\s+/g, ' ').trim(),
          targetFound: Boolean(target),
          targetKind: target && target.dataset ? (target.dataset.kind || null) : null,
          blockLine: block ? parseInt(block.dataset.helderLine, 10) : null,
          highlighted: target && target.matches('a.helder-badge') ? highlighted(target) : '',
          inMissingHelp: Boolean(target && target.closest('.helder-missing-help')),
        };
      });
      const missingHelp = document.querySelector('.helder-missing-help');
      const box = panel.getBoundingClientRect();
      return {
        panel: {
          title: panel.querySelector('h2').textContent.trim(),
          top: box.top + window.scrollY,
          width: box.width,
          pageWidth: document.documentElement.scrollWidth,
        },
        items,
        missingHelp: missingHelp ? {
          text: missingHelp.textContent.replace(/\s+/g, ' ').trim(),
          visible: missingHelp.getBoundingClientRect().height > 0,
          after: missingHelp.previousElementSibling ? missingHelp.previousElementSibling.textContent.trim() : null,
        } : null,
        legend: [...panel.querySelectorAll('.helder-legend li')].map(li => li.textContent.replace(/\s+/g, ' ').trim()),
      };
    });
    // The keyboard, as a keyboard user goes: Tab to the skip link, Enter, then Tab into the page.
    const active = () => page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        inPanel: Boolean(el.closest('#helder-meldingen')),
        skipLink: el.classList.contains('md-skip'),
        href: el.getAttribute('href'),
        text: (el.innerText || '').trim().slice(0, 60),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    await page.keyboard.press('Tab');
    const skip = await active();
    let reachedPanel = null;
    if (skip && skip.skipLink) {
      await page.keyboard.press('Enter');
      for (let i = 0; i < parseInt(tabsArg || '5', 10); i++) {
        await page.keyboard.press('Tab');
        const info = await active();
        if (info && info.inPanel) { reachedPanel = {tabsAfterSkipLink: i + 1, ...info}; break; }
      }
    }
    let followed = null;
    if (reachedPanel) {
      await page.keyboard.press('Enter');
      await new Promise(resolve => setTimeout(resolve, 300));
      followed = await page.evaluate(() => {
        const target = document.querySelector(':target');
        const box = target ? target.getBoundingClientRect() : null;
        return {
          hash: location.hash,
          targetInView: Boolean(box && box.bottom > 0 && box.top < window.innerHeight),
        };
      });
    }
    if (screenshot) {
      // The sticky page header would cover the top of an element screenshot: hide it for the picture.
      await page.evaluate(() => {
        const header = document.querySelector('.md-header');
        if (header) header.style.visibility = 'hidden';
        window.scrollTo(0, 0);
      });
      const panel = await page.$('#helder-meldingen');
      if (panel) await panel.screenshot({path: screenshot});
      const text = await page.$('[data-helder-line] mark.helder-mark');
      if (text) {
        const block = await text.evaluateHandle(el => el.closest('[data-helder-line]'));
        await block.asElement().screenshot({path: screenshot.replace(/\.png$/, '-tekst.png')});
      }
    }
    console.log(JSON.stringify({...seen, keyboard: {skip, reachedPanel, followed}}));
  } finally {
    await browser.close();
  }
})().catch(error => {
  console.error(error && error.stack || String(error));
  process.exit(1);
});
