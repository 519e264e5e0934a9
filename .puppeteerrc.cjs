// Puppeteer must never download its own browser: the gate uses the system Chromium (/usr/bin/chromium),
// and the download fails on networks that only reach the package registries. Plain `npm ci` honours this.
module.exports = { skipDownload: true };
