// Migrated pages in the app's own page shell: the generated wiring passes the app's LiveViewJS page and
// wrapper templates as the runtime's layout. A migrated page (release notes, with JS commands) and a page
// still on LiveViewJS show the same header and stylesheet; the app's Phoenix client, loaded by the page
// template, leaves the migrated page alone (each JS command runs once, no socket).
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, migratedCopy, startCopyServer, type CopyServer } from "./migrated-copy.ts";

let browser: Browser;
let server: CopyServer | undefined;
let url: string;
let COPY: string;

beforeAll(async () => {
  // without the example's config (layout.dropScripts), the page template's LiveViewJS client loads
  // on the migrated page too, and must leave it alone
  ({ copy: COPY } = migratedCopy("e2e-layout", ["releaseNotesView"], (copy) => rmSync(join(copy, "migrate.config.json"))));
  [browser, server] = await Promise.all([launchChromium(), startCopyServer(COPY)]);
  url = server.url;
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(COPY, { recursive: true, force: true });
});

describe("the layout of migrated pages", () => {
  it("is the app's page shell, the same as on a LiveViewJS page, and JS commands run once", async () => {
    const context = await browser.newContext();
    const original = await context.newPage();
    await original.goto(`${url}/counter`); // still on LiveViewJS
    await original.locator("[data-phx-main].phx-connected").waitFor();
    const shell = await original.locator("header.topbar").evaluate((el) => el.outerHTML);

    const page = await context.newPage();
    const sockets: string[] = [];
    const errors: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    // the runtime's strict policy (scripts by nonce) lets the app's page shell and client run
    const violations: string[] = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto(`${url}/release-notes`);
    expect((await page.request.get(`${url}/release-notes`)).headers()["content-security-policy"]).toMatch(/^script-src 'nonce-[^']+' 'strict-dynamic'/);
    expect(await page.locator("main > [data-lvm-root=releaseNotes]").count()).toBe(1); // served by the runtime
    expect(await page.locator('script[src="/js/app.js"]').count()).toBe(1); // the app's client is on the page (no dropScripts)
    expect(await page.locator("header.topbar").evaluate((el) => el.outerHTML)).toBe(shell);
    expect(await page.title()).toBe(await original.title());
    expect(await page.locator("header.topbar").evaluate((el) => getComputedStyle(el).display)).toBe("flex"); // /app.css

    // phx-click="[[toggle …], …]": shown once (twice would hide it again)
    const body = page.locator(".note-body").first();
    expect(await body.isVisible()).toBe(false);
    await page.locator(".note button").first().click();
    await body.waitFor({ state: "visible" });
    await page.waitForTimeout(300);
    expect(await body.isVisible()).toBe(true);
    expect(sockets).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);
});
