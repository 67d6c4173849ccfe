// @liveview-migrate/runtime/vite (issue 15): an app that builds with Vite gets the migrated views'
// bundles from its own `vite build`. The plugin finds the component modules, writes one entry per
// component and a manifest.json the server reads; the page the server then serves runs in Chromium
// (a note added through a command reaches the list by the sync stream and the component's action).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientManifest } from "../../../src/runtime/server/bundle.ts";
import { createRequestHandler } from "../../../src/runtime/server/index.ts";
import { liveviewMigrate } from "../../../src/runtime/vite/index.ts";
import { launchChromium } from "../../e2e/migrated-copy.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { firstPaint, listen, postCommand, SECRET } from "./helpers.ts";

const APP = resolve(import.meta.dirname, "app");
let out: string;
let manifest: ClientManifest;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "lvm-vite-"));
  await build({
    root: APP,
    configFile: false,
    logLevel: "silent",
    // the checkout's runtime is its sources (an installed app resolves the built package)
    resolve: { conditions: ["@liveview-migrate/source", "module", "browser", "import", "default"] },
    plugins: [liveviewMigrate({ outDir: out })],
  });
  manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as ClientManifest;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("the Vite plugin", () => {
  it("builds one entry per component module, flat files, and the manifest the server reads", () => {
    expect(Object.keys(manifest.entries)).toEqual(["album", "catalog", "notes"]);
    expect(manifest.format).toBe(1);
    const onDisk = readdirSync(out).filter((f) => f !== "manifest.json").sort();
    expect(manifest.files.filter((f) => f !== "manifest.json")).toEqual(onDisk);
    for (const entry of Object.values(manifest.entries)) {
      expect(onDisk).toContain(entry.file);
      for (const chunk of entry.imports) expect(onDisk).toContain(chunk);
    }
    // the upload machinery only in the bundle of the component that declares uploads
    const text = (name: string) => [manifest.entries[name]!.file, ...manifest.entries[name]!.imports].map((f) => readFileSync(join(out, f), "utf8")).join("\n");
    expect(text("album")).toContain("application/octet-stream");
    expect(text("notes")).not.toContain("application/octet-stream");
    // and the loaders only where they run again in the browser (read off the definition's keys as for uploads)
    expect(text("catalog")).toContain("load?.onResult");
    expect(text("notes")).toContain("load?.onResult");
    expect(text("album")).not.toContain("load?.onResult");
  });

  it("is served by the runtime from its manifest, and the page runs: a note added by a command reaches it through sync", async () => {
    const app = createNotesCommands();
    const handler = createRequestHandler({ secret: SECRET, clientBuild: out, routes: [{ path: "/notes", component: notes, commands: app.commands, clientModule: join(APP, "notes.component.ts") }] });
    const server = await listen(handler);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const scripts: string[] = [];
      page.on("request", (r) => r.url().includes("/_lvm/client/") && scripts.push(r.url().slice(r.url().lastIndexOf("/") + 1)));
      await page.goto(`${server.url}/notes`);
      expect(scripts).toContain(manifest.entries.notes!.file);
      // the sync stream is open once the component mounted: keep publishing until the list shows one
      const other = await firstPaint(`${server.url}/notes`);
      const auth = { cookie: other.cookie, "x-csrf-token": other.csrfToken };
      await expect
        .poll(async () => {
          await postCommand(server.url, "notes/addNote", { params: { text: "from vite" } }, auth);
          return page.locator("li", { hasText: "from vite" }).count();
        }, { timeout: 15_000, interval: 500 })
        .toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      await handler.close();
    }
  }, 60_000);
});

describe("the Vite plugin's page entries", () => {
  it("pass mount the features the definition's keys name, its listed children's included", () => {
    const fixtures = resolve(import.meta.dirname, "../client/fixtures");
    const plugin = liveviewMigrate({ components: ["tally.component.ts", "menu.component.ts", "toolbar.component.ts"] });
    plugin.config({ root: fixtures });
    const entry = (id: string) => plugin.load(`\0lvm-entry:${id}`)!;
    expect(entry("tally")).toContain("mount(component);");
    expect(entry("menu")).toContain('import { execJS } from "@liveview-migrate/runtime/js";');
    expect(entry("menu")).toContain("mount(component, { js: execJS });");
    // toolbar lists menu, whose template carries JS commands
    expect(entry("toolbar")).toContain('import { childComponents } from "@liveview-migrate/runtime/children";');
    expect(entry("toolbar")).toContain("mount(component, { children: childComponents, js: execJS });");
  });
});
