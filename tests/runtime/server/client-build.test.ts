// Client bundles built ahead of time (`migrate build`): the files and manifest written, the server
// serving them instead of building (found in build/client of the app's root, or named), a build that
// lacks a route's component stopping the server at start, and production refusing to start without one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildClientBundle, findClientBuild, writeClientBuild, type ClientManifest } from "../../../src/runtime/server/bundle.ts";
import { createRequestHandler } from "../../../src/runtime/server/index.ts";
import { PROTOCOL } from "../../../src/runtime/contract.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { album } from "./app/album.component.ts";
import { listen, SECRET } from "./helpers.ts";

let app: string;
let manifest: ClientManifest;
const savedEnv = process.env.NODE_ENV;

beforeAll(async () => {
  // an app root (package.json) whose compiled module sits where the sources are not: the build is found from it
  app = mkdtempSync(join(tmpdir(), "lvm-client-build-"));
  writeFileSync(join(app, "package.json"), "{}\n");
  mkdirSync(join(app, "dist", "views"), { recursive: true });
  const bundle = await buildClientBundle([{ component: notes, clientModule: new URL("./app/notes.component.ts", import.meta.url) }]);
  manifest = writeClientBuild(bundle, join(app, "build", "client"));
}, 60_000);

afterEach(() => {
  if (savedEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = savedEnv;
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

const route = (component: typeof notes, dir = app) => ({ path: "/notes", component, commands: createNotesCommands().commands, clientModule: join(dir, "dist", "views", "notes.component.js") });

describe("client build", () => {
  it("writes content-hashed files and a manifest naming each component's entry", () => {
    expect(Object.keys(manifest.entries)).toEqual(["notes"]);
    expect(manifest.entries.notes!.file).toMatch(/^notes-[A-Z0-9]+\.js$/);
    expect(manifest.files).toContain(manifest.entries.notes!.file);
    const onDisk = JSON.parse(readFileSync(join(app, "build", "client", "manifest.json"), "utf8")) as ClientManifest;
    expect(onDisk).toEqual(manifest);
    expect(findClientBuild([route(notes)])).toBe(join(app, "build", "client"));
  });

  it("the server serves the build it finds in the app's root: the page's script is the manifest's file, byte for byte", async () => {
    // marked on disk: a bundle built at run time (same sources, same hash) would not have the mark
    const file = join(app, "build", "client", manifest.entries.notes!.file);
    writeFileSync(file, readFileSync(file, "utf8") + "\n// read from build/client\n");
    process.env.NODE_ENV = "production";
    const handler = createRequestHandler({ secret: SECRET, routes: [route(notes)] });
    const server = await listen(handler);
    try {
      const page = await (await fetch(`${server.url}/notes`)).text();
      const script = `${PROTOCOL.base}${PROTOCOL.clientPath}/${manifest.entries.notes!.file}`;
      expect(page).toContain(`src="${script}"`);
      const asset = await fetch(`${server.url}${script}`);
      expect(asset.status).toBe(200);
      const body = Buffer.from(await asset.arrayBuffer());
      expect(body.toString()).toContain("// read from build/client");
      expect(body.equals(readFileSync(file))).toBe(true);
    } finally {
      await server.close();
      await handler.close();
    }
  });

  it("a build without a route's component stops the server at start, saying to build again", () => {
    expect(() => createRequestHandler({ secret: SECRET, routes: [route(notes), { ...route(album as never), path: "/album" }] })).toThrow(/no bundle for "album".*npx migrate build/);
  });

  it("in production, no build is a clear error at start; clientBuild: false builds at run time instead", () => {
    const bare = mkdtempSync(join(tmpdir(), "lvm-no-build-"));
    try {
      writeFileSync(join(bare, "package.json"), "{}\n");
      process.env.NODE_ENV = "production";
      expect(() => createRequestHandler({ secret: SECRET, routes: [route(notes, bare)] })).toThrow(/no client build found.*npx migrate build/);
      expect(() => createRequestHandler({ secret: SECRET, routes: [route(notes, bare)], clientBuild: false }).close()).not.toThrow();
      process.env.NODE_ENV = "development";
      expect(() => createRequestHandler({ secret: SECRET, routes: [route(notes, bare)] }).close()).not.toThrow();
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
