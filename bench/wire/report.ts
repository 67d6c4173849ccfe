// Turns the measurements into the markdown written to bench/results.md (and printed).
import type { StepResult, ViewResult } from "./browser-session.ts";
import type { MemoryResult } from "./memory.ts";

export interface RunFacts {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  chromium: string;
  rtt: { original: { min: number; median: number }; migrated: { min: number; median: number } };
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

/** labels.json: view id → event → placement ("client", "split", "server"). */
export type Placements = Record<string, Record<string, string>>;

/** ui and form interactions: no binding, JS commands, or events every part of which is labelled client. */
function isClientInteraction(placements: Placements, viewId: string, event: string): boolean {
  if (event === "" || event === "js") return true;
  return event.split("+").every((name) => placements[viewId]?.[name] === "client");
}

export function renderResults(facts: RunFacts, original: ViewResult[], migrated: ViewResult[], memory: MemoryResult[], placements: Placements): string {
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

  // goals: the interactions of migrated views, classified by the labelled placement of their event
  const mSteps = migratedPairs.flatMap((p) => p.m.steps.map((s, i) => ({ path: p.m.path, s, client: isClientInteraction(placements, p.m.id, p.o.steps[i]?.event ?? s.event) })));
  const clientSteps = mSteps.filter((x) => x.client);
  const silent = (s: StepResult) => s.roundTrips === 0 && stepBytes(s) === 0;
  const leaks = clientSteps.filter(({ s }) => !silent(s));
  const leakByView = new Map<string, number>();
  for (const { path } of leaks) leakByView.set(path, (leakByView.get(path) ?? 0) + 1);
  const commandSteps = mSteps.filter((x) => !x.client);
  const localLat = latencies(clientSteps.filter(({ s }) => !s.debounced).map((x) => x.s));
  const debouncedLat = latencies(clientSteps.filter(({ s }) => s.debounced).map((x) => x.s));
  const ob = sum(migratedPairs.map((p) => bytesOf(p.o)));
  const mb = sum(migratedPairs.map((p) => bytesOf(p.m)));
  const allOb = sum(pairs.map((p) => bytesOf(p.o)));
  const allMb = sum(pairs.map((p) => bytesOf(p.m)));
  const syncFree = memory.filter((r) => r.label.includes("no sync"));
  const perTab = (r: MemoryResult, s: { tabs: number; heapUsed: number; rss: number }) => `${((s.heapUsed - r.baseline.heapUsed) / s.tabs / 1000).toFixed(1)} KB heap, ${((s.rss - r.baseline.rss) / s.tabs / 1000).toFixed(1)} KB RSS`;
  const maxTabs = (r: MemoryResult) => r.samples[r.samples.length - 1]!;
  const goal = (ok: boolean) => (ok ? "met" : "**not met**");
  const syncFreeWorst = Math.max(...syncFree.map((r) => (maxTabs(r).heapUsed - r.baseline.heapUsed) / maxTabs(r).tabs));
  const control = memory.find((r) => r.label.startsWith("control"));
  const controlPerTab = control ? (maxTabs(control).heapUsed - control.baseline.heapUsed) / maxTabs(control).tabs : 0;
  const liveViewJs = memory.filter((r) => r.label.startsWith("LiveViewJS"));
  const lvPerTab = liveViewJs.map((r) => (maxTabs(r).heapUsed - r.baseline.heapUsed) / maxTabs(r).tabs);

  const memRows = memory.map((r) => `| ${r.label} | ${kb(r.baseline.heapUsed)} / ${(r.baseline.rss / 1e6).toFixed(1)} MB | ${r.samples.map((s) => perTab(r, s)).join(" | ")} |`);

  return [
    `# Wire benchmark: LiveViewJS vs. the migrated app (\`npm run bench:wire\`)`,
    "",
    `Run ${facts.date} on ${facts.nproc} × ${facts.cpu}, Node ${facts.node}, Chromium ${facts.chromium}; load average after the run ${facts.loadavg.map((x) => x.toFixed(1)).join(" ")}; whole run ${facts.seconds} s.`,
    `Round trip through the delay proxy (in-page fetch over an open connection, min / median of 5): original ${facts.rtt.original.min.toFixed(1)} / ${facts.rtt.original.median.toFixed(1)} ms, migrated ${facts.rtt.migrated.min.toFixed(1)} / ${facts.rtt.migrated.median.toFixed(1)} ms.`,
    "",
    "## Goals",
    "",
    "| goal | result | verdict |",
    "|---|---|---|",
    `| zero round trips and zero bytes for ui and form interactions | ${clientSteps.length} of the ${mSteps.length} interactions on the ${migratedPairs.length} migrated views trigger events labelled \`client\` in labels.json (or only JS commands / no binding); ${clientSteps.length - leaks.length} of them sent and received nothing${leaks.length ? `; with traffic: ${[...leakByView].map(([p, n]) => `${p} ${n}`).join(", ")}` : ""}. The other ${commandSteps.length} (split/server events: ${[...new Set(commandSteps.map((x) => x.s.event))].join(", ")}) made ${sum(commandSteps.map((x) => x.s.roundTrips))} round trips | ${goal(leaks.length === 0)} |`,
    `| whole session's bytes ≤ 25% of the original's | migrated views: ${kb(mb)} vs ${kb(ob)} = ${((mb / ob) * 100).toFixed(0)}%; all ${pairs.length} views of the session (unmigrated ones are LiveViewJS on both sides): ${((allMb / allOb) * 100).toFixed(0)}% | ${goal(mb / ob <= 0.25)} on migrated views, ${goal(allMb / allOb <= 0.25)} on the whole session |`,
    `| click → DOM updated ≤ 2 ms median for client actions at 100 ms RTT | migrated app, client interactions without phx-debounce that changed the DOM: median ${ms(median(localLat))}, p95 ${ms(pct(localLat, 0.95))} (${localLat.length} interactions; the original: ${lat(migratedPairs.flatMap((p) => p.o.steps.filter((s, i) => isClientInteraction(placements, p.o.id, s.event) && !p.m.steps[i]?.debounced)))} median / p95). Debounced inputs wait on purpose: ${ms(median(debouncedLat))} median (${debouncedLat.length}) | ${goal(median(localLat) <= 2)} |`,
    `| no per-tab server memory for views without sync | nothing stays open per tab. Heap growth per page load at ${maxTabs(syncFree[0]!).tabs} loads: worst ${(syncFreeWorst / 1000).toFixed(2)} KB on the migrated views, ${(controlPerTab / 1000).toFixed(2)} KB on a plain express route of the same server (control); LiveViewJS: ${lvPerTab.map((x) => (x / 1000).toFixed(1)).join(" and ")} KB per connected tab | ${syncFreeWorst - controlPerTab <= 500 ? "met (growth within 0.5 KB of the control)" : "**not met**"} |`,
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
    "- Browser: playwright-core driving /usr/bin/chromium, one browser context per app (the HTTP cache is warm after the first view, as in a real session), a new page per view. Bytes and round trips come from DevTools Network events: loadingFinished/dataReceived encodedDataLength (compressed, headers included), webSocketFrameSent/Received payload sizes. Round trips count HTTP requests, WebSocket handshakes and WebSocket messages sent with a Phoenix ref (each gets a reply; heartbeats included). An interaction waits up to 900 ms for a DOM change; pages close only after 700 ms without traffic (liveviewjs 0.8.1 crashes the whole server when a view answers on a socket whose tab just closed, e.g. a search reply).",
    "- Interactions run inside the page: the event is dispatched (element.click(), an `input` event per typed character, keydown + keyup for keys, the form's submit button) and a MutationObserver takes the time to the first mutation that is not a loading marker (phx-*-loading classes, data-phx-* bookkeeping attributes, phx-disable-with text, disabled/readonly).",
    `- Memory: servers run as child processes with --expose-gc; each reading follows 3 forced GCs. LiveViewJS tabs are protocol-level Phoenix clients (WebSocket + phx_join with the page's session/static tokens, straight to the app port). Migrated views without sync hold no connection: a tab there is a page load. The migrated example-app views have no sync topics, so the cost of a sync stream is measured on fixtures/runtime-sample's /volunteers (one SSE stream per tab).`,
    `- Servers survived the sessions (closing a LiveViewJS timer view can crash 0.8.1; the example app calls the view's shutdown on socket close): original ${facts.serversSurvived.original ? "yes" : "**no**"}, migrated ${facts.serversSurvived.migrated ? "yes" : "**no**"}.`,
    "- Goal 1 classification: each interaction is tagged in the page with the binding it triggers (phx-click, the form's phx-change/phx-submit, phx-window-keydown/keyup matching the key); an interaction is ui/form when that event is labelled `client` in fixtures/example-app/labels.json, or it only runs JS commands (the release notes' `push(\"mark-read\")` is labelled client too), or it has no binding (typing into a form without phx-change). split/server events (sign-up save, product search, delivery-area suggest) are expected to travel: they became commands. Each interaction's traffic is counted until the network has been quiet for 300 ms, so a late reply is not billed to the next interaction.",
    "- Not like for like: the migrated pages have no shared layout yet (no nav, no stylesheet link), which the original pages have; the migrated sign-up page ships zod with its component, since validation now runs in the browser. The session visits /dashboard last on both sides, so the migrated side also downloads the LiveViewJS client there (it is still a LiveViewJS view).",
  ].join("\n");
}
