import { bundleView } from "../src/verify/project.ts";
import { importFresh } from "../src/verify/bundle.ts";
import { startOriginalSession } from "../src/verify/liveview-driver.ts";
import { startMigratedSession } from "../src/verify/runtime-driver.ts";
import { pickComponent } from "../src/verify/project.ts";
import { Window } from "happy-dom";
const root = "/tmp/vfy-app";
const b = await bundleView(root, "src/router.ts", { file: "src/views/counter.ts", componentFile: "src/views/counter.component.ts" }, "/work/main/.tmp-verify/out");
for (let i = 0; i < 5; i++) {
  let t = performance.now(); const lap = (n: string) => { const x = performance.now(); console.log(n, (x - t).toFixed(1)); t = x; };
  const om: any = await importFresh(b.original); lap("import original");
  const sm: any = await importFresh(b.server); lap("import server");
  const w = new Window(); lap("window"); w.eval(b.clientCode); lap("eval"); await w.happyDOM.close(); lap("wclose");
  const o = await startOriginalSession({ router: om.router, path: "/counter", clock: om.__verifyClock }); lap("original start");
  const m = await startMigratedSession({ server: { ...sm, component: pickComponent(sm.__component, "counterLiveView"), commands: undefined }, clientCode: b.clientCode, route: "/counter", path: "/counter" }); lap("migrated start");
  await o.perform({ kind: "click", index: 1 }); lap("orig click");
  await m.perform({ kind: "click", index: 1 }); lap("mig click");
  await o.close(); await m.close(); lap("close");
}
