import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discoverFiles } from "../../src/discovery/index.ts";
import { makeTree, type Tree } from "./make-tree.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

const paths = async (root: string, options = {}) => (await discoverFiles(root, options)).files.map((file) => file.path);

describe("discoverFiles", () => {
  it("finds .ts .tsx .js .mjs .cjs files, skips declaration files and other extensions, sorted POSIX paths", async () => {
    tree = makeTree({
      "src/b.ts": "",
      "src/a.tsx": "",
      "src/z/deep.mjs": "",
      "lib.cjs": "",
      "main.js": "",
      "types.d.ts": "",
      "more.d.mts": "",
      "README.md": "",
      "data.json": "{}",
      "style.css": "",
    });
    expect(await paths(tree.root)).toEqual(["lib.cjs", "main.js", "src/a.tsx", "src/b.ts", "src/z/deep.mjs"]);
  });

  it("records each file's size", async () => {
    tree = makeTree({ "a.ts": "12345" });
    const { files } = await discoverFiles(tree.root);
    expect(files).toEqual([{ path: "a.ts", absolutePath: `${tree.root}/a.ts`, size: 5 }]);
  });

  it("skips node_modules, dist, build, coverage and .git at any depth", async () => {
    tree = makeTree({
      "src/keep.ts": "",
      "node_modules/pkg/index.js": "",
      "packages/web/node_modules/pkg/index.js": "",
      "packages/web/src/app.ts": "",
      "dist/out.js": "",
      "build/out.js": "",
      "packages/web/build/out.js": "",
      "coverage/lcov.js": "",
      ".git/hooks/pre-commit.js": "",
      // Only folders are excluded by name: a file called build.ts is source.
      "src/build.ts": "",
    });
    expect(await paths(tree.root)).toEqual(["packages/web/src/app.ts", "src/build.ts", "src/keep.ts"]);
  });

  it("respects the root .gitignore and nested ones, with negation in a deeper file", async () => {
    tree = makeTree({
      ".gitignore": "generated/\n*.gen.ts\n/top-only.ts\n",
      "top-only.ts": "",
      "src/top-only.ts": "",
      "generated/api.ts": "",
      "src/a.gen.ts": "",
      "src/a.ts": "",
      "src/.gitignore": "local.ts\n!keep.gen.ts\n",
      "src/local.ts": "",
      "src/keep.gen.ts": "",
      "other/local.ts": "",
      "src/deep/local.ts": "",
    });
    expect(await paths(tree.root)).toEqual(["other/local.ts", "src/a.ts", "src/keep.gen.ts", "src/top-only.ts"]);
  });

  it("can be told to ignore .gitignore files", async () => {
    tree = makeTree({ ".gitignore": "*.ts\n", "a.ts": "" });
    expect(await paths(tree.root)).toEqual([]);
    expect(await paths(tree.root, { gitignore: false })).toEqual(["a.ts"]);
  });

  it("applies --include and --exclude globs relative to the root", async () => {
    tree = makeTree({
      "src/views/counter.ts": "",
      "src/views/counter.test.ts": "",
      "src/views/legacy/old.ts": "",
      "src/data/store.ts": "",
      "scripts/seed.js": "",
    });
    expect(await paths(tree.root, { include: ["src/views/**"] })).toEqual([
      "src/views/counter.test.ts",
      "src/views/counter.ts",
      "src/views/legacy/old.ts",
    ]);
    expect(await paths(tree.root, { exclude: ["*.test.ts", "legacy/"] })).toEqual(["scripts/seed.js", "src/data/store.ts", "src/views/counter.ts"]);
    expect(await paths(tree.root, { include: ["src/**/*.ts"], exclude: ["src/data"] })).toEqual([
      "src/views/counter.test.ts",
      "src/views/counter.ts",
      "src/views/legacy/old.ts",
    ]);
  });

  it("follows a symlink to a file, under the link's own path", async () => {
    tree = makeTree({ "real/view.ts": "export {}" }, { "src/linked.ts": "../real/view.ts" });
    const { files, errors } = await discoverFiles(tree.root);
    expect(files.map((file) => file.path)).toEqual(["real/view.ts", "src/linked.ts"]);
    expect(files[1].size).toBe(9);
    expect(errors).toEqual([]);
  });

  it("reports a symlink to an ancestor folder as SYMLINK_LOOP once, without walking it", async () => {
    tree = makeTree({ "src/a.ts": "" }, { "src/loop": "..", "src/self": "." });
    const { files, errors } = await discoverFiles(tree.root);
    expect(files.map((file) => file.path)).toEqual(["src/a.ts"]);
    expect(errors.map((error) => [error.file, error.code])).toEqual([
      ["src/loop", "SYMLINK_LOOP"],
      ["src/self", "SYMLINK_LOOP"],
    ]);
  });

  it("a link to a folder above the root (its parent, `/`) is a loop: neither the root again nor what lies beside it is walked", async () => {
    tree = makeTree({ "app/src/a.ts": "", "sibling/secret.ts": "" }, { "app/up": "..", "app/top": "/" });
    const { files, errors } = await discoverFiles(join(tree.root, "app"));
    expect(files.map((file) => file.path)).toEqual(["src/a.ts"]);
    expect(errors.map((error) => [error.file, error.code])).toEqual([
      ["top", "SYMLINK_LOOP"],
      ["up", "SYMLINK_LOOP"],
    ]);
  });

  it("a link named like a source file to a device is reported, not dropped and not read", async () => {
    tree = makeTree({ "ok.ts": "" }, { "zero.ts": "/dev/zero" });
    const { files, errors } = await discoverFiles(tree.root);
    expect(files.map((file) => file.path)).toEqual(["ok.ts"]);
    expect(errors.map((error) => [error.file, error.code])).toEqual([["zero.ts", "UNREADABLE"]]);
  });

  it("reports links that resolve to themselves (ELOOP) as SYMLINK_LOOP", async () => {
    tree = makeTree({ "ok.ts": "" }, { "a.ts": "b.ts", "b.ts": "a.ts" });
    const { files, errors } = await discoverFiles(tree.root);
    expect(files.map((file) => file.path)).toEqual(["ok.ts"]);
    expect(errors.map((error) => [error.file, error.code])).toEqual([
      ["a.ts", "SYMLINK_LOOP"],
      ["b.ts", "SYMLINK_LOOP"],
    ]);
    expect(errors[0].message).toMatch(/loop/);
  });

  it("reports a broken symlink to a source file as UNREADABLE", async () => {
    tree = makeTree({ "ok.ts": "" }, { "gone.ts": "missing.ts", "gone-dir": "missing-dir" });
    const { files, errors } = await discoverFiles(tree.root);
    expect(files.map((file) => file.path)).toEqual(["ok.ts"]);
    expect(errors).toEqual([{ file: "gone.ts", code: "UNREADABLE", message: expect.stringContaining("broken symbolic link") }]);
  });

  it("walks a folder whose name looks like a source file instead of reading it", async () => {
    tree = makeTree({ "weird.ts/inner.ts": "", "empty.js/": "" });
    const { files, errors } = await discoverFiles(tree.root);
    expect(files.map((file) => file.path)).toEqual(["weird.ts/inner.ts"]);
    expect(errors).toEqual([]);
  });

  it("follows a symlinked folder that is not an ancestor", async () => {
    tree = makeTree({ "shared/util.ts": "" }, { "app/lib": "../shared" });
    expect(await paths(tree.root)).toEqual(["app/lib/util.ts", "shared/util.ts"]);
  });
});
