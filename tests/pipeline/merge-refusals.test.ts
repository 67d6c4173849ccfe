import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FileFacts } from "../../src/analyzers/index.ts";
import { selectShard } from "../../src/pipeline/shard.ts";
import { buildPart, checkParts, mergeParts, parsePart, serializePart, type NamedPart } from "../../src/plan/merge.ts";
import type { FileRecord } from "../../src/plan/types.ts";

// Hand-made parts: the refusals look only at identity fields and ownership, never at the facts' content.
const VERSION = "9.9.9";
const NO_TSCONFIG = join(tmpdir(), "lvm-no-such-root");
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function tree(names: string[], salt = ""): FileRecord[] {
  return names.map((path) => ({ path, hash: sha(path + salt), size: 100 + path.length * 10, status: "ok", views: [] }));
}

const facts = (path: string) => ({ path, errors: [] }) as unknown as FileFacts;

function parts(files: FileRecord[], count: number, options: { version?: string; configHash?: string | null } = {}): NamedPart[] {
  return Array.from({ length: count }, (_, i) => {
    const shard = { index: i + 1, count };
    const owned = selectShard(files, shard.index, count);
    const part = buildPart({ files, facts: owned.map((f) => facts(f.path)), inputErrors: [] }, shard, {
      root: NO_TSCONFIG,
      configHash: options.configHash ?? null,
      version: options.version ?? VERSION,
    });
    return { name: `part-${i + 1}.json`, part };
  });
}

const files = tree(["src/a.ts", "src/b.ts", "src/c.ts", "src/d.ts", "src/e.ts", "src/f.ts"]);

describe("checkParts", () => {
  it("accepts the N parts of one run in any order", () => {
    expect(checkParts(parts(files, 3).reverse(), VERSION)).toBeUndefined();
  });

  it("refuses parts from different tool versions", () => {
    const mixed = [...parts(files, 2).slice(0, 1), ...parts(files, 2, { version: "1.0.0" }).slice(1)];
    const problem = checkParts(mixed, VERSION);
    expect(problem).toMatchObject({ code: "VERSION_MISMATCH", exitCode: 1 });
    expect(problem?.message).toContain("9.9.9: part-1.json");
    expect(problem?.message).toContain("1.0.0: part-2.json");
  });

  it("refuses parts made by another version than the merging one", () => {
    const problem = checkParts(parts(files, 2), "1.0.0");
    expect(problem).toMatchObject({ code: "VERSION_MISMATCH" });
    expect(problem?.message).toMatch(/made by liveview-migrate 9\.9\.9, this is 1\.0\.0/);
  });

  it("refuses parts of different trees (a file's content changed between shard runs)", () => {
    const changed = tree(["src/a.ts", "src/b.ts", "src/c.ts", "src/d.ts", "src/e.ts", "src/f.ts"], "edited");
    const problem = checkParts([parts(files, 2)[0], parts(changed, 2)[1]], VERSION);
    expect(problem).toMatchObject({ code: "TREE_MISMATCH", exitCode: 1 });
    expect(problem?.message).toMatch(/different trees/);
  });

  it("refuses parts analyzed with different configs", () => {
    const problem = checkParts([parts(files, 2)[0], parts(files, 2, { configHash: "abc" })[1]], VERSION);
    expect(problem).toMatchObject({ code: "CONFIG_MISMATCH" });
  });

  it("names the missing shards and how to make them", () => {
    const all = parts(files, 4);
    const problem = checkParts([all[0], all[3]], VERSION);
    expect(problem).toMatchObject({ code: "MISSING_SHARD", exitCode: 1 });
    expect(problem?.message).toContain("missing shards 2/4, 3/4 of 4");
    expect(problem?.message).toContain("--shard 2/4");
  });

  it("refuses the same shard twice", () => {
    const all = parts(files, 2);
    const problem = checkParts([all[0], all[1], { ...all[1], name: "copy.json" }], VERSION);
    expect(problem).toMatchObject({ code: "DUPLICATE_SHARD", message: "shard 2/2 given more than once: part-2.json, copy.json" });
  });

  it("refuses parts that disagree on N", () => {
    const problem = checkParts([parts(files, 2)[0], parts(files, 3)[1], parts(files, 3)[2]], VERSION);
    expect(problem).toMatchObject({ code: "SHARD_COUNT_MISMATCH" });
  });

  it("refuses a part holding facts for a file its shard does not own, or a file no part covers", () => {
    const all = parts(files, 2);
    const stray = all[1].part.facts[0];
    const overlapping = { ...all[0], part: { ...all[0].part, facts: [...all[0].part.facts, stray] } };
    expect(checkParts([overlapping, all[1]], VERSION)).toMatchObject({ code: "PART_CORRUPT", message: expect.stringContaining(stray.path) });
    const lossy = { ...all[1], part: { ...all[1].part, facts: all[1].part.facts.slice(1) } };
    expect(checkParts([all[0], lossy], VERSION)).toMatchObject({ code: "PART_CORRUPT", message: expect.stringContaining("no part has facts") });
  });

  it("refuses a part whose file list was edited after the fact", () => {
    const all = parts(files, 2);
    const edited = { ...all[0], part: { ...all[0].part, files: all[0].part.files.slice(1) } };
    expect(checkParts([edited, all[1]], VERSION)).toMatchObject({ code: "PART_CORRUPT" });
  });

  it("refuses parts analyzed with different tsconfig.json files", () => {
    const all = parts(files, 2);
    const other = { ...all[1], part: { ...all[1].part, tsconfigHash: sha("{}") } };
    expect(checkParts([all[0], other], VERSION)).toMatchObject({ code: "CONFIG_MISMATCH", message: expect.stringContaining("tsconfig.json") });
  });

  it("refuses to merge against a folder whose tsconfig.json is not the analyzed one", () => {
    const root = mkdtempSync(join(tmpdir(), "lvm-root-"));
    try {
      writeFileSync(join(root, "tsconfig.json"), "{}");
      const result = mergeParts(parts(files, 2), { root, version: VERSION });
      expect(result).toMatchObject({ problem: { code: "ROOT_MISMATCH", exitCode: 64, message: expect.stringContaining("--root") } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("asks for part files when none are given", () => {
    expect(checkParts([], VERSION)).toMatchObject({ code: "NO_PARTS", exitCode: 64 });
    expect(mergeParts([], { root: "/", version: VERSION })).toMatchObject({ problem: { code: "NO_PARTS" } });
  });
});

describe("parsePart", () => {
  it("reads back what serializePart wrote", () => {
    const [named] = parts(files, 1);
    expect(parsePart(serializePart(named.part), "p.json")).toEqual(named.part);
  });

  it("says what is wrong with a file that is not a part", () => {
    expect(parsePart("{", "x.json")).toMatchObject({ code: "NOT_A_PART", exitCode: 64, message: expect.stringContaining("x.json is not JSON") });
    expect(parsePart(JSON.stringify({ schemaVersion: 1, views: [] }), "plan.json")).toMatchObject({
      code: "NOT_A_PART",
      message: expect.stringContaining("looks like a merged plan"),
    });
    const [named] = parts(files, 1);
    expect(parsePart(JSON.stringify({ ...named.part, schemaVersion: 99 }), "new.json")).toMatchObject({ code: "SCHEMA_MISMATCH" });
    expect(parsePart(JSON.stringify({ ...named.part, shard: { index: 3, count: 2 } }), "bad.json")).toMatchObject({ code: "NOT_A_PART" });
  });
});
