import { bundle, importFresh } from "../src/verify/bundle.ts";
import { startOriginalSession } from "../src/verify/liveview-driver.ts";
const file = await bundle({ entry: `export * from "/work/main/fixtures/example-app/src/router.ts"; export { __verifyClock } from "lvm-verify:clock";`, outFile: "/work/main/.tmp-verify/out/orig.mjs", platform: "node", original: true, clock: true });
const m: any = await importFresh(file);
const s = await startOriginalSession({ router: m.router, viewsWithLiveComponents: m.viewsWithLiveComponents, path: "/delivery-area", clock: m.__verifyClock });
console.log("started");
await s.perform({"kind":"form","binding":"change","index":0,"values":{"city":"Sp"},"target":"city"});
console.log(s.html(0));
await s.close();
