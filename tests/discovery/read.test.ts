import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { checkRoot, discoverFiles, readSourceFile, type ReadOptions } from "../../src/discovery/index.ts";
import { makeTree, type Tree } from "./make-tree.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

const sha = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function readAll(files: Record<string, string | Uint8Array>, options: ReadOptions = {}) {
  tree = makeTree(files);
  const { files: found } = await discoverFiles(tree.root);
  return Promise.all(found.map((file) => readSourceFile(file, options)));
}

describe("readSourceFile", () => {
  it("returns the decoded text with the BOM kept, and a record with the sha256 of the bytes", async () => {
    const text = "\uFEFFexport const a = 'é';\n";
    const [outcome] = await readAll({ "a.ts": text });
    expect(outcome.error).toBeUndefined();
    expect(outcome.input).toEqual({ path: "a.ts", text });
    const bytes = Buffer.from(text, "utf8");
    expect(outcome.record).toEqual({ path: "a.ts", hash: sha(bytes), size: bytes.length, status: "ok", views: [] });
  });

  it("refuses a binary file (NUL bytes) as BINARY", async () => {
    const [outcome] = await readAll({ "blob.js": new Uint8Array([0x63, 0x6f, 0x00, 0x01, 0x02]) });
    expect(outcome.input).toBeUndefined();
    expect(outcome.error).toEqual({ file: "blob.js", code: "BINARY", message: expect.stringContaining("offset 2") });
    expect(outcome.record.status).toBe("error");
    expect(outcome.record.hash).toBe(sha(new Uint8Array([0x63, 0x6f, 0x00, 0x01, 0x02])));
  });

  it("refuses a non-UTF-8 file (Latin-1 bytes) as NOT_UTF8 and says where", async () => {
    const latin1 = Buffer.from("const caf\xe9 = 1;\n", "latin1");
    const [outcome] = await readAll({ "legacy.js": latin1 });
    expect(outcome.input).toBeUndefined();
    expect(outcome.error?.code).toBe("NOT_UTF8");
    expect(outcome.error?.message).toContain("near byte 9");
  });

  it("refuses a file over the size limit as TOO_LARGE, still hashing it", async () => {
    const big = `export const data = "${"x".repeat(5000)}";\n`;
    const [outcome] = await readAll({ "bundle.js": big }, { maxFileBytes: 4096 });
    expect(outcome.input).toBeUndefined();
    expect(outcome.error).toEqual({ file: "bundle.js", code: "TOO_LARGE", message: expect.stringContaining("4.0 KiB limit") });
    expect(outcome.record).toMatchObject({ hash: sha(big), size: big.length, status: "error" });
  });

  it("uses 1 MiB as the default limit", async () => {
    const [small, large] = await readAll({ "a.js": "x".repeat(1024 * 1024), "b.js": "x".repeat(1024 * 1024 + 1) });
    expect(small.error).toBeUndefined();
    expect(large.error?.code).toBe("TOO_LARGE");
  });

  it("reports a file that cannot be read (EACCES) as UNREADABLE", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open 'secret.ts'"), { code: "EACCES" });
    const [outcome] = await readAll({ "secret.ts": "x" }, { readBytes: async () => Promise.reject(denied) });
    expect(outcome.input).toBeUndefined();
    expect(outcome.error).toEqual({ file: "secret.ts", code: "UNREADABLE", message: "cannot read file: permission denied (EACCES)" });
    expect(outcome.record).toMatchObject({ path: "secret.ts", hash: "", status: "error" });
  });
});

describe("checkRoot", () => {
  it("accepts a folder with entries", async () => {
    tree = makeTree({ "a.ts": "" });
    expect(await checkRoot(tree.root)).toBeNull();
  });

  it("names a missing folder, a file given as the folder, and an empty folder", async () => {
    tree = makeTree({ "file.ts": "", "empty/": "" });
    expect(await checkRoot(`${tree.root}/nope`, "nope")).toEqual({ code: "ROOT_MISSING", message: "directory not found: nope" });
    expect(await checkRoot(`${tree.root}/file.ts`, "file.ts")).toMatchObject({ code: "ROOT_NOT_DIRECTORY", message: expect.stringContaining("not a directory: file.ts") });
    expect(await checkRoot(`${tree.root}/empty`, "empty")).toEqual({ code: "ROOT_EMPTY", message: "directory is empty: empty" });
  });
});
