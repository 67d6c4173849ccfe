// `node --import tsx bench/deep-input.bench.ts` (issue 17): the per-file analysis on long chains must
// take time linear in their length, and the nesting scan (src/analyzers/depth.ts) must stay a small
// share of the analysis of ordinary files. Prints a table; tests never time anything.
//
//   node --import tsx bench/deep-input.bench.ts                      all chains, 50k to 400k links
//   node --import tsx bench/deep-input.bench.ts --sizes 1000,100000   other lengths

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { analyzeFile } from "../src/analyzers/index.ts";
import { scanNesting } from "../src/analyzers/depth.ts";
import { DEEP_EXPRESSIONS, deepViewFile, type DeepKind } from "../tests/analyzers/deep-sources.ts";
import { generateCorpus } from "./generate-corpus.ts";

const sizesArg = process.argv[process.argv.indexOf("--sizes") + 1];
const SIZES = process.argv.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [50_000, 100_000, 200_000, 400_000];
const CHAINS: DeepKind[] = ["member", "plus", "then", "or"];

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

// Warm the JIT on a small file first, so the first row is not the compiler's.
analyzeFile({ path: "src/warm.ts", text: deepViewFile(DEEP_EXPRESSIONS.member(1_000)) }, { root: "/bench" });

console.log("| chain | links | ms | µs per link | views | errors |");
console.log("|---|---:|---:|---:|---:|---|");
for (const kind of CHAINS) {
  for (const n of SIZES) {
    const text = deepViewFile(DEEP_EXPRESSIONS[kind](n));
    const { ms, value } = time(() => analyzeFile({ path: "src/deep.ts", text }, { root: "/bench" }));
    console.log(`| ${kind} | ${n} | ${ms.toFixed(0)} | ${((ms * 1000) / n).toFixed(1)} | ${value.views.length} | ${value.errors.map((e) => e.code).join(", ") || "-"} |`);
  }
}

// The scan's share on ordinary files: the generated corpus of bench/analyze.bench.ts.
const corpus = mkdtempSync(join(tmpdir(), "lvm-deep-bench-"));
try {
  generateCorpus(300, corpus, 5);
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(ts|js)$/.test(name)) files.push({ path: relative(corpus, abs), text: readFileSync(abs, "utf8") });
    }
  };
  walk(corpus);
  for (const f of files) analyzeFile(f, { root: corpus });
  const scan = time(() => files.forEach((f) => scanNesting(f.text, f.path)));
  const all = time(() => files.forEach((f) => analyzeFile(f, { root: corpus })));
  console.log(`\ncorpus of 300 views, ${files.length} files: scan ${scan.ms.toFixed(0)} ms of ${all.ms.toFixed(0)} ms per-file analysis (${((100 * scan.ms) / all.ms).toFixed(1)}%)`);
} finally {
  rmSync(corpus, { recursive: true, force: true });
}
