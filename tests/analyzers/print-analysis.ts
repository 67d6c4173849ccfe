// Debug aid (not a test): prints every view's keys, events, infos and markers for a folder.
// `node --import tsx tests/analyzers/print-analysis.ts fixtures/example-app`
import { analyzeDir } from "./helpers.ts";
const { merged, facts } = analyzeDir(process.argv[2]!);
for (const f of facts) for (const e of f.errors) console.log("ERR", e.code, e.message);
for (const v of merged.views) {
  console.log("==", v.id, v.kind, v.api, v.migration.status);
  for (const k of v.state) console.log("  K", k.key, k.class, k.confidence, "|", k.reasons.slice(0, 2).map((r) => `${r.code}: ${r.message}`).join(" || ").slice(0, 220));
  for (const e of v.events) console.log("  E", e.name, e.placement, e.confidence, e.bindings.join(","), "|", e.reasons.slice(0, 2).map((r) => `${r.code}: ${r.message}`).join(" || ").slice(0, 200));
  for (const i of v.infos) console.log("  I", i.name, i.origin, i.writes.join(","));
  for (const mk of v.markers) console.log("  M", mk.code, mk.message.slice(0, 150));
  console.log("  T", JSON.stringify(v.template.components), v.template.helpers.join(","));
}
