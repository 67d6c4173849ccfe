import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { runCli } from "./run-cli.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("help and version", () => {
  it("--help lists the commands and exit codes, exit 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: migrate [options] [command]");
    expect(run.stdout).toMatch(/analyze \[options\] \[dir\]/);
    expect(run.stdout).toContain("64 usage error");
    expect(run.stderr).toBe("");
  });

  it("analyze --help lists its options, exit 0", async () => {
    const run = await runCli(["analyze", "--help"]);
    expect(run.code).toBe(0);
    for (const option of ["--json", "--out <file>", "--report <file>", "--no-report", "--include <glob...>", "--exclude <glob...>", "--max-file-size <size>", "--no-progress"]) {
      expect(run.stdout).toContain(option);
    }
  });

  it("--version prints the package version, exit 0", async () => {
    for (const flag of ["--version", "-V"]) {
      const run = await runCli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});

describe("usage errors exit 64 with a message on stderr", () => {
  it("no command at all", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain("Usage: migrate");
    expect(run.stdout).toBe("");
  });

  it("unknown command, unknown option, missing argument, bad option value", async () => {
    const cases: [string[], RegExp][] = [
      [["frobnicate"], /unknown command 'frobnicate'/],
      [["analyze", ".", "--frob"], /unknown option '--frob'/],
      // (analyze without a folder works on the project the current folder is in: tests/cli/quiet-verbose-root)
      [["explain"], /missing required argument 'target'/],
      [["analyze", ".", "--max-file-size", "lots"], /expected a size like 1048576, 512k or 2M, got "lots"/],
      [["analyze", ".", "--out"], /option '--out <file>' argument missing/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(" ")).toBe(64);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.stdout, args.join(" ")).toBe("");
    }
  });

  it("a missing directory, a file instead of a directory, an empty directory", async () => {
    tree = makeTree({ "file.ts": "", "empty/": "" });
    const cases: [string, string][] = [
      ["nope", "error: directory not found: nope\n"],
      ["file.ts", "error: not a directory: file.ts (give the folder that holds your live views)\n"],
      ["empty", "error: directory is empty: empty\n"],
    ];
    for (const [dir, message] of cases) {
      const run = await runCli(["analyze", dir], { cwd: tree.root });
      expect(run.code, dir).toBe(64);
      expect(run.stderr).toBe(message);
    }
  });

  it("a directory with no source files (after excludes)", async () => {
    tree = makeTree({ "README.md": "# hi", "node_modules/x/index.js": "", "src/a.ts": "export {}\n" });
    const run = await runCli(["analyze", ".", "--exclude", "src/", "--no-report"], { cwd: tree.root });
    expect(run.code).toBe(64);
    expect(run.stderr).toBe("error: no .ts, .tsx, .js, .mjs or .cjs files found in . (after --include / --exclude, .gitignore and the default excludes)\n");
  });
});

describe("help", () => {
  it("`migrate help <command>` prints that command's help and exits 0", async () => {
    const run = await runCli(["help", "apply"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: migrate apply");
  });
});

describe("colours", () => {
  it("FORCE_COLOR turns them on for a pipe; NO_COLOR still wins; FORCE_COLOR=0 turns them off on a terminal", async () => {
    const { colorEnabled } = await import("../../src/cli/io.ts");
    const pipe = { isTTY: false, write: () => true } as never;
    const tty = { isTTY: true, write: () => true } as never;
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled(tty, {})).toBe(true);
  });
});
