// Server memory per connected tab, read from the server child after a forced GC (GET /__bench/mem).
// Original: protocol-level Phoenix clients (one WebSocket + phx_join per tab, as the browser client
// sends it). Migrated views without sync: a tab is a page load, after which the runtime holds nothing,
// so N tabs are N page loads. Views with sync: one Server-Sent Events stream per tab.
import { request } from "node:http";
import { WebSocket } from "ws";

export interface MemorySample {
  tabs: number;
  heapUsed: number;
  rss: number;
}

export interface MemoryResult {
  label: string;
  baseline: MemorySample;
  samples: MemorySample[]; // at 1, 100, 500 tabs
}

export async function readMemory(frontPort: number): Promise<{ heapUsed: number; rss: number }> {
  const res = await fetch(`http://127.0.0.1:${frontPort}/__bench/mem`);
  return (await res.json()) as { heapUsed: number; rss: number };
}

async function measureAt(levels: number[], frontPort: number, label: string, openTabs: (from: number, to: number) => Promise<void>, closeAll: () => Promise<void>, warmUp: () => Promise<void>): Promise<MemoryResult> {
  // one tab opened and closed first, so lazy module state and JIT code are not counted as per-tab memory
  await warmUp();
  const base = await readMemory(frontPort);
  const samples: MemorySample[] = [];
  let open = 0;
  for (const n of levels) {
    await openTabs(open, n);
    open = n;
    await new Promise((r) => setTimeout(r, 300));
    const m = await readMemory(frontPort);
    samples.push({ tabs: n, heapUsed: m.heapUsed, rss: m.rss });
  }
  await closeAll();
  return { label, baseline: { tabs: 0, heapUsed: base.heapUsed, rss: base.rss }, samples };
}

async function inBatches(from: number, to: number, size: number, fn: (i: number) => Promise<void>): Promise<void> {
  for (let i = from; i < to; i += size) {
    await Promise.all(Array.from({ length: Math.min(size, to - i) }, (_, k) => fn(i + k)));
  }
}

/** N Phoenix WebSocket clients joined to one LiveViewJS view, straight to the app port. */
export async function liveViewTabs(appPort: number, frontPort: number, path: string, levels: number[]): Promise<MemoryResult> {
  const base = `http://127.0.0.1:${appPort}`;
  const body = await (await fetch(base + path)).text();
  const attr = (name: string) => body.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? "";
  const id = body.match(/data-phx-main="true"[^>]*id="(phx-[^"]+)"/s)?.[1];
  const csrf = body.match(/<meta name="csrf-token" content="([^"]+)"/)?.[1];
  if (!id || !csrf) throw new Error(`no LiveView root on ${path}`);
  const sockets: WebSocket[] = [];
  const join = async (_i: number, keep = sockets) => {
    const ws = new WebSocket(`ws://127.0.0.1:${appPort}/live/websocket?vsn=2.0.0`);
    keep.push(ws);
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`join of ${path} timed out`)), 15_000);
      ws.on("message", (data) => {
        const [, ref, , event, payload] = JSON.parse(data.toString()) as [unknown, string, string, string, { status?: string }];
        if (event === "phx_reply" && ref === "1") {
          clearTimeout(timer);
          if (payload.status === "ok") resolve();
          else reject(new Error(`join of ${path} failed: ${JSON.stringify(payload)}`));
        }
      });
      ws.send(JSON.stringify(["1", "1", `lv:${id}`, "phx_join", { url: base + path, params: { _csrf_token: csrf, _mounts: 0 }, session: attr("data-phx-session"), static: attr("data-phx-static") }]));
    });
  };
  const closeAll = async (list: WebSocket[]) => {
    for (const ws of list) ws.close();
    await new Promise((r) => setTimeout(r, 500));
  };
  return measureAt(levels, frontPort, `LiveViewJS ${path}`, (from, to) => inBatches(from, to, 25, (i) => join(i)), () => closeAll(sockets), async () => {
    const warm: WebSocket[] = [];
    await inBatches(0, 5, 5, (i) => join(i, warm));
    await closeAll(warm);
  });
}

/** Every cookie a response sets (the runtime's lvm_session and express-session's connect.sid), as a Cookie header. */
function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** N page loads of a migrated view without sync (no connection stays open), by one browser (one cookie). */
export async function pageLoadTabs(appPort: number, frontPort: number, path: string, levels: number[]): Promise<MemoryResult> {
  let cookie = "";
  const load = async () => {
    const res = await fetch(`http://127.0.0.1:${appPort}${path}`, { headers: cookie ? { cookie } : {} });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    cookie ||= cookiesOf(res);
    await res.text();
  };
  return measureAt(levels, frontPort, `runtime ${path} (no sync)`, (from, to) => inBatches(from, to, 10, load), async () => {}, () => inBatches(0, 20, 10, load));
}

/** N Server-Sent Events streams following a view's sync topics, with the cookie its page load set. */
export async function syncTabs(appPort: number, frontPort: number, path: string, topics: string[], levels: number[]): Promise<MemoryResult> {
  const page = await fetch(`http://127.0.0.1:${appPort}${path}`);
  const cookie = cookiesOf(page);
  await page.text();
  const open: { destroy(): void }[] = [];
  const follow = (keep = open) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: appPort, path: `/_lvm/sync?topics=${topics.join(",")}&offsets=${encodeURIComponent("{}")}`, headers: { accept: "text/event-stream", cookie } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`sync stream: ${res.statusCode}`));
          keep.push(res);
          res.once("data", () => resolve()); // the ready event
        },
      );
      req.on("error", reject);
      req.end();
    });
  const closeAll = async (list: { destroy(): void }[]) => {
    for (const r of list) r.destroy();
    await new Promise((r) => setTimeout(r, 300));
  };
  return measureAt(levels, frontPort, `runtime ${path} (sync: ${topics.join(",")})`, (from, to) => inBatches(from, to, 25, () => follow()), () => closeAll(open), async () => {
    const warm: { destroy(): void }[] = [];
    await inBatches(0, 5, 5, () => follow(warm));
    await closeAll(warm);
  });
}
