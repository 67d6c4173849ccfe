// `npm run bench:analyze` (part of `npm run bench`): analyze speed and memory on generated corpora of 1,000, 5,000 and 10,000 views.
// Each run is a separate `node bin/migrate.js analyze --no-report` process, so wall time and peak RSS
// are what a user sees (start-up included; the HTML report is left out: it measures the analysis). Writes bench/results-analyze.md and prints the same table.
//
//   npm run bench:analyze                               all sizes, all modes
//   npm run bench:analyze -- --sizes 1000 --modes w1,w2     a quick look
//   --shard-sizes 1000,10000                         where to run the s4 mode (default: the largest size)
//
// Modes: w1 = --workers 1, w2 = --workers 2, s4 = four `--shard K/4` runs one after another (what a
// CI matrix runner sees is the slowest shard) followed by `migrate merge`.

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./generate-corpus.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const cli = join(repo, "bin/migrate.js");
const corpusRoot = join(here, ".corpus");
const outDir = join(corpusRoot, "out");

interface RunResult {
  wallMs: number;
  /** User + system CPU seconds (GNU time only): steadier than wall time on a shared machine. */
  cpuS?: number;
  peakRssKb: number;
  exitCode: number;
  stderr: string;
}

function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const hasGnuTime = existsSync("/usr/bin/time");

/** Runs one CLI process; peak RSS from GNU time, or by polling /proc/<pid>/status VmHWM where it is missing. */
function runCli(args: string[]): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const command = hasGnuTime ? "/usr/bin/time" : process.execPath;
    const argv = hasGnuTime ? ["-v", process.execPath, cli, ...args] : [cli, ...args];
    const started = performance.now();
    const child = spawn(command, argv, { cwd: repo, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    let polledKb = 0;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = hasGnuTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
            const match = /VmHWM:\s+(\d+) kB/.exec(status);
            if (match) polledKb = Math.max(polledKb, Number(match[1]));
          } catch {
            // the process has just exited
          }
        }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const wallMs = performance.now() - started;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exit = /Exit status: (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      resolvePromise({
        wallMs,
        peakRssKb: rss ? Number(rss[1]) : polledKb,
        cpuS: user && system ? Number(user[1]) + Number(system[1]) : undefined,
        exitCode: exit ? Number(exit[1]) : (code ?? -1),
        stderr: hasGnuTime ? stderr.split(/\n\s*Command being timed:/)[0] : stderr,
      });
    });
  });
}

function corpusFor(n: number): { dir: string; files: number } {
  const dir = join(corpusRoot, String(n));
  const marker = join(dir, ".generated");
  const count = () => {
    let files = 0;
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(d, entry.name));
        else if (/\.(ts|js)$/.test(entry.name)) files++;
      }
    };
    walk(join(dir, "src"));
    return files;
  };
  if (existsSync(marker) && readFileSync(marker, "utf8") === `${n}:1:v2\n`) return { dir, files: count() };
  const summary = generateCorpus(n, dir, 1);
  writeFileSync(marker, `${n}:1:v2\n`);
  console.error(`generated ${summary.views} views (${summary.files} files, ${summary.lines} lines) in ${dir}`);
  return { dir, files: count() };
}

function cliSupports(flag: string): boolean {
  try {
    return execFileSync(process.execPath, [cli, "analyze", "--help"], { cwd: repo, encoding: "utf8" }).includes(flag);
  } catch {
    return false;
  }
}

interface Row {
  views: number;
  files: number;
  mode: string;
  wallS: number;
  cpuS?: number;
  filesPerS: number;
  rssMiB: number;
  note: string;
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);

async function benchSize(n: number, modes: string[], rows: Row[]): Promise<void> {
  const { dir, files } = corpusFor(n);
  mkdirSync(outDir, { recursive: true });
  const push = (mode: string, result: RunResult, wallMs = result.wallMs, peakRssKb = result.peakRssKb, note = "") => {
    const row: Row = {
      views: n,
      files,
      mode,
      wallS: wallMs / 1000,
      cpuS: result.cpuS,
      filesPerS: files / (wallMs / 1000),
      rssMiB: peakRssKb / 1024,
      note: result.exitCode === 0 ? note : `exit ${result.exitCode}${note ? `; ${note}` : ""}`,
    };
    rows.push(row);
    console.error(`  ${n} ${mode}: ${fmt(row.wallS)} s, ${fmt(row.filesPerS, 0)} files/s, ${fmt(row.rssMiB, 0)} MiB${row.note ? ` (${row.note})` : ""}`);
    if (result.exitCode !== 0 && result.exitCode !== 1) console.error(result.stderr.slice(-2000));
  };

  for (const mode of modes) {
    if (mode === "w1" || mode === "w2") {
      const workers = mode === "w1" ? 1 : 2;
      const args = ["analyze", dir, "--out", join(outDir, `plan-${n}-${mode}.json`), "--no-progress", "--no-report"];
      if (workersSupported) args.push("--workers", String(workers));
      else if (workers > 1) continue;
      push(workersSupported ? `--workers ${workers}` : "default", await runCli(args));
    } else if (mode === "s4" && shardsSupported) {
      const results: RunResult[] = [];
      for (let k = 1; k <= 4; k++) {
        results.push(await runCli(["analyze", dir, "--shard", `${k}/4`, "--out", join(outDir, `part-${n}-${k}.json`), "--no-progress", "--no-report", "--workers", "1"]));
      }
      const slowest = results.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
      const total = results.reduce((sum, r) => sum + r.wallMs, 0);
      const merge = await runCli(["merge", ...[1, 2, 3, 4].map((k) => join(outDir, `part-${n}-${k}.json`)), "--out", join(outDir, `plan-${n}-s4.json`), "--root", dir]);
      const failed = results.find((r) => r.exitCode !== 0 && r.exitCode !== 1);
      push("4 shards (slowest shard)", failed ?? slowest, slowest.wallMs, Math.max(...results.map((r) => r.peakRssKb)), `all 4 one after another: ${fmt(total / 1000)} s`);
      push("merge of 4 parts", merge);
      const merged = join(outDir, `plan-${n}-s4.json`);
      const unsharded = join(outDir, `plan-${n}-w1.json`);
      if (existsSync(merged) && existsSync(unsharded)) {
        const same = readFileSync(merged, "utf8") === readFileSync(unsharded, "utf8");
        rows[rows.length - 1].note += same ? "merged plan = unsharded plan" : "MERGED PLAN DIFFERS from unsharded";
      }
    }
  }
}

let workersSupported = false;
let shardsSupported = false;

function machine(): string[] {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // keep os.cpus()
  }
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${nproc} cores (nproc), ${model}, ${fmt(totalmem() / 2 ** 30)} GiB RAM`,
    `- node ${process.version}, ${process.platform}/${process.arch}`,
    `- load average (1/5/15 min) when the table was written: ${loadavg().map((x) => fmt(x, 2)).join(" / ")} (other processes share these cores; CPU time is steadier than wall time)`,
    `- peak RSS: ${hasGnuTime ? "GNU time -v (maximum resident set size)" : "VmHWM polled from /proc/<pid>/status"}`,
  ];
}

function table(rows: Row[]): string {
  const lines = [
    "| views | source files | mode | wall time (s) | CPU time (s) | files/s | peak RSS (MiB) | note |",
    "|---:|---:|---|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.views.toLocaleString("en-US")} | ${r.files.toLocaleString("en-US")} | ${r.mode} | ${fmt(r.wallS)} | ${r.cpuS === undefined ? "–" : fmt(r.cpuS)} | ${fmt(r.filesPerS, 0)} | ${fmt(r.rssMiB, 0)} | ${r.note} |`,
    ),
  ];
  return lines.join("\n");
}

function growth(rows: Row[]): string[] {
  const out: string[] = [];
  const modes = [...new Set(rows.map((r) => r.mode))];
  for (const mode of modes) {
    const series = rows.filter((r) => r.mode === mode).sort((a, b) => a.files - b.files);
    if (series.length < 2) continue;
    const per = series.map((r) => `${r.views.toLocaleString("en-US")}: ${fmt((r.wallS * 1000) / r.files, 2)} ms/file`);
    out.push(`- ${mode}: ${per.join(", ")}`);
  }
  return out;
}

async function main(): Promise<void> {
  const sizes = (arg("--sizes") ?? "1000,5000,10000").split(",").map(Number);
  const modes = (arg("--modes") ?? "w1,w2,s4").split(",");
  // Four shard runs plus a merge take long: by default only on the largest corpus (the one issue 8 asks about).
  const shardSizes = new Set((arg("--shard-sizes") ?? String(Math.max(...sizes))).split(",").map(Number));
  workersSupported = cliSupports("--workers");
  shardsSupported = cliSupports("--shard");
  const rows: Row[] = [];
  for (const n of sizes) await benchSize(n, shardSizes.has(n) ? modes : modes.filter((mode) => mode !== "s4"), rows);
  const report = [
    "# analyze benchmark",
    "",
    ...machine(),
    `- command: \`npm run bench:analyze${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` (bench/analyze.bench.ts; corpora from bench/generate-corpus.ts, seed 1)`,
    "",
    table(rows),
    "",
    "Time per file (linear growth keeps this flat):",
    "",
    ...growth(rows),
    "",
  ].join("\n");
  writeFileSync(join(here, "results-analyze.md"), report);
  console.log(report);
  rmSync(outDir, { recursive: true, force: true });
}

await main();
