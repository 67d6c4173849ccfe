import { verifyProject } from "../src/verify/compare.ts";
const t = Date.now();
const r = await verifyProject(process.argv[2] ?? "/tmp/vfy-app", { mode: "explore", depth: 3, maxPaths: Number(process.argv[3] ?? 30), only: process.argv[4] ? [process.argv[4]] : undefined, onView: (v) => console.log(v.view, v.status, v.paths, JSON.stringify(v.reason), v.divergence ? v.divergence.path.join(" / ") + "\n" + v.divergence.diff : "") });
console.log(r.summary, Date.now() - t, "ms");
