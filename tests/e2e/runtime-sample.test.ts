// End to end in real Chromium on fixtures/runtime-sample: client actions with no network, a form
// validated as you type, a list another browser context changes through sync, a failing command,
// reload, the server restarted mid-session, and offline then online.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startSample, type SampleServer } from "../runtime/server/helpers.ts";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let browser: Browser;
let server: SampleServer;
let port: number;
let dataDir: string;
const contexts: BrowserContext[] = [];

async function restartServer(): Promise<void> {
  await server.kill(); // SIGKILL: a crash, not a graceful stop
  server = await startSample({ port, dataFile: join(dataDir, "volunteers.json") });
}

async function open(path: string, context?: BrowserContext): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  if (!context) contexts.push((context = await browser.newContext()));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => /Content Security Policy/i.test(message.text()) && errors.push(message.text()));
  // goto waits for `load`: module scripts (the client bundle, which mounts) have run by then.
  await page.goto(`${server.url}${path}`);
  return { page, context, errors };
}

const textOf = (page: Page, selector: string) => page.locator(selector).innerText();
const waitText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent?.includes(t) ?? false, [selector, text] as const);
const listNames = (page: Page) => page.locator("#volunteer-list li").allInnerTexts();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lvm-e2e-"));
  port = await freePort();
  [browser, server] = await Promise.all([
    chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS }),
    startSample({ port, dataFile: join(dataDir, "volunteers.json") }),
  ]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("runtime sample in Chromium", () => {
  it("counter: clicks update the DOM with no request, and the count survives a reload (sessionStorage)", async () => {
    const { page, errors } = await open("/");
    expect(await textOf(page, "#count")).toBe("0");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.click("#inc");
    await page.click("#inc");
    await page.click("#inc");
    await page.click("#dec");
    await waitText(page, "#count", "2");
    expect(requests).toEqual([]);
    await page.reload();
    await waitText(page, "#count", "2");
    await page.click("#inc");
    await waitText(page, "#count", "3");
    expect(errors).toEqual([]);
  });

  it("form: validates as you type in the browser, saves through a command, clears", async () => {
    const { page, errors } = await open("/volunteers");
    await page.locator("#input_name").pressSequentially("A");
    await waitText(page, "#typing", "A");
    await waitText(page, "form", "Name must be at least 2 characters");
    await page.locator("#input_name").pressSequentially("da");
    await waitText(page, "#typing", "Ada");
    expect(await textOf(page, "form")).not.toContain("Name must be at least 2 characters");
    await page.locator("#input_phone").pressSequentially("555");
    await waitText(page, "form", "Phone must look like 555-555-5555");
    // Submitting an invalid form never reaches the server.
    const commands: string[] = [];
    page.on("request", (request) => request.url().includes("/_lvm/command/") && commands.push(request.url()));
    await page.click("button[type=submit]");
    await waitText(page, "form", "Phone must look like 555-555-5555");
    expect(commands.filter((url) => url.endsWith("/addVolunteer"))).toEqual([]);
    await page.locator("#input_phone").fill("555-555-0101");
    await page.click("button[type=submit]");
    await waitText(page, "#volunteer-list", "Ada (555-555-0101)");
    expect(commands.filter((url) => url.endsWith("/addVolunteer")).length).toBe(1);
    // the list arrives on the sync stream, the command's answer (which clears the form) on its own
    // request: either may land first
    await expect.poll(() => page.locator("#input_name").inputValue(), { timeout: 5000 }).toBe("");
    // Reload: the list is server state, so it is still there; the form starts empty again.
    await page.reload();
    expect(await listNames(page)).toContain("Ada (555-555-0101)");
    expect(await page.locator("#input_name").inputValue()).toBe("");
    expect(errors).toEqual([]);
  });

  it("sync: a volunteer added in one browser context appears in another without reload", async () => {
    const alice = await open("/volunteers");
    const bob = await open("/volunteers");
    const before = await listNames(bob.page);
    await alice.page.locator("#input_name").fill("Grace");
    await alice.page.locator("#input_phone").fill("555-555-0102");
    await alice.page.click("button[type=submit]");
    await waitText(bob.page, "#volunteer-list", "Grace (555-555-0102)");
    expect(await listNames(bob.page)).toEqual([...before, "Grace (555-555-0102)"]);
    await waitText(alice.page, "#volunteer-list", "Grace (555-555-0102)");
    expect(await listNames(alice.page)).toEqual([...before, "Grace (555-555-0102)"]); // once, not twice
  });

  it("a command that fails shows its code and message", async () => {
    const { page } = await open("/volunteers");
    await page.click("#check-in-all");
    await waitText(page, "#error", "NOT_ALLOWED: Only coordinators can check everyone in");
  });

  it("server restarted mid-session: client state is kept, commands and sync work again", async () => {
    const alice = await open("/volunteers");
    const bob = await open("/volunteers");
    const counter = await open("/", alice.context);
    await counter.page.click("#inc");
    await counter.page.click("#inc");
    await waitText(counter.page, "#count", "2");
    await alice.page.locator("#input_name").fill("Katherine");
    await waitText(alice.page, "#typing", "Katherine");

    await restartServer();

    // Nothing of the client's state lived on the server.
    expect(await textOf(counter.page, "#count")).toBe("2");
    await counter.page.click("#inc");
    await waitText(counter.page, "#count", "3");
    expect(await alice.page.locator("#input_name").inputValue()).toBe("Katherine");
    // The session cookie and CSRF token are still valid (same secret): the command goes through.
    await alice.page.locator("#input_phone").fill("555-555-0103");
    await alice.page.click("button[type=submit]");
    await waitText(alice.page, "#volunteer-list", "Katherine (555-555-0103)");
    // Bob's stream reconnects to the new process (a reset: the in-memory log restarted) and catches up.
    await waitText(bob.page, "#volunteer-list", "Katherine (555-555-0103)");
    expect((await listNames(bob.page)).filter((name) => name.startsWith("Katherine"))).toEqual(["Katherine (555-555-0103)"]);
  });

  it("offline then online: ui actions keep working offline, a command fails clearly, sync catches up", async () => {
    const alice = await open("/volunteers");
    const bob = await open("/volunteers");
    const counter = await open("/", bob.context);
    await bob.context.setOffline(true);
    await counter.page.click("#inc");
    await waitText(counter.page, "#count", "1");
    await bob.page.locator("#input_name").fill("Dorothy");
    await bob.page.locator("#input_phone").fill("555-555-0104");
    await bob.page.click("button[type=submit]");
    await waitText(bob.page, "#error", "NETWORK_ERROR");
    // While Bob is offline, Alice adds someone.
    await alice.page.locator("#input_name").fill("Mary");
    await alice.page.locator("#input_phone").fill("555-555-0105");
    await alice.page.click("button[type=submit]");
    await waitText(alice.page, "#volunteer-list", "Mary (555-555-0105)");
    await bob.context.setOffline(false);
    await waitText(bob.page, "#volunteer-list", "Mary (555-555-0105)");
    expect((await listNames(bob.page)).filter((name) => name.startsWith("Mary"))).toEqual(["Mary (555-555-0105)"]);
    // And Bob's own command works again once online.
    await bob.page.click("button[type=submit]");
    await waitText(bob.page, "#volunteer-list", "Dorothy (555-555-0104)");
  });
});
