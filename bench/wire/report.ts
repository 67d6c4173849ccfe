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
const sseOf = (v: ViewResult) => v.load.sseBytes + sum(v.steps.map((s) => s.sseBytes));
const latencies = (steps: StepResult[]) => steps.map((s) => s.latencyMs).filter((x): x is number => x !== null);
const lat = (steps: StepResult[]) => {
  const xs = latencies(steps);
  return xs.length ? `${ms(median(xs))} / ${ms(pct(xs, 0.95))} (${xs.length})` : "–";
};

/** labels.json: view id → event → placement ("client", "split", "server"). */
export type Placements = Record<string, Record<string, string>>;

/**
 * ui and form interactions: no binding, JS commands, or events every part of which is labelled client.
 * An event with phx-target goes to a child component: its placement is the component's label. A
 * live_patch link is a navigation: handleParams runs again, on the server for LiveViewJS and as a
 * params command for the migrated view, so it is expected to travel.
 */
export function isClientInteraction(placements: Placements, view: Pick<ViewResult, "id" | "components">, step: Pick<StepResult, "event" | "targeted">): boolean {
  const { event } = step;
  if (event === "" || event === "js") return true;
  if (event === "live_patch") return false;
  const owners = step.targeted && view.components?.length ? view.components : [view.id];
  return event.split("+").every((name) => owners.some((id) => placements[id]?.[name] === "client"));
}

/**
 * Nothing crossed the wire because of this interaction. A sync stream's bytes without an SSE event
 * (the heartbeat comment every 15 s) are billed to the interaction during which they arrive but are
 * not caused by it; an SSE event (another tab's change, or this tab's own command's broadcast) is.
 */
export function sentNothing(s: StepResult): boolean {
  const idle = s.sseMessages === 0 ? s.sseBytes : 0;
  return s.roundTrips === 0 && s.bytesIn + s.bytesOut - idle === 0;
}

/** The per-view table of README's benchmark section (written by hand from a run): printed, not written. */
export function renderReadmeRows(original: ViewResult[], migrated: ViewResult[]): string {
  const rows = original.flatMap((o) => {
    const m = migrated.find((x) => x.path === o.path);
    if (!m) return [];
    const sse = sseOf(m);
    const medianOf = (v: ViewResult) => ms(median(latencies(v.steps)));
    return [`| ${o.path} | ${kb(bytesOf(o))} → ${kb(bytesOf(m))} (${((bytesOf(m) / bytesOf(o)) * 100).toFixed(0)}%${sse ? `, SSE ${kb(sse)}` : ""}) | ${sum(o.steps.map((s) => s.roundTrips))} → ${sum(m.steps.map((s) => s.roundTrips))} | ${medianOf(o)} → ${medianOf(m)} |`];
  });
  return ["| view | bytes original → migrated | interaction round trips | click → DOM, median |", "|---|---|---|---|", ...rows].join("\n");
}

/** Whether a session path (/volunteers/1) is an instance of a route (/volunteers/:id). */
export function matchesRoute(route: string, path: string): boolean {
  const a = route.split("/");
  const b = path.split("/");
  return a.length === b.length && a.every((part, i) => part.startsWith(":") || part === b[i]);
}

export function renderResults(facts: RunFacts, original: ViewResult[], migrated: ViewResult[], memory: MemoryResult[], placements: Placements): string {
  const isMigrated = (path: string) => facts.migratedRoutes.some((route) => matchesRoute(route, path));
  const rows: string[] = [];
  const pairs = original.map((o) => ({ o, m: migrated.find((m) => m.path === o.path)! })).filter((p) => p.m);
  for (const { o, m } of pairs) {
    const sse = sseOf(m);
    rows.push(
      `| ${o.path} | ${isMigrated(o.path) ? "yes" : "no (LiveViewJS on both)"} | ${kb(bytesOf(o))} | ${kb(bytesOf(m))}${sse ? ` (SSE ${kb(sse)})` : ""} | ${(bytesOf(m) / bytesOf(o) * 100).toFixed(0)}% | ${kb(o.load.bytesIn + o.load.bytesOut)} / ${kb(m.load.bytesIn + m.load.bytesOut)} | ${o.load.roundTrips} / ${m.load.roundTrips} | ${kb(sum(o.steps.map(stepBytes)))} / ${kb(sum(m.steps.map(stepBytes)))} | ${sum(o.steps.map((s) => s.roundTrips))} / ${sum(m.steps.map((s) => s.roundTrips))} | ${lat(o.steps)} | ${lat(m.steps)} |`,
    );
  }
  const total = (list: { o: ViewResult; m: ViewResult }[], label: string) => {
    const ob = sum(list.map((p) => bytesOf(p.o)));
    const mb = sum(list.map((p) => bytesOf(p.m)));
    const os = list.flatMap((p) => p.o.steps);
    const msteps = list.flatMap((p) => p.m.steps);
    const sse = sum(list.map((p) => sseOf(p.m)));
    return `| **${label}** | | **${kb(ob)}** | **${kb(mb)}**${sse ? ` (SSE ${kb(sse)})` : ""} | **${((mb / ob) * 100).toFixed(0)}%** | ${kb(sum(list.map((p) => p.o.load.bytesIn + p.o.load.bytesOut)))} / ${kb(sum(list.map((p) => p.m.load.bytesIn + p.m.load.bytesOut)))} | ${sum(list.map((p) => p.o.load.roundTrips))} / ${sum(list.map((p) => p.m.load.roundTrips))} | ${kb(sum(os.map(stepBytes)))} / ${kb(sum(msteps.map(stepBytes)))} | ${sum(os.map((s) => s.roundTrips))} / ${sum(msteps.map((s) => s.roundTrips))} | ${lat(os)} | ${lat(msteps)} |`;
  };
  const migratedPairs = pairs.filter((p) => isMigrated(p.o.path));
  rows.push(total(migratedPairs, `migrated views (${migratedPairs.length})`));
  rows.push(total(pairs, `whole session (${pairs.length} views)`));

  // goals: the interactions of migrated views, classified by the labelled placement of their event
  // the binding as the original page has it (the same markup on both sides), unless the original found no element there
  const bindingAt = (p: { o: ViewResult; m: ViewResult }, i: number) => (p.o.steps[i]?.event ? p.o.steps[i]! : p.m.steps[i]!);
  const mSteps = migratedPairs.flatMap((p) => p.m.steps.map((s, i) => ({ path: p.m.path, s, client: isClientInteraction(placements, p.m, bindingAt(p, i)) })));
  // steps where the two sides triggered different bindings: the sessions drifted apart there
  const drift = pairs.flatMap((p) => p.m.steps.flatMap((s, i) => (s.event === p.o.steps[i]?.event ? [] : [`${p.m.path} #${i + 1} (${p.o.steps[i]?.event || "no element"} / ${s.event || "no element"})`])));
  const clientSteps = mSteps.filter((x) => x.client);
  const leaks = clientSteps.filter(({ s }) => !sentNothing(s));
  const leakByView = new Map<string, number>();
  for (const { path } of leaks) leakByView.set(path, (leakByView.get(path) ?? 0) + 1);
  const commandSteps = mSteps.filter((x) => !x.client);
  const travel = (list: typeof mSteps) => [...new Set(list.map((x) => x.s.event))].join(", ");
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
    `| zero round trips and zero bytes for ui and form interactions | ${clientSteps.length} of the ${mSteps.length} interactions on the ${migratedPairs.length} migrated views trigger events labelled \`client\` in labels.json (or only JS commands / no binding); ${clientSteps.length - leaks.length} of them sent and received nothing${leaks.length ? `; with traffic: ${[...leakByView].map(([p, n]) => `${p} ${n}`).join(", ")}` : ""}. The other ${commandSteps.length} (split/server events and live_patch navigations: ${travel(commandSteps)}) made ${sum(commandSteps.map((x) => x.s.roundTrips))} round trips | ${goal(leaks.length === 0)} |`,
    `| whole session's bytes ≤ 25% of the original's | migrated views: ${kb(mb)} vs ${kb(ob)} = ${((mb / ob) * 100).toFixed(0)}%; all ${pairs.length} views of the session (unmigrated ones are LiveViewJS on both sides): ${((allMb / allOb) * 100).toFixed(0)}% | ${goal(mb / ob <= 0.25)} on migrated views, ${goal(allMb / allOb <= 0.25)} on the whole session |`,
    `| click → DOM updated ≤ 2 ms median for client actions at 100 ms RTT | migrated app, client interactions without phx-debounce that changed the DOM: median ${ms(median(localLat))}, p95 ${ms(pct(localLat, 0.95))} (${localLat.length} interactions; the original: ${lat(migratedPairs.flatMap((p) => p.o.steps.filter((s, i) => isClientInteraction(placements, p.o, s) && !p.m.steps[i]?.debounced)))} median / p95). Debounced inputs wait on purpose: ${ms(median(debouncedLat))} median (${debouncedLat.length}) | ${goal(median(localLat) <= 2)} |`,
    `| no per-tab server memory for views without sync | nothing stays open per tab. Heap growth per page load at ${maxTabs(syncFree[0]!).tabs} loads: worst ${(syncFreeWorst / 1000).toFixed(2)} KB on the migrated views, ${(controlPerTab / 1000).toFixed(2)} KB on a plain express route of the same server (control); LiveViewJS: ${lvPerTab.map((x) => (x / 1000).toFixed(1)).join(" and ")} KB per connected tab | ${syncFreeWorst - controlPerTab <= 500 ? "met (growth within 0.5 KB of the control)" : "**not met**"} |`,
    "",
    "## Per view (20 interactions each, after the first load)",
    "",
    "Bytes are everything over the wire both ways (HTTP responses as received incl. headers, request bodies, WebSocket payloads, and on the migrated side the SSE sync stream of views that follow topics: its share is given as \"SSE\"). Pairs are original / migrated. Latency: click → first DOM mutation, median / p95 (count of interactions that changed the DOM within 900 ms).",
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
    `- Pairs: the original is fixtures/example-app on liveviewjs 0.8.1 + @liveviewjs/express 0.8.1 (\`startServer\`). The migrated app is a fresh copy of it in tmp/bench-wire-app after \`migrate apply --allow-dirty\`: ${facts.migratedRoutes.length} routes are served by the runtime (${facts.migratedRoutes.join(", ")}); the others stay on LiveViewJS in the same server. The browser sessions (bench/wire/sessions.ts: the first load, then 20 scripted interactions per view through the view's own bindings) cover ${original.length} views: ${original.map((v) => v.path).join(", ")}. Not covered: file uploads on /photos (its session edits the caption and submits without files), and migrated routes without a session: ${facts.migratedRoutes.filter((r) => !original.some((v) => v.path === r || matchesRoute(r, v.path))).join(", ") || "none"}.`,
    "- Network: each app sits behind its own delaying TCP proxy on loopback (50 ms each way, for HTTP, SSE and WebSocket alike; CDP network emulation does not delay WebSocket frames in this Chromium).",
    "- Compression: both apps run behind the same small HTTP front in the server process that gzips (level 6) every compressible response the app sent uncompressed. The original serves nothing compressed by itself (its esbuild-minified phoenix + phoenix_live_view bundle included); the runtime gzips its own JS chunks but not its HTML. WebSocket frames are as served: `ws` without permessage-deflate.",
    "- Browser: playwright-core driving /usr/bin/chromium, one browser context per app (the HTTP cache is warm after the first view, as in a real session), a new page per view. Bytes and round trips come from DevTools Network events: loadingFinished/dataReceived encodedDataLength (compressed, headers included), webSocketFrameSent/Received payload sizes. Round trips count HTTP requests, WebSocket handshakes and WebSocket messages sent with a Phoenix ref (each gets a reply; heartbeats included). Migrated views with \`sync\` topics (/volunteers, /volunteers/:id, /activity, /account, /pantry) hold one Server-Sent Events stream per tab: its response headers (at responseReceived) and every body chunk as it arrives (dataReceived dataLength: the stream is not compressed; the stream never finishes while the page is open, and Chromium reports a chunk's encoded size only with the next one) count as bytes of the interaction during which they arrive, heartbeat comments included; opening it is one of the first load's round trips. An interaction waits up to 900 ms for a DOM change; pages close only after 700 ms without traffic (liveviewjs 0.8.1 crashes the whole server when a view answers on a socket whose tab just closed, e.g. a search reply).",
    "- Interactions run inside the page: the event is dispatched (element.click(), an `input` event per typed character, keydown + keyup for keys, the form's submit button) and a MutationObserver takes the time to the first mutation that is not a loading marker (phx-*-loading classes, data-phx-* bookkeeping attributes, phx-disable-with text, disabled/readonly).",
    `- Memory: servers run as child processes with --expose-gc; each reading follows 3 forced GCs. LiveViewJS tabs are protocol-level Phoenix clients (WebSocket + phx_join with the page's session/static tokens, straight to the app port). Migrated views without sync hold no connection: a tab there is a page load. A migrated view with sync holds one SSE stream per tab: measured on the migrated /volunteers (N streams following \`volunteers\` with the cookie of one page load).`,
    `- The two sides triggered the same binding at every step: ${drift.length ? `**no**, original / migrated differ at ${drift.join(", ")}` : "yes"}.`,
    `- Servers survived the sessions (closing a LiveViewJS timer view can crash 0.8.1; the example app calls the view's shutdown on socket close): original ${facts.serversSurvived.original ? "yes" : "**no**"}, migrated ${facts.serversSurvived.migrated ? "yes" : "**no**"}.`,
    "- Goal 1 classification: each interaction is tagged in the page with the binding it triggers (phx-click, the form's phx-change/phx-submit, phx-window-keydown/keyup matching the key); an interaction is ui/form when that event is labelled `client` in fixtures/example-app/labels.json, or it only runs JS commands (the release notes' `push(\"mark-read\")` is labelled client too), or it has no binding (typing into a form without phx-change). Events sent with phx-target to a child component (the shift picker on /volunteers/:id) take the component's label. split/server events are expected to travel: they became commands. So are live_patch links (/inventory's sorting, paging and page sizes): a patch runs handleParams again, on the server for LiveViewJS and as a params command after the client navigation on the migrated side, so each is one round trip there too (plus, on both sides, Chromium's re-request of /favicon.ico after the URL change: a 204 the browser does not cache). An interaction \"sent nothing\" when it made no round trip and moved no bytes, leaving aside SSE heartbeat comments that happen to arrive during it (bytes on the stream without an SSE event); an SSE event during a ui interaction counts against it. Each interaction's traffic is counted until the network has been quiet for 300 ms, so a late reply is not billed to the next interaction.",
    `- First load requests, as a check on what each side's pages pull in (${pairs[0]?.o.path ?? "–"}, the first view, cold cache): original ${(pairs[0]?.o.load.paths ?? []).map((x) => `\`${x.split("?")[0]}\``).join(", ") || "–"}; migrated ${(pairs[0]?.m.load.paths ?? []).map((x) => `\`${x.split("?")[0]}\``).join(", ") || "–"}.`,
    "- Not like for like: the migrated sign-up page ships zod with its component, since validation now runs in the browser. On sync views a change travels differently: LiveViewJS pushes the re-rendered diff over the tab's WebSocket; the runtime sends the sync event over SSE and the component then runs its handler, a command where the handler reads shared data (e.g. a check-in on /volunteers: the check-in command, the SSE event, then the refetch command).",
  ].join("\n");
}
