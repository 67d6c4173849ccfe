// Smoke test of the wire benchmark's pieces that need no browser: the delaying proxy passes bytes
// through intact, in order, both ways, and never sooner than its delay; every session has 20 interactions
// and the example app's routes all have one; the goal classification of interactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, createServer, type Server } from "node:net";
import { startDelayProxy, type DelayProxy } from "../../bench/wire/delay-proxy.ts";
import { readFileSync } from "node:fs";
import { interactions, SESSIONS } from "../../bench/wire/sessions.ts";
import { isClientInteraction, matchesRoute, sentNothing } from "../../bench/wire/report.ts";

let echo: Server;
let proxy: DelayProxy;

beforeAll(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  proxy = await startDelayProxy((echo.address() as { port: number }).port, 30);
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

describe("delay proxy", () => {
  it("echoes every chunk in order, after at least the delay each way", async () => {
    const socket = createConnection({ host: "127.0.0.1", port: proxy.port });
    await new Promise((resolve) => socket.once("connect", resolve));
    const sent = Array.from({ length: 50 }, (_, i) => `chunk-${i};`).join("");
    const started = performance.now();
    const received = await new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (d: Buffer) => {
        text += d.toString();
        if (text.length >= sent.length) resolve(text);
      });
      for (let i = 0; i < 50; i++) socket.write(`chunk-${i};`);
    });
    const elapsed = performance.now() - started;
    socket.destroy();
    expect(received).toBe(sent);
    // a lower bound only: the proxy must never deliver early (30 ms each way)
    expect(elapsed).toBeGreaterThanOrEqual(55);
  });
});

describe("sessions", () => {
  it("script 20 interactions per view", () => {
    for (const session of SESSIONS) expect(interactions(session.steps)).toHaveLength(20);
  });
});

describe("sessions cover the example app", () => {
  const labels = JSON.parse(readFileSync(new URL("../../fixtures/example-app/labels.json", import.meta.url), "utf8")) as { views: Record<string, unknown> };
  const router = readFileSync(new URL("../../fixtures/example-app/src/router.ts", import.meta.url), "utf8");
  const routes = [...router.matchAll(/^\s*"(\/[^"]*)":/gm)].map((m) => m[1]!);

  it("name labelled views and child components", () => {
    for (const session of SESSIONS) {
      expect(labels.views[session.id], session.id).toBeDefined();
      for (const id of session.components ?? []) expect(labels.views[id], id).toBeDefined();
    }
  });

  it("visit every route but the one `migrate apply` leaves on LiveViewJS", () => {
    const visited = (route: string) => SESSIONS.some((s) => matchesRoute(route, s.path));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !visited(r))).toEqual(["/reports/builder"]);
  });
});

describe("goal classification", () => {
  const placements = {
    "v#view": { open: "client", save: "server" },
    "c#picker": { choose: "client", confirm: "split" },
  };
  const view = { id: "v#view", components: ["c#picker"] };
  const step = (event: string, targeted = false) => ({ event, targeted });

  it("takes a targeted event's placement from the child component", () => {
    expect(isClientInteraction(placements, view, step("choose", true))).toBe(true);
    expect(isClientInteraction(placements, view, step("confirm", true))).toBe(false);
    expect(isClientInteraction(placements, view, step("choose"))).toBe(false); // not the view's event
    expect(isClientInteraction(placements, view, step("open"))).toBe(true);
    expect(isClientInteraction(placements, view, step("save"))).toBe(false);
  });

  it("expects live_patch navigations to travel and lets unbound and JS-only interactions stay local", () => {
    expect(isClientInteraction(placements, view, step("live_patch"))).toBe(false);
    expect(isClientInteraction(placements, view, step(""))).toBe(true);
    expect(isClientInteraction(placements, view, step("js"))).toBe(true);
  });

  it("does not bill an SSE heartbeat to an interaction, but does bill an SSE event or any request", () => {
    const quiet = { bytesIn: 0, bytesOut: 0, roundTrips: 0, requests: 0, wsSent: 0, sseBytes: 0, sseMessages: 0, latencyMs: 1, event: "open", targeted: false, debounced: false, what: "" };
    expect(sentNothing(quiet)).toBe(true);
    expect(sentNothing({ ...quiet, bytesIn: 8, sseBytes: 8 })).toBe(true);
    expect(sentNothing({ ...quiet, bytesIn: 120, sseBytes: 120, sseMessages: 1 })).toBe(false);
    expect(sentNothing({ ...quiet, bytesIn: 300, sseBytes: 8 })).toBe(false);
    expect(sentNothing({ ...quiet, roundTrips: 1, requests: 1 })).toBe(false);
  });
});
