import { chromium } from "@playwright/test";
const [url, out, cookieJar, width] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: Number(width || 1280), height: 800 } });
if (cookieJar) {
  const fs = await import("node:fs");
  const lines = fs.readFileSync(cookieJar, "utf8").split("\n").filter((l) => l && (!l.startsWith("#") || l.startsWith("#HttpOnly_")));
  await context.addCookies(lines.map((l) => { const p = l.replace(/^#HttpOnly_/, "").split("\t"); return { name: p[5], value: p[6], domain: "localhost", path: "/", httpOnly: true }; }));
}
const page = await context.newPage();
const messages = [];
page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
const resp = await page.goto(url);
await page.waitForTimeout(1500);
console.log("status", resp.status(), "title", await page.title());
console.log(messages.join("\n"));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
