// Smoke test of the wire benchmark's pieces that need no browser: the delaying proxy passes bytes
// through intact, in order, both ways, and never sooner than its delay; every session has 20 interactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, createServer, type Server } from "node:net";
import { startDelayProxy, type DelayProxy } from "../../bench/wire/delay-proxy.ts";
import { interactions, SESSIONS } from "../../bench/wire/sessions.ts";

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
