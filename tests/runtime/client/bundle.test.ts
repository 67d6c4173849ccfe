// The browser bundle: small, free of the tool and the server runtime, and free of eval (so it runs
// under a Content-Security-Policy without 'unsafe-eval').
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

describe("client bundle", async () => {
  const result = await build({
    entryPoints: ["src/runtime/client/index.ts"],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;

  it("imports only the client, the template layer, the contract and morphdom", () => {
    const inputs = Object.keys(result.metafile.inputs);
    const outside = inputs.filter((p) => !/^(src\/runtime\/(client|template)\/|src\/runtime\/contract\.ts$|node_modules\/morphdom\/)/.test(p));
    expect(outside).toEqual([]);
  });

  it("uses no eval or Function constructor", () => {
    expect(code).not.toMatch(/\beval\(|new Function\(|\bFunction\(/);
  });

  // The whole entry (every helper, static upload configs): 10.5 KiB when uploads landed, 11.04 KiB
  // with carried state and call ids (exactly-once commands), 10,477 B once loaders, child components
  // and the JS command runner became mount options (issue 15) like the sync client and uploads; a
  // page's own bundle is tree-shaken and smaller. LiveViewJS's client is ~31 KiB.
  it("stays within 10.5 KiB minified + gzip (bench/runtime-client.bench.ts reports the exact figure)", () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(10.5 * 1024);
  });

  it("reaches none of the optional features (with code splitting, what the index reaches is in every page)", () => {
    const inputs = Object.keys(result.metafile.inputs);
    for (const file of ["uploads", "sync-stream", "loaders", "children", "js-exec"]) expect(inputs).not.toContain(`src/runtime/client/${file}.ts`);
  });
});

// Issue 15: a page carries only the features its component uses. The server's page entry mounts its
// component with each optional feature (client/features.ts) only when the component uses it: uploads
// when it declares them, the sync client when it follows topics, the loaders when they run again in
// the browser (load.params, rerunOnConnect, a sync reset), child components when it lists
// `components`, the JS command runner when it (or a child) sets `jsCommands`. A page with none is
// under 9,400 bytes min+gzip.
/** Text only each feature's code has, after minifying. */
const MARKERS = {
  /** uploads.ts: the type of a file without one. */
  uploads: "application/octet-stream",
  /** sync-stream.ts: a closed EventSource's readyState. */
  sync: ".readyState",
  /** loaders.ts: where a load command's answer goes (view.ts no longer reads it). */
  loaders: "load?.onResult",
  /** children.ts: a child's update. */
  children: ".update?.(",
  /** js-exec.ts: transitions start on the next frame. */
  js: "requestAnimationFrame",
};

describe("page bundles", async () => {
  const { buildClientBundle } = await import("../../../src/runtime/server/bundle.ts");
  const fixtures = new URL("./fixtures/", import.meta.url);
  const app = new URL("../server/app/", import.meta.url);
  const { tally } = await import("./fixtures/tally.component.ts");
  const { menu } = await import("./fixtures/menu.component.ts");
  const { toolbar } = await import("./fixtures/toolbar.component.ts");
  const { catalog } = await import("../server/app/catalog.component.ts");
  const { notes } = await import("../server/app/notes.component.ts");
  const { album } = await import("../server/app/album.component.ts");
  const bundle = await buildClientBundle([
    { component: tally, clientModule: new URL("tally.component.ts", fixtures) },
    { component: menu, clientModule: new URL("menu.component.ts", fixtures) },
    { component: toolbar, clientModule: new URL("toolbar.component.ts", fixtures) },
    { component: catalog, clientModule: new URL("catalog.component.ts", app) },
    { component: notes, clientModule: new URL("notes.component.ts", app) },
    { component: album, clientModule: new URL("album.component.ts", app) },
  ]);
  const page = (name: string) => {
    const entry = bundle.entries.get(name)!;
    const files = [entry.file, ...entry.imports].map((f) => bundle.assets.get(f)!.body.toString());
    return { code: files.join("\n"), gzip: files.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0) };
  };
  /** The features whose code is in the page of `name`. */
  const featuresIn = (name: string) => (Object.keys(MARKERS) as (keyof typeof MARKERS)[]).filter((feature) => page(name).code.includes(MARKERS[feature]));

  // 9,774 B with loaders, child components and the JS command runner in the core; 9,235 B without.
  it("the smallest kind of view's page (a client action, no command, sync or upload) is under 9,400 bytes min+gzip", () => {
    // one file as the page loads it (code splitting over several pages adds per-file overhead: built alone here)
    return buildClientBundle([{ component: tally, clientModule: new URL("tally.component.ts", fixtures) }]).then((alone) => {
      const files = [...alone.assets.values()].map((a) => a.body);
      expect(files.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0)).toBeLessThan(9_400);
      for (const marker of Object.values(MARKERS)) expect(files.join("\n")).not.toContain(marker);
    });
  });

  it("each page has the code of exactly the features its component uses", () => {
    expect(featuresIn("tally")).toEqual([]);
    expect(featuresIn("album")).toEqual(["uploads"]);
    // shared keys reloaded after a sync reset
    expect(featuresIn("notes")).toEqual(["sync", "loaders"]);
    // load.params runs on every navigation
    expect(featuresIn("catalog")).toEqual(["loaders"]);
    expect(featuresIn("menu")).toEqual(["js"]);
    // the child it lists carries JS commands
    expect(featuresIn("toolbar")).toEqual(["children", "js"]);
  });
});
