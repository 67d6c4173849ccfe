// `migrate verify` on the example app laid out the ways real projects are, none with the
// `src/router.ts` exporting `router` it once needed: the router inline in the server file and
// unexported, the router in another package exported under another name (found, and named with
// --router), the whole app in plain JS (types stripped, the router found by its shape), and no router
// at all. Each copy is migrated with `migrate apply` (three views, to keep
// the run short), then verified; every migrated view must be verified and equivalent.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fg from "fast-glob";
import { afterAll, describe, expect, it } from "vitest";
import { stripTypes } from "../../src/apply/strip-types.ts";
import { runApply } from "../../src/cli/run/apply.ts";
import { runVerify } from "../../src/cli/run/verify.ts";
import type { VerifyReport } from "../../src/verify/compare.ts";
import { EXAMPLE_APP } from "./original-app.ts";

const VIEWS = ["counterLiveView", "faqView", "volunteerSignupView"];
const FILES = ["src/views/counter.ts", "src/views/faq.ts", "src/views/volunteerSignup.ts"];
const ROUTES = ["/counter", "/help", "/signup"];
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function quietIo(cwd: string) {
  let out = "";
  let err = "";
  return {
    io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: { NO_COLOR: "1" }, cwd, setExitCode() {} },
    out: () => out,
    err: () => err,
  };
}

/** A copy of the example app (inside the checkout, so the app's packages resolve), rearranged by `layout`, then migrated. */
async function migratedCopy(label: string, layout: (copy: string) => void): Promise<string> {
  const scratch = resolve(import.meta.dirname, "../../tmp");
  mkdirSync(scratch, { recursive: true });
  const copy = join(scratch, `verify-layout-${label}-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  copies.push(copy);
  cpSync(EXAMPLE_APP, copy, { recursive: true });
  layout(copy);
  const { io, out, err } = quietIo(copy);
  const code = await runApply(copy, { report: false, allowDirty: true, only: VIEWS, typeCheck: false, bundleCheck: false }, io as never);
  if (code !== 0) throw new Error(`apply exited ${code}:\n${out()}${err()}`);
  return copy;
}

/** Runs `migrate verify --json` on the three views; returns the exit code and the report. */
async function verify(copy: string, extra: Record<string, unknown> = {}, files = FILES): Promise<{ code: number; report: VerifyReport; err: string }> {
  const { io, out, err } = quietIo(copy);
  const code = await runVerify(".", { json: true, depth: "2", maxPaths: "2", only: files, ...extra }, io as never);
  return { code, report: JSON.parse(out()) as VerifyReport, err: err() };
}

function expectAllEquivalent(result: { code: number; report: VerifyReport; err: string }, files = FILES): void {
  const { report } = result;
  expect(report.views.map((v) => [v.view, v.status, v.reason?.message ?? v.divergence?.diff ?? ""])).toEqual(files.map((f, i) => [`${f}#${VIEWS[i]}`, "equivalent", expect.any(String)]));
  expect(report.verified).toBe(3);
  expect(report.leaking).toBe(0);
  expect(report.bundleCheck).toEqual({ serverModules: expect.any(Number) });
  expect(result.code).toBe(0);
}

const read = (copy: string, file: string) => readFileSync(join(copy, file), "utf8");
const write = (copy: string, file: string, text: string) => {
  mkdirSync(join(copy, file, ".."), { recursive: true });
  writeFileSync(join(copy, file), text);
};
function replaced(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe("verify finds the routes wherever the project keeps them", () => {
  it("the router inline in the server file, unexported: found by its type, its views imported directly", async () => {
    const copy = await migratedCopy("inline", (dir) => {
      const router = read(dir, "src/router.ts");
      const imports = router.split("\n").filter((l) => l.startsWith("import "));
      const body = router
        .split("\n")
        .filter((l) => !l.startsWith("import ") && !l.startsWith("//"))
        .join("\n")
        .replace("export const router", "const router")
        .replace("export const viewsWithLiveComponents", "const viewsWithLiveComponents");
      let server = replaced(read(dir, "src/server.ts"), `import { router, viewsWithLiveComponents } from "./router.ts";\n`, imports.join("\n") + "\n");
      server = replaced(server, "const here =", `${body}\nconst here =`);
      write(dir, "src/server.ts", server);
      rmSync(join(dir, "src/router.ts"));
    });
    const result = await verify(copy);
    expectAllEquivalent(result);
    expect(result.report.views.map((v) => v.route)).toEqual(ROUTES);
    expect(result.report.routers).toEqual([expect.objectContaining({ file: "src/server.ts", name: "router", by: "type", routes: 18 })]);
    expect(result.report.routers[0]!.exportedAs).toBeUndefined();
  }, 40_000);

  it("the router in another package, exported as liveRouter: found, and --router names it", async () => {
    const copy = await migratedCopy("package", (dir) => {
      const router = read(dir, "src/router.ts").replaceAll('from "./views/', 'from "../../../src/views/').replace("export const router", "export const liveRouter");
      write(dir, "packages/routes/package.json", JSON.stringify({ name: "@harbor/routes", private: true, type: "module" }, null, 2));
      write(dir, "packages/routes/src/liveRoutes.ts", router);
      write(dir, "src/server.ts", replaced(read(dir, "src/server.ts"), `import { router, viewsWithLiveComponents } from "./router.ts";`, `import { liveRouter as router, viewsWithLiveComponents } from "../packages/routes/src/liveRoutes.ts";`));
      rmSync(join(dir, "src/router.ts"));
    });
    const found = await verify(copy);
    expectAllEquivalent(found);
    expect(found.report.views.map((v) => v.route)).toEqual(ROUTES);
    expect(found.report.routers).toEqual([expect.objectContaining({ file: "packages/routes/src/liveRoutes.ts", exportedAs: "liveRouter", by: "type" })]);
    // named by the user: the router module itself is imported and its routes matched to the views
    const named = await verify(copy, { router: "packages/routes/src/liveRoutes.ts#liveRouter" });
    expectAllEquivalent(named);
    expect(named.report.views.map((v) => v.route)).toEqual(ROUTES);
    expect(named.report.views[0]!.mountedBy).toContain("--router");
  }, 40_000);

  it("a plain-JS project (every module's types stripped, the router an untyped object): found by its shape", async () => {
    const copy = await migratedCopy("plain-js", (dir) => {
      for (const file of fg.sync("src/**/*.ts", { cwd: dir })) {
        const js = stripTypes(read(dir, file)).replace(/(from\s+["'][^"']+)\.ts(["'])/g, "$1.js$2");
        write(dir, file.replace(/\.ts$/, ".js"), js);
        rmSync(join(dir, file));
      }
      rmSync(join(dir, "tsconfig.json"), { force: true });
    });
    const jsFiles = FILES.map((f) => f.replace(/\.ts$/, ".js"));
    const result = await verify(copy, {}, jsFiles);
    expectAllEquivalent(result, jsFiles);
    expect(result.report.views.map((v) => v.route)).toEqual(ROUTES);
    expect(result.report.routers).toEqual([expect.objectContaining({ file: "src/router.js", name: "router", by: "shape" })]);
    // apply wired the routes next to the router it found by its shape, in the project's language
    expect(read(copy, "src/router.migrated.js")).toMatch(/path: "\/counter",\s+component: component\d/);
  }, 60_000);

  it("no router at all (the server is elsewhere): each view on a path of its own", async () => {
    const copy = await migratedCopy("none", (dir) => {
      rmSync(join(dir, "src/router.ts"));
      rmSync(join(dir, "src/server.ts"));
    });
    const result = await verify(copy);
    expectAllEquivalent(result);
    expect(result.report.routers).toEqual([]);
    expect(result.report.views.map((v) => v.route)).toEqual(["/__verify/1", "/__verify/2", "/__verify/3"]);
  }, 40_000);
});

describe("verify checks what the browser gets", () => {
  it("a component that renders the same but imports a server data module, or copies its dataset, fails with the bytes", async () => {
    const copy = await migratedCopy("leaks", () => {});
    const file = join(copy, "src/views/counter.component.ts");
    const text = readFileSync(file, "utf8");
    const runtimeImport = `import { defineComponent, html } from "@liveview-migrate/runtime";`;
    // the catalog module itself (searchProducts reads it behind simulated I/O: server state in the plan)
    writeFileSync(file, replaced(text, runtimeImport, `${runtimeImport}\nimport { searchProducts } from "../data/products.ts";\nexport const finder = searchProducts;`));
    const imported = await verify(copy, { only: ["src/views/counter.ts"] });
    expect(imported.code).toBe(1);
    expect(imported.report.views[0]).toMatchObject({ status: "equivalent", leaks: [expect.objectContaining({ kind: "module", module: "src/data/latency.ts" }), expect.objectContaining({ kind: "module", module: "src/data/products.ts" })] });
    expect(imported.report.views[0]!.leaks![1]!.bytes).toBeGreaterThan(100);
    expect(imported.report.verified).toBe(0);
    // values of its dataset pasted into the component
    writeFileSync(file, replaced(text, runtimeImport, `${runtimeImport}\nexport const shelf = ["oat milk", "rye bread", "black beans"];`));
    const copied = await verify(copy, { only: ["src/views/counter.ts"] });
    expect(copied.code).toBe(1);
    expect(copied.report.views[0]!.leaks).toEqual([{ kind: "data", module: "src/data/products.ts", why: expect.any(String), bytes: 28, samples: ["oat milk", "rye bread", "black beans"] }]);
    writeFileSync(file, text);
    const clean = await verify(copy, { only: ["src/views/counter.ts"] });
    expect(clean.report.views[0]!.leaks).toBeUndefined();
    expect(clean.report.bundleCheck).toEqual({ serverModules: expect.any(Number) });
    expect(clean.code).toBe(0);
  }, 60_000);
});

describe("verify never passes on nothing", () => {
  it("a folder with nothing migrated exits 1 and says so", async () => {
    const { io, out } = quietIo(EXAMPLE_APP);
    const code = await runVerify(EXAMPLE_APP, {}, io as never);
    expect(code).toBe(1);
    expect(out()).toContain("no migrated views found");
    expect(out()).toContain("verified 0 of 0 migrated views");
  });
});
