// `npm start` demo (run with tsx): copies the example app to tmp/example-app-migrated (inside the
// package, so the generated `@liveview-migrate/runtime/*` imports resolve), runs `migrate analyze` and
// `migrate apply` on the copy, and prints where both reports are. The copy then starts like the
// original: `npx tsx --conditions=@liveview-migrate/source tmp/example-app-migrated/src/server.ts` (the
// condition points @liveview-migrate/runtime at this checkout's sources).

import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../cli/main.ts";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
const copy = join(packageRoot, "tmp", "example-app-migrated");
rmSync(copy, { recursive: true, force: true });
cpSync(join(packageRoot, "fixtures", "example-app"), copy, { recursive: true });
process.stdout.write(`Copied fixtures/example-app to ${copy}\n\n$ migrate analyze ${copy}\n`);
const analyzed = await main(["node", "migrate", "analyze", copy, "--out", join(copy, ".migrate", "plan.json")]);
process.stdout.write(`\n$ migrate apply ${copy} --plan ${join(copy, ".migrate", "plan.json")}\n`);
// the copy sits in the package's ignored tmp/ folder: git sees no change to refuse
const applied = await main(["node", "migrate", "apply", copy, "--plan", join(copy, ".migrate", "plan.json")]);
process.stdout.write(`\nAnalyze report: ${join(copy, ".migrate", "report.html")}\nApply diff report: ${join(copy, ".migrate", "apply-report.html")}\nStart the migrated app: PORT=4001 npx tsx --conditions=@liveview-migrate/source ${join("tmp", "example-app-migrated", "src", "server.ts")}\n`);
process.exitCode = analyzed > 1 ? analyzed : applied === 2 ? 0 : applied;
