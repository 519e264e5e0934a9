// Save-to-preview: how long after an editor saves a page does the preview show the new findings?
// Usage: node preview_bench.cjs <node_modules> <browser> <url> <markdown file> <saves> <screenshot.png>
// Each save appends a new long sentence with its own word ("proefzin3"); the clock stops when that sentence
// is highlighted in the page (mkdocs serve rebuilt, the browser reloaded, the preview shows the finding).
'use strict';
const fs = require('fs');
const path = require('path');
const [nodeModules, browserPath, url, file, savesArg, screenshot] = process.argv.slice(2);
const puppeteer = require(path.join(nodeModules, 'puppeteer'));

const sentence = (word) => `\n\nDit is een ${word} die met opzet te lang is, zodat Helder hem meldt en de ` +
  'voorbeeldweergave hem in de tekst kleurt voor de redacteur.\n';

(async () => {
  const args = ['--disable-dev-shm-usage', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (process.getuid && process.getuid() === 0) args.unshift('--no-sandbox');
  const browser = await puppeteer.launch({executablePath: browserPath, args});
  const original = fs.readFileSync(file, 'utf-8');
  const samples = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 1024});
    await page.goto(url, {waitUntil: 'load', timeout: 60000});
    await page.waitForSelector('#helder-meldingen', {timeout: 60000});
    for (let i = 1; i <= parseInt(savesArg, 10); i++) {
      const word = `proefzin${i}`;
      const started = Date.now();
      fs.writeFileSync(file, original + sentence(word), 'utf-8');
      await page.waitForFunction(
        (w) => [...document.querySelectorAll('mark.helder-mark[data-kind="sentence"]')]
          .some(m => m.textContent.includes(w)),
        {timeout: 120000, polling: 50}, word);
      samples.push((Date.now() - started) / 1000);
      await new Promise(resolve => setTimeout(resolve, 500));  // let the server settle between saves
    }
    if (screenshot) {
      await page.evaluate(() => {
        const header = document.querySelector('.md-header');
        if (header) header.style.visibility = 'hidden';
      });
      const panel = await page.$('#helder-meldingen');
      await panel.screenshot({path: screenshot});
    }
  } finally {
    fs.writeFileSync(file, original, 'utf-8');
    await browser.close();
  }
  console.log(JSON.stringify({samples}));
})().catch(error => {
  console.error(error && error.stack || String(error));
  process.exit(1);
});
