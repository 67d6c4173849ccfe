// Loads the real liveviewjs package without touching the network: at import time it fetches a mime
// database; we answer that fetch with an empty database instead.
import { vi } from "vitest";
// liveviewjs's exports map has no "types" condition, so name its declaration file directly.
import type * as LiveViewJS from "../../../node_modules/liveviewjs/dist/liveview.d.ts";

export type { LiveViewJS };

export async function loadLiveViewJS(): Promise<typeof LiveViewJS> {
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async () => ({ ok: true, json: async () => ({}) }));
  try {
    return (await import("liveviewjs" as string)) as typeof LiveViewJS;
  } finally {
    // Let the mime loader's microtasks see the stub before putting the real fetch back.
    await new Promise((r) => setTimeout(r, 0));
    vi.stubGlobal("fetch", realFetch);
  }
}
