import { verifyProject } from "../src/verify/compare.ts";
const t = Date.now();
const steps = JSON.parse(process.argv[4]);
const r = await verifyProject(process.env.APP ?? "/tmp/vfy-app", { mode: "script", scripts: { [process.argv[3]]: steps }, only: [process.argv[2]], onView: (v) => console.log(v.view, v.status, JSON.stringify(v.reason), v.divergence ? v.divergence.path.join(" / ") + "\n" + v.divergence.diff : "") });
console.log(Date.now() - t, "ms");
