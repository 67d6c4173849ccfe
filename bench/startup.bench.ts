// `migrate --help` start-up, side by side with bare node and node with tsx's loader: the installed
// executable (dist/cli/bin.js, plain node) and a checkout's bin/migrate.js (the sources through tsx).
// The commands load their heavy modules (ts-morph, prettier, happy-dom, diff2html, liveviewjs) only
// when they run.
//
//   npm run build && node --import tsx bench/startup.bench.ts [--runs 7]

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] ?? 0) || 7;
const bin = fileURLToPath(new URL("../bin/migrate.js", import.meta.url));
const built = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
if (!existsSync(built)) throw new Error("no dist/cli/bin.js: run `npm run build` first");

function median(args: string[]): { seconds: number; kb: number } {
  const samples: { seconds: number; kb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, ...args], { encoding: "utf8" });
    const [seconds, kb] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    samples.push({ seconds: seconds!, kb: kb! });
  }
  samples.sort((a, b) => a.seconds - b.seconds);
  return samples[Math.floor(samples.length / 2)]!;
}

const rows = [
  ["node -e 0", median(["-e", "0"])],
  ["node --import tsx -e 0", median(["--import", "tsx", "-e", "0"])],
  ["migrate --help (installed: dist/cli/bin.js)", median([built, "--help"])],
  ["migrate --help (checkout: bin/migrate.js, tsx)", median([bin, "--help"])],
] as const;
console.log(`start-up, median of ${runs} runs`);
console.log("| run | wall | peak RSS |");
console.log("|---|---|---|");
for (const [name, r] of rows) console.log(`| ${name} | ${r.seconds.toFixed(2)} s | ${(r.kb / 1024).toFixed(0)} MiB |`);
