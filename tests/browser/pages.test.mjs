// pages.test.mjs — the branch page and the designer page of `broadside serve`, driven in Debian's
// chromium (playwright-core, never Playwright's own browser) and checked with axe-core.
// Usage: node pages.test.mjs BASE_URL DESIGNS_DIR OUT_DIR   (run.sh starts the server)
import {chromium} from "playwright-core";
import {createRequire} from "node:module";
import {execFileSync} from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";

const [base, designsDir, outDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const TIMEOUT = 15000;

function step(name) { console.log("browser test: " + name); }

async function previewBytes(page, selector) {
  // Drawn to a canvas (the page's policy lets no script fetch its blob: images).
  return page.$eval(selector, async (img) => {
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    c.getContext("2d").drawImage(img, 0, 0);
    return c.toDataURL();
  });
}

async function axeSerious(page) {
  await page.addScriptTag({path: require.resolve("axe-core/axe.min.js")});
  const result = await page.evaluate(() => axe.run(document, {resultTypes: ["violations"]}));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id + ": " + v.help + " — " + v.nodes.map((n) => n.target.join(" ")).join("; "));
}

const browser = await chromium.launch({executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
                                       args: ["--no-sandbox", "--no-proxy-server"]});
try {
  const context = await browser.newContext({acceptDownloads: true, viewport: {width: 1200, height: 900}});
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const failures = [];
  page.on("pageerror", (e) => failures.push(String(e)));

  step("the gallery lists branch-poster-a4; the keyboard chooses it");
  await page.goto(base);
  const choice = page.locator('#gallery button[data-design="branch-poster-a4"]');
  await choice.waitFor();
  await choice.focus();
  await page.keyboard.press("Enter");
  assert.equal(await choice.getAttribute("aria-pressed"), "true");
  await page.waitForFunction(() => document.querySelector("#pages")?.dataset.version);
  await page.locator('#gallery button img[src^="blob:"]').first().waitFor();
  const before = await previewBytes(page, "#pages img");

  step("filling the fields redraws the preview");
  const version = await page.$eval("#pages", (p) => p.dataset.version);
  await page.getByLabel("Branch name").fill("Leeds branch");
  await page.getByLabel("Event date").fill("2026-03-14");
  await page.getByLabel("Event time").fill("Thursday 7pm");
  await page.getByLabel("Event place").fill("Leeds Civic Hall, Millennium Square");
  await page.waitForFunction((v) => document.querySelector("#pages").dataset.version !== v &&
      !document.querySelector("#pages").classList.contains("stale"), version);
  const after = await previewBytes(page, "#pages img");
  assert.notEqual(after, before, "the preview did not change after typing");
  assert.equal(await page.getByLabel("Event time").getAttribute("maxlength"), "32");
  assert.equal(await page.getByLabel("Event date").getAttribute("type"), "date");

  step("the PDF downloaded holds the values");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dl-pdf")]);
  const pdf = path.join(outDir, "branch.pdf");
  await download.saveAs(pdf);
  const text = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\s+/g, " ");
  for (const wanted of ["LEEDS BRANCH", "Thursday 7pm", "Leeds Civic Hall", "March 14, 2026"])
    assert.ok(text.includes(wanted), `the PDF lacks '${wanted}': ${text.slice(0, 400)}`);

  if (process.env.BROADSIDE_SCREENSHOT) {
    await page.waitForFunction(() => [...document.querySelectorAll("#gallery img")]
        .every((img) => img.src.startsWith("blob:") && img.complete));
    await page.setViewportSize({width: 1000, height: 760});
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({path: process.env.BROADSIDE_SCREENSHOT, fullPage: true});
    await page.setViewportSize({width: 1200, height: 900});
  }

  step("the social square downloads as a 1080 x 1080 px PNG of the same statement");
  assert.equal(await page.locator("#dl-square").isVisible(), true);
  const [square] = await Promise.all([page.waitForEvent("download"), page.click("#dl-square")]);
  const squarePng = fs.readFileSync(await square.path());
  assert.equal(squarePng.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([squarePng.readUInt32BE(16), squarePng.readUInt32BE(20)], [1080, 1080]);
  assert.match(square.suggestedFilename(), /^share-square-/);

  step("a CSV file makes a zip of one PDF per row, each with its row's values");
  await page.setInputFiles("#table", {name: "branches.csv", mimeType: "text/csv",
      buffer: Buffer.from("branch.name,event.place\nLeeds,Leeds Civic Hall\nYork,York Guildhall\n")});
  const [zip] = await Promise.all([page.waitForEvent("download"), page.click("#dl-rows")]);
  const zipFile = path.join(outDir, "rows.zip");
  await zip.saveAs(zipFile);
  const unzipped = path.join(outDir, "rows");
  execFileSync("python3", ["-m", "zipfile", "-e", zipFile, unzipped]);
  assert.deepEqual(fs.readdirSync(unzipped).sort(), ["01-Leeds.pdf", "02-York.pdf"]);
  const york = execFileSync("pdftotext", [path.join(unzipped, "02-York.pdf"), "-"]).toString();
  assert.ok(york.includes("York Guildhall") && york.includes("Thursday 7pm"), york.slice(0, 400));

  step("a CSV row that is refused is listed with its row and field; nothing is downloaded");
  await page.setInputFiles("#table", {name: "branches.csv", mimeType: "text/csv",
      buffer: Buffer.from("branch.name,event.time\nLeeds,7pm\nYork," + "x".repeat(40) + "\n")});
  await page.click("#dl-rows");
  await page.locator("#row-errors li").first().waitFor();
  assert.match(await page.locator("#row-errors li").first().textContent(), /^Row 2, Event time: .*32/);
  assert.equal(await page.locator("#row-errors li").count(), 1);

  step("a value that does not fit shows its message next to its field; the preview stays");
  const good = await page.$eval("#pages", (p) => p.dataset.version);
  await page.getByLabel("Event time").fill("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW");
  const error = page.locator("#var-event-time-error");
  await page.waitForFunction(() => document.querySelector("#var-event-time-error").textContent);
  assert.match(await error.textContent(), /does not fit/);
  assert.equal(await page.getByLabel("Event time").getAttribute("aria-invalid"), "true");
  assert.equal(await page.$eval("#pages", (p) => p.dataset.version), good);
  assert.ok(await page.locator("#pages img").count() >= 1);

  step("axe-core finds no serious violation");
  const violations = await axeSerious(page);
  assert.deepEqual(violations, []);

  step("at phone width nothing needs sideways scrolling");
  await page.setViewportSize({width: 375, height: 800});
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 376, `the page is ${width}px wide at 375px`);

  step("the designer page redraws when the design file changes on disk");
  const designer = await context.newPage();
  designer.setDefaultTimeout(TIMEOUT);
  designer.on("pageerror", (e) => failures.push(String(e)));
  await designer.goto(base + "designer?design=branch-poster-a4&statement=statement.en");
  await designer.waitForFunction(() => document.querySelector("#pages").dataset.version);
  const first = await previewBytes(designer, "#pages img");
  const v1 = await designer.$eval("#pages", (p) => p.dataset.version);
  const file = path.join(designsDir, "branch-poster-a4.yaml");
  const yaml = fs.readFileSync(file, "utf8");
  const recoloured = yaml.replace(/^    background: red$/m, "    background: ink");
  assert.notEqual(recoloured, yaml, "the test's edit no longer applies to the design");
  fs.writeFileSync(file, recoloured);
  await designer.waitForFunction((v) => document.querySelector("#pages").dataset.version !== v, v1);
  assert.notEqual(await previewBytes(designer, "#pages img"), first, "the page did not redraw");

  step("a broken design shows file:line:column and keeps the last good pages");
  const v2 = await designer.$eval("#pages", (p) => p.dataset.version);
  const broken = yaml.replace(/^  bleed: 3mm$/m, "  bleed: 3mm\n  colour: red");
  assert.notEqual(broken, yaml, "the test's edit no longer applies to the design");
  fs.writeFileSync(file, broken);
  await designer.locator("#problems li").first().waitFor();
  const problem = await designer.locator("#problems li").first().textContent();
  assert.match(problem, /^branch-poster-a4\.yaml:\d+:\d+: .*colour/);
  assert.equal(await designer.$eval("#pages", (p) => p.dataset.version), v2);
  assert.ok(await designer.locator("#pages img").count() >= 1);
  assert.deepEqual(await axeSerious(designer), []);
  fs.writeFileSync(file, yaml);

  assert.deepEqual(failures, [], "script errors on the pages");
  console.log("browser test: ok");
} finally {
  await browser.close();
}
