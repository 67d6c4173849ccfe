import { verifyProject } from "../src/verify/compare.ts";
const r = await verifyProject(process.argv[2], { mode: "explore", depth: 3, maxPaths: 40, only: [process.argv[3]] });
for (const v of r.views) console.log(v.view, v.status, v.paths, v.depth, v.reason, v.divergence ? v.divergence.path.join("\n") + "\n" + v.divergence.diff : "");
