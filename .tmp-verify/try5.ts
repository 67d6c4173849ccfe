import { verifyProject } from "../src/verify/compare.ts";
const r = await verifyProject("/work/main/tests/verify/fixtures/notes-app", { mode: "script", scripts: { "/notes": [{ kind: "form", binding: "submit", index: 0, values: { text: "Milk" } }, { kind: "form", binding: "submit", index: 0, values: { text: "Eggs" }, client: 1 }] } });
console.log(JSON.stringify(r.views, null, 1).slice(0, 3000));
