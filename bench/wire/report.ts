// Turns the measurements into the markdown written to bench/results.md (and printed).
import type { StepResult, ViewResult } from "./browser-session.ts";
import type { MemoryResult } from "./memory.ts";

export interface RunFacts {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  chromium: string;
  rtt: { original: number; migrated: number };
  loadavg: number[];
  seconds: number;
  migratedRoutes: string[];
  serversSurvived: { original: boolean; migrated: boolean };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]!;
};
const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x: number) => (Number.isNaN(x) ? "–" : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
const bytesOf = (v: ViewResult) => v.load.bytesIn + v.load.bytesOut + sum(v.steps.map((s) => s.bytesIn + s.bytesOut));
const stepBytes = (s: StepResult) => s.bytesIn + s.bytesOut;
const latencies = (steps: StepResult[]) => steps.map((s) => s.latencyMs).filter((x): x is number => x !== null);
const lat = (steps: StepResult[]) => {
  const xs = latencies(steps);
  return xs.length ? `${ms(median(xs))} / ${ms(pct(xs, 0.95))} (${xs.length})` : "–";
};

export function renderResults(facts: RunFacts, original: ViewResult[], migrated: ViewResult[], memory: MemoryResult[]): string {
  const isMigrated = (path: string) => facts.migratedRoutes.includes(path);
  const rows: string[] = [];
  const pairs = original.map((o) => ({ o, m: migrated.find((m) => m.path === o.path)! })).filter((p) => p.m);
  for (const { o, m } of pairs) {
    rows.push(
      `| ${o.path} | ${isMigrated(o.path) ? "yes" : "no (LiveViewJS on both)"} | ${kb(bytesOf(o))} | ${kb(bytesOf(m))} | ${(bytesOf(m) / bytesOf(o) * 100).toFixed(0)}% | ${kb(o.load.bytesIn + o.load.bytesOut)} / ${kb(m.load.bytesIn + m.load.bytesOut)} | ${o.load.roundTrips} / ${m.load.roundTrips} | ${kb(sum(o.steps.map(stepBytes)))} / ${kb(sum(m.steps.map(stepBytes)))} | ${sum(o.steps.map((s) => s.roundTrips))} / ${sum(m.steps.map((s) => s.roundTrips))} | ${lat(o.steps)} | ${lat(m.steps)} |`,
    );
  }
  const total = (list: { o: ViewResult; m: ViewResult }[], label: string) => {
    const ob = sum(list.map((p) => bytesOf(p.o)));
    const mb = sum(list.map((p) => bytesOf(p.m)));
    const os = list.flatMap((p) => p.o.steps);
    const msteps = list.flatMap((p) => p.m.steps);
    return `| **${label}** | | **${kb(ob)}** | **${kb(mb)}** | **${((mb / ob) * 100).toFixed(0)}%** | ${kb(sum(list.map((p) => p.o.load.bytesIn + p.o.load.bytesOut)))} / ${kb(sum(list.map((p) => p.m.load.bytesIn + p.m.load.bytesOut)))} | ${sum(list.map((p) => p.o.load.roundTrips))} / ${sum(list.map((p) => p.m.load.roundTrips))} | ${kb(sum(os.map(stepBytes)))} / ${kb(sum(msteps.map(stepBytes)))} | ${sum(os.map((s) => s.roundTrips))} / ${sum(msteps.map((s) => s.roundTrips))} | ${lat(os)} | ${lat(msteps)} |`;
  };
  const migratedPairs = pairs.filter((p) => isMigrated(p.o.path));
  rows.push(total(migratedPairs, `migrated views (${migratedPairs.length})`));
  rows.push(total(pairs, `whole session (${pairs.length} views)`));

  // goals
  const mSteps = migratedPairs.flatMap((p) => p.m.steps.map((s, i) => ({ path: p.m.path, i, s })));
  const local = mSteps.filter(({ s }) => s.roundTrips === 0 && stepBytes(s) === 0);
  const remote = mSteps.filter(({ s }) => !(s.roundTrips === 0 && stepBytes(s) === 0));
  const remoteByView = new Map<string, number>();
  for (const { path } of remote) remoteByView.set(path, (remoteByView.get(path) ?? 0) + 1);
  const localLat = latencies(local.map((x) => x.s));
  const ob = sum(migratedPairs.map((p) => bytesOf(p.o)));
  const mb = sum(migratedPairs.map((p) => bytesOf(p.m)));
  const allOb = sum(pairs.map((p) => bytesOf(p.o)));
  const allMb = sum(pairs.map((p) => bytesOf(p.m)));
  const syncFree = memory.filter((r) => r.label.includes("no sync"));
  const perTab = (r: MemoryResult, s: { tabs: number; heapUsed: number; rss: number }) => `${((s.heapUsed - r.baseline.heapUsed) / s.tabs / 1000).toFixed(1)} KB heap, ${((s.rss - r.baseline.rss) / s.tabs / 1000).toFixed(1)} KB RSS`;
  const maxTabs = (r: MemoryResult) => r.samples[r.samples.length - 1]!;
  const goal = (ok: boolean) => (ok ? "met" : "**not met**");
  const syncFreeWorst = Math.max(...syncFree.map((r) => (maxTabs(r).heapUsed - r.baseline.heapUsed) / maxTabs(r).tabs));

  const memRows = memory.map((r) => `| ${r.label} | ${kb(r.baseline.heapUsed)} / ${(r.baseline.rss / 1e6).toFixed(1)} MB | ${r.samples.map((s) => perTab(r, s)).join(" | ")} |`);

  return [
    `# Wire benchmark: LiveViewJS vs. the migrated app (\`npm run bench:wire\`)`,
    "",
    `Run ${facts.date} on ${facts.nproc} × ${facts.cpu}, Node ${facts.node}, Chromium ${facts.chromium}; load average after the run ${facts.loadavg.map((x) => x.toFixed(1)).join(" ")}; whole run ${facts.seconds} s.`,
    `Round trip through the delay proxy (in-page fetch, median of 5): original ${facts.rtt.original.toFixed(1)} ms, migrated ${facts.rtt.migrated.toFixed(1)} ms.`,
    "",
    "## Goals",
    "",
    "| goal | result | verdict |",
    "|---|---|---|",
    `| zero round trips and zero bytes for ui and form interactions | on the ${migratedPairs.length} migrated views, ${local.length} of ${mSteps.length} interactions sent and received nothing; the ${remote.length} others are the server events the analysis placed on the server (commands): ${[...remoteByView].map(([p, n]) => `${p} ${n}`).join(", ") || "none"} | ${goal(remote.every(({ path }) => ["/signup", "/search", "/delivery-area"].includes(path)))} (see note) |`,
    `| whole session's bytes ≤ 25% of the original's | migrated views: ${kb(mb)} vs ${kb(ob)} = ${((mb / ob) * 100).toFixed(0)}%; all ${pairs.length} views of the session (unmigrated ones are LiveViewJS on both sides): ${((allMb / allOb) * 100).toFixed(0)}% | ${goal(mb / ob <= 0.25)} on migrated views, ${goal(allMb / allOb <= 0.25)} on the whole session |`,
    `| click → DOM updated ≤ 2 ms median for client actions at 100 ms RTT | migrated client actions (no traffic): median ${ms(median(localLat))}, p95 ${ms(pct(localLat, 0.95))} over ${localLat.length} interactions that changed the DOM | ${goal(median(localLat) <= 2)} |`,
    `| no per-tab server memory for views without sync | worst of ${syncFree.map((r) => r.label).join(", ")}: ${(syncFreeWorst / 1000).toFixed(2)} KB heap per tab at ${maxTabs(syncFree[0]!).tabs} tabs (GC noise is a few KB in total) | ${goal(syncFreeWorst < 1000)} |`,
    "",
    "## Per view (20 interactions each, after the first load)",
    "",
    "Bytes are everything over the wire both ways (HTTP responses as received incl. headers, request bodies, WebSocket payloads). Pairs are original / migrated. Latency: click → first DOM mutation, median / p95 (count of interactions that changed the DOM within 900 ms).",
    "",
    "| view | migrated | bytes original | bytes migrated | migrated/original | first load bytes | first load round trips | interaction bytes | interaction round trips | latency original | latency migrated |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "## Server memory per connected tab (growth over the baseline ÷ tabs, after a forced GC)",
    "",
    `| server, view | baseline heap / RSS | ${memory[0]?.samples.map((s) => `${s.tabs} tab${s.tabs === 1 ? "" : "s"}`).join(" | ")} |`,
    `|---|---|${memory[0]?.samples.map(() => "---|").join("")}`,
    ...memRows,
    "",
    "## Method",
    "",
    `- Pairs: the original is fixtures/example-app on liveviewjs 0.8.1 + @liveviewjs/express 0.8.1 (\`startServer\`). The migrated app is a fresh copy of it in tmp/bench-wire-app after \`migrate apply --allow-dirty\`: ${facts.migratedRoutes.length} routes are served by the runtime (${facts.migratedRoutes.join(", ")}); the others stay on LiveViewJS in the same server. The browser sessions cover the migrated routes plus /dashboard (unmigrated on both sides, run last).`,
    "- Network: each app sits behind its own delaying TCP proxy on loopback (50 ms each way, for HTTP, SSE and WebSocket alike; CDP network emulation does not delay WebSocket frames in this Chromium).",
    "- Compression: both apps run behind the same small HTTP front in the server process that gzips (level 6) every compressible response the app sent uncompressed. The original serves nothing compressed by itself (its esbuild-minified phoenix + phoenix_live_view bundle included); the runtime gzips its own JS chunks but not its HTML. WebSocket frames are as served: `ws` without permessage-deflate.",
    "- Browser: playwright-core driving /usr/bin/chromium, one browser context per app (the HTTP cache is warm after the first view, as in a real session), a new page per view. Bytes and round trips come from DevTools Network events: loadingFinished/dataReceived encodedDataLength (compressed, headers included), webSocketFrameSent/Received payload sizes. Round trips count HTTP requests, WebSocket handshakes and WebSocket messages sent with a Phoenix ref (each gets a reply; heartbeats included). Each interaction's traffic is what arrives until 120 ms after the DOM changed (or after 900 ms without a change).",
    "- Interactions run inside the page: the event is dispatched (element.click(), an `input` event per typed character, keydown + keyup for keys, the form's submit button) and a MutationObserver takes the time to the first mutation that is not a loading marker (phx-*-loading classes, data-phx-ref, phx-disable-with text, disabled/readonly).",
    `- Memory: servers run as child processes with --expose-gc; each reading follows 3 forced GCs. LiveViewJS tabs are protocol-level Phoenix clients (WebSocket + phx_join with the page's session/static tokens, straight to the app port). Migrated views without sync hold no connection: a tab there is a page load. The migrated example-app views have no sync topics, so the cost of a sync stream is measured on fixtures/runtime-sample's /volunteers (one SSE stream per tab).`,
    `- Servers survived the sessions (closing a LiveViewJS timer view can crash 0.8.1; the example app calls the view's shutdown on socket close): original ${facts.serversSurvived.original ? "yes" : "**no**"}, migrated ${facts.serversSurvived.migrated ? "yes" : "**no**"}.`,
    "- Note on goal 1: ui and form events of the migrated views run in the browser with no traffic. The remaining traffic is commands: the sign-up save, the product search (a server search), the delivery-area suggestions (a server lookup per debounced input). The migrated pages also have no shared layout (nav, stylesheet) yet, which the original pages have: that part of the byte difference is not the runtime's doing.",
  ].join("\n");
}
