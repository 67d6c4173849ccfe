// `migrate --help` start-up, side by side with bare node and node with tsx's loader: the installed
// executable (dist/cli/bin.js, plain node) and a checkout's bin/migrate.js (the sources through tsx).
// The commands load their heavy modules (ts-morph, prettier, happy-dom, diff2html, liveviewjs) only
// when they run. Then what a production app installs for the runtime: the packed
// @liveview-migrate/runtime installed with its dependencies into an empty project (`--omit=dev`).
//
//   npm run build && node --import tsx bench/startup.bench.ts [--runs 7]

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** Bytes of the files under dir (what `du -sb` counts, without the directories' own blocks). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

const work = mkdtempSync(join(tmpdir(), "lvm-runtime-size-"));
try {
  const repo = fileURLToPath(new URL("..", import.meta.url));
  const packOutput = execFileSync("npm", ["pack", "--json", "--pack-destination", work, "--workspace", "packages/runtime"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  // the prepack build prints its own lines before the JSON
  const packed = JSON.parse(packOutput.slice(packOutput.indexOf("["))) as { filename: string; size: number; unpackedSize: number }[];
  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "size-probe", private: true }));
  execFileSync("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", join(work, packed[0]!.filename)], { cwd: app, stdio: "ignore" });
  const modules = join(app, "node_modules");
  const packages = readdirSync(modules).flatMap((name) => (name.startsWith("@") ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : name.startsWith(".") ? [] : [name]));
  console.log(`\nruntime installed with its dependencies (npm install --omit=dev of the packed tarball): ${(bytesUnder(modules) / 1e6).toFixed(2)} MB`);
  for (const name of packages.sort()) console.log(`  ${name}: ${(bytesUnder(join(modules, name)) / 1e3).toFixed(0)} KB`);
  console.log(`  tarball: ${(packed[0]!.size / 1e3).toFixed(1)} kB packed, ${(packed[0]!.unpackedSize / 1e3).toFixed(1)} kB unpacked`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
