// mitreden's accessibility audit uses the system's Chromium (or CHROMIUM_PATH); puppeteer must not
// download a browser of its own when `npm install` runs (written by `mitreden init`).
module.exports = { skipDownload: true };
