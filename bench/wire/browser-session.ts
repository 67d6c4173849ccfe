// Drives one app through the scripted sessions in Chromium and counts what crosses the wire with the
// DevTools protocol: HTTP bytes as received (encodedDataLength: compressed, headers included), WebSocket
// frame payloads both ways, Server-Sent Events streams (the migrated sync views' one stream per tab:
// response headers plus the body as it arrives), and round trips (HTTP requests, WebSocket handshakes,
// and WebSocket messages sent with a Phoenix ref, which always get a reply). Click → DOM-updated time is measured in
// the page: from dispatching the event to the first mutation that is not a loading marker.
import type { Browser, CDPSession, Page } from "playwright-core";
import { interactions, type Step, type ViewSession } from "./sessions.ts";

export interface Traffic {
  bytesIn: number;
  bytesOut: number;
  roundTrips: number;
  requests: number;
  wsSent: number;
  sseBytes: number; // of bytesIn: the SSE sync stream (headers, events, heartbeat comments)
  sseMessages: number; // SSE events received (heartbeat comments are not events)
  paths?: string[]; // first load only: what the page fetched (path and query)
}

export interface StepResult extends Traffic {
  latencyMs: number | null; // null: no DOM change within the wait
  event: string; // the phx-* binding the interaction triggers ("js" for JS commands, "live_patch" for a patch link, "" for none)
  targeted: boolean; // the binding has phx-target: the event goes to a child component
  debounced: boolean; // the element has phx-debounce/phx-throttle: the update waits on purpose
  what: string;
}

interface InPageResult {
  ms: number | null;
  what: string; // the first counted mutation, for checking the timing counts the right thing
  event: string;
  targeted: boolean;
  debounced: boolean;
}

export interface ViewResult {
  path: string;
  id: string;
  components?: string[];
  load: Traffic & { ms: number };
  steps: StepResult[];
}

const empty = (): Traffic => ({ bytesIn: 0, bytesOut: 0, roundTrips: 0, requests: 0, wsSent: 0, sseBytes: 0, sseMessages: 0 });

/** Counts CDP network events into whatever `phase.current` points at when they arrive. */
async function countTraffic(cdp: CDPSession, phase: { current: Traffic; lastAt: number }): Promise<void> {
  const streamed = new Map<string, number>();
  // SSE responses never finish while the page is open, and Chromium reports their encodedDataLength
  // late (a chunk's size arrives with the next one): count their headers at responseReceived and
  // the body as it arrives (dataLength: SSE is not compressed; chunked framing, a few bytes per event, is left out)
  const eventStreams = new Set<string>();
  for (const event of ["Network.requestWillBeSent", "Network.dataReceived", "Network.webSocketFrameSent", "Network.webSocketFrameReceived", "Network.eventSourceMessageReceived"] as const) {
    cdp.on(event, () => void (phase.lastAt = Date.now()));
  }
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.url.includes("/__bench/")) return;
    phase.current.requests++;
    phase.current.roundTrips++;
    if (phase.current.paths) {
      const url = new URL(e.request.url);
      phase.current.paths.push(url.protocol.startsWith("http") ? url.pathname + url.search : url.protocol);
    }
    phase.current.bytesOut += (e.request.postData?.length ?? 0);
  });
  cdp.on("Network.responseReceived", (e) => {
    if (!/^text\/event-stream/.test(e.response.mimeType)) return;
    eventStreams.add(e.requestId);
    const headers = e.response.encodedDataLength;
    phase.current.bytesIn += headers;
    phase.current.sseBytes += headers;
  });
  cdp.on("Network.eventSourceMessageReceived", () => {
    phase.current.sseMessages++;
  });
  cdp.on("Network.dataReceived", (e) => {
    if (eventStreams.has(e.requestId)) {
      phase.current.bytesIn += e.dataLength;
      phase.current.sseBytes += e.dataLength;
      return;
    }
    streamed.set(e.requestId, (streamed.get(e.requestId) ?? 0) + e.encodedDataLength);
    phase.current.bytesIn += e.encodedDataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (eventStreams.delete(e.requestId)) return;
    // encodedDataLength is the whole response as received; add what dataReceived did not report
    phase.current.bytesIn += Math.max(0, e.encodedDataLength - (streamed.get(e.requestId) ?? 0));
    streamed.delete(e.requestId);
  });
  cdp.on("Network.webSocketWillSendHandshakeRequest", () => {
    phase.current.roundTrips++;
  });
  const size = (f: { opcode: number; payloadData: string }) => (f.opcode === 2 ? Buffer.from(f.payloadData, "base64").length : Buffer.byteLength(f.payloadData));
  cdp.on("Network.webSocketFrameSent", (e) => {
    phase.current.bytesOut += size(e.response);
    phase.current.wsSent++;
    if (awaitsReply(e.response.payloadData)) phase.current.roundTrips++;
  });
  cdp.on("Network.webSocketFrameReceived", (e) => {
    phase.current.bytesIn += size(e.response);
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
}

/** Phoenix v2 frames are [joinRef, ref, topic, event, payload]; a non-null ref gets a phx_reply. */
function awaitsReply(payload: string): boolean {
  try {
    const msg = JSON.parse(payload) as unknown[];
    return Array.isArray(msg) && msg[1] !== null;
  } catch {
    return true; // binary upload chunks are acknowledged too
  }
}

/** Runs in the page: performs one interaction, resolves with ms to the first real DOM mutation. */
function performInPage([step, waitMs]: [Step, number]): Promise<InPageResult> {
  const pick = (sel: string, nth = 0) => document.querySelectorAll<HTMLElement>(sel)[nth];
  const loadingOnly = (m: MutationRecord) => {
    if (m.type !== "attributes") return false;
    const name = m.attributeName ?? "";
    if (name.startsWith("data-phx-") || name.startsWith("phx-") || name === "disabled" || name === "readonly") return true;
    if (name === "class") {
      const before = new Set((m.oldValue ?? "").split(/\s+/).filter(Boolean));
      const after = new Set((m.target as Element).getAttribute("class")?.split(/\s+/).filter(Boolean) ?? []);
      const changed = [...before, ...after].filter((c) => before.has(c) !== after.has(c));
      return changed.every((c) => c.startsWith("phx-"));
    }
    return false;
  };
  const disableWithText = (m: MutationRecord) => {
    const el = (m.target.nodeType === 1 ? m.target : m.target.parentElement) as Element | null;
    return m.type !== "attributes" && !!el?.closest?.("[data-phx-disable-with-restore],[phx-disable-with].phx-submit-loading");
  };
  // which binding this interaction triggers, read before dispatching (the page may change after)
  const bindingOf = (): { event: string; targeted: boolean; debounced: boolean } => {
    const named = (v: string | null | undefined) => (!v ? "" : v.trim().startsWith("[") ? "js" : v);
    if ("click" in step) {
      const target = pick(step.click, step.nth);
      if (target?.closest("a[data-phx-link=patch]")) return { event: "live_patch", targeted: false, debounced: false };
      const el = target?.closest("[phx-click]");
      return { event: named(el?.getAttribute("phx-click")), targeted: !!el?.hasAttribute("phx-target"), debounced: !!el?.matches("[phx-debounce],[phx-throttle]") };
    }
    if ("key" in step) {
      const names = [...document.querySelectorAll("[phx-window-keydown],[phx-window-keyup]")]
        .filter((el) => !el.getAttribute("phx-key") || el.getAttribute("phx-key") === step.key)
        .map((el) => named(el.getAttribute("phx-window-keydown") ?? el.getAttribute("phx-window-keyup")));
      return { event: names.join("+"), targeted: false, debounced: false };
    }
    if ("submit" in step) {
      const form = pick(step.submit);
      return { event: named(form?.getAttribute("phx-submit")), targeted: !!form?.hasAttribute("phx-target"), debounced: false };
    }
    const el = pick("type" in step ? step.type : "clear" in step ? step.clear : step.select) as HTMLInputElement | undefined;
    return { event: named(el?.form?.getAttribute("phx-change")), targeted: !!el?.form?.hasAttribute("phx-target"), debounced: !!el?.matches("[phx-debounce],[phx-throttle]") };
  };
  const binding = bindingOf();
  let what = "";
  const describe = (m: MutationRecord) => {
    const el = (m.target.nodeType === 1 ? m.target : m.target.parentElement) as Element | null;
    return `${m.type}${m.attributeName ? ` ${m.attributeName}` : ""} on ${el?.tagName.toLowerCase() ?? "?"}${el?.id ? `#${el.id}` : ""}`;
  };
  return new Promise<number | null>((resolve) => {
    let t0 = 0;
    let done = false;
    const observer = new MutationObserver((records) => {
      const counted = done ? undefined : records.find((m) => !loadingOnly(m) && !disableWithText(m));
      if (!counted) return;
      done = true;
      const ms = performance.now() - t0;
      what = describe(counted);
      observer.disconnect();
      resolve(ms);
    });
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve(null);
    };
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
    t0 = performance.now();
    if ("click" in step) {
      const el = pick(step.click, step.nth);
      if (!el) return finish();
      el.click();
    } else if ("type" in step || "clear" in step) {
      const el = pick("type" in step ? step.type : step.clear) as HTMLInputElement | undefined;
      if (!el) return finish();
      if (document.activeElement !== el) el.focus();
      el.value = "type" in step ? el.value + step.text : "";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    } else if ("select" in step) {
      const el = pick(step.select) as HTMLSelectElement | undefined;
      if (!el) return finish();
      el.focus();
      el.value = step.value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    } else if ("key" in step) {
      const target = document.activeElement && document.activeElement !== document.body ? document.activeElement : document.body;
      target.dispatchEvent(new KeyboardEvent("keydown", { key: step.key, bubbles: true }));
      target.dispatchEvent(new KeyboardEvent("keyup", { key: step.key, bubbles: true }));
    } else if ("submit" in step) {
      const form = pick(step.submit) as HTMLFormElement | undefined;
      const button = form?.querySelector<HTMLElement>('[type="submit"]');
      if (!button) return finish();
      button.click();
    }
    setTimeout(finish, waitMs);
  }).then((ms) => ({ ms, what, ...binding }));
}

export interface SessionOptions {
  waitMs: number; // longest wait for a DOM change after an interaction
  settleMs: number; // wait after each interaction's DOM change (or time-out)
  quietMs: number; // then wait until the network has been quiet this long, so late frames count for that interaction
  liveViewJs: boolean; // wait for the Phoenix socket to join after load
}

export async function runSessions(browser: Browser, baseUrl: string, sessions: ViewSession[], options: SessionOptions, onView?: (r: ViewResult) => void): Promise<ViewResult[]> {
  const context = await browser.newContext();
  // tsx compiles with keepNames: functions sent to the page call its __name helper
  await context.addInitScript("globalThis.__name = (f) => f;");
  const results: ViewResult[] = [];
  try {
    for (const session of sessions) {
      const page: Page = await context.newPage();
      page.on("pageerror", (error) => console.error(`  page error on ${session.path}: ${error.message}`));
      const cdp = await context.newCDPSession(page);
      const phase = { current: empty(), lastAt: Date.now() };
      await countTraffic(cdp, phase);
      const load: Traffic = { ...empty(), paths: [] };
      phase.current = load;
      const t0 = Date.now();
      await page.goto(baseUrl + session.path, { waitUntil: "load" });
      if (options.liveViewJs) await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 10_000 });
      await page.waitForLoadState("networkidle");
      const ms = Date.now() - t0;
      const steps: StepResult[] = [];
      for (const step of interactions(session.steps)) {
        const traffic = empty();
        phase.current = traffic;
        const { ms: latencyMs, event, targeted, debounced, what } = await page.evaluate(performInPage, [step, options.waitMs] as [Step, number]);
        await page.waitForTimeout(options.settleMs);
        // a reply that comes after the first DOM change (e.g. results after a loading flag) belongs here
        const quietBy = Date.now() + 3000;
        while (Date.now() - phase.lastAt < options.quietMs && Date.now() < quietBy) await page.waitForTimeout(50);
        steps.push({ ...traffic, latencyMs, event, targeted, debounced, what });
      }
      // Let late replies land before closing: liveviewjs 0.8.1 crashes the whole server when a view
      // answers (e.g. a search's handleInfo) on a socket whose tab has just closed.
      const quietBy = Date.now() + 4000;
      while (Date.now() - phase.lastAt < 700 && Date.now() < quietBy) await page.waitForTimeout(100);
      phase.current = empty();
      await page.close();
      const result = { path: session.path, id: session.id, components: session.components, load: { ...load, ms }, steps };
      results.push(result);
      onView?.(result);
    }
  } finally {
    await context.close();
  }
  return results;
}

/** Times an in-page fetch over an already open connection: the round trip the browser sees. */
export async function measureRtt(browser: Browser, baseUrl: string): Promise<{ min: number; median: number }> {
  const page = await browser.newPage();
  try {
    await page.goto(baseUrl + "/app.css");
    return await page.evaluate(async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await fetch("/favicon.ico?rtt=" + i, { cache: "no-store" });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { min: times[0]!, median: times[2]! };
    });
  } finally {
    await page.close();
  }
}
