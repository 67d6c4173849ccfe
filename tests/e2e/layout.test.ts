// Migrated pages in the app's own page shell: the generated wiring passes the app's LiveViewJS page and
// wrapper templates as the runtime's layout. A migrated page (release notes, with JS commands) and a page
// still on LiveViewJS show the same header and stylesheet; the app's Phoenix client, loaded by the page
// template, leaves the migrated page alone (each JS command runs once, no socket).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const COPY = join(REPO, "tmp", `e2e-layout-${process.pid}`);

let browser: Browser;
let server: ChildProcess | undefined;
let url: string;

function startCopyServer(): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "tests", "e2e", "partial-apply.serve.ts"), COPY], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) => reject(new Error(`copy's server exited (${code}) before listening:\n${stderr}`)));
  });
}

beforeAll(async () => {
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(join(REPO, "tmp"), { recursive: true });
  cpSync(join(REPO, "fixtures", "example-app"), COPY, { recursive: true });
  const applied = spawnSync(process.execPath, [join(REPO, "bin", "migrate.js"), "apply", COPY, "--allow-dirty", "--no-report", "--only", "releaseNotesView"], { cwd: REPO, encoding: "utf8" });
  if (applied.status !== 0) throw new Error(`apply failed (${applied.status}):\n${applied.stdout}${applied.stderr}`);
  [browser, url] = await Promise.all([chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] }), startCopyServer()]);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
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
    await page.goto(`${url}/release-notes`);
    expect(await page.locator("main > [data-lvm-root=releaseNotes]").count()).toBe(1); // served by the runtime
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
    await context.close();
  }, 60_000);
});
