// Drives Trace's provenance page in headless Chromium and prints what a visitor sees, as one JSON object on stdout.
// The C# test (tests/TraceApi.Tests/Provenance/ProvenancePageBrowserTests.cs) seeds a node, runs this and asserts.
//   node provenance-page.mjs '{"chromium":"/usr/bin/chromium","pageUrl":"…","recordUrls":["…"],"screenshot":"/tmp/x.png"}'
import { chromium } from "playwright-core";

const args = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: args.chromium, headless: true, args: ["--no-sandbox"] });
const out = { console: [] };
try {
  // A phone-sized screen: the page must work there.
  const phone = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  const page = await phone.newPage();
  page.on("console", (m) => out.console.push(m.type() + ": " + m.text()));
  page.on("pageerror", (e) => out.console.push("pageerror: " + e.message));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto(args.pageUrl, { waitUntil: "load" });
  out.status = response.status();
  const text = async (selector) => (await page.locator(selector).count()) ? (await page.locator(selector).first().innerText()).trim() : null;
  out.product = await text("#product");
  out.producer = await text("#producer");
  out.perUnit = await text("#footprint-per-unit");
  out.verifiedShare = await text("#verified-share");
  out.withdrawn = await text("#withdrawn");
  out.records = await page.locator("li.record").evaluateAll((items) => items.map((li) => ({
    id: li.dataset.record,
    badge: li.querySelector(".badge").innerText.trim(),
    badgeVisible: li.querySelector(".badge").getBoundingClientRect().width > 0,
    issuer: li.querySelector(".issuer")?.innerText.trim() ?? null,
  })));
  out.graphNodes = await page.locator("svg.graph g.node").count();
  out.chartBars = await page.locator("svg.chart rect").count();
  out.qr = await page.locator("#qr svg").count();
  out.horizontalOverflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  out.foreignRequests = requests.filter((u) => new URL(u).origin !== new URL(args.pageUrl).origin);
  await page.screenshot({ path: args.screenshot, fullPage: true });

  // Each record page verifies in the browser against the chain.
  out.recordPages = [];
  for (const url of args.recordUrls) {
    const recordPage = await phone.newPage();
    recordPage.on("pageerror", (e) => out.console.push("pageerror: " + e.message));
    await recordPage.goto(url, { waitUntil: "load" });
    await recordPage.waitForFunction(() => document.getElementById("verdict")?.dataset.result, null, { timeout: 30000 });
    out.recordPages.push({
      url,
      result: await recordPage.locator("#verdict").getAttribute("data-result"),
      verdict: (await recordPage.locator("#verdict").innerText()).trim(),
      checks: await recordPage.locator("#checks li").evaluateAll((items) => items.map((li) => ({ name: li.dataset.check ?? "", passed: li.className === "pass", text: li.innerText }))),
    });
    if (args.recordScreenshot && out.recordPages.length === 1) await recordPage.screenshot({ path: args.recordScreenshot, fullPage: true });
    await recordPage.close();
  }

  // JavaScript off: the key figures are still there.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 915 } });
  const plain = await noScript.newPage();
  await plain.goto(args.pageUrl, { waitUntil: "load" });
  out.noJavaScript = {
    perUnit: (await plain.locator("#footprint-per-unit").innerText()).trim(),
    verifiedShare: (await plain.locator("#verified-share").innerText()).trim(),
    badges: await plain.locator("li.record .badge").allInnerTexts(),
  };
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
