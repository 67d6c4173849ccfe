// @vitest-environment happy-dom
// A sync topic's action runs for each message even when the message has its own `type` (LiveViewJS
// handleInfo gets `{ type: "volunteer_updated", ... }`); ctx.send / ctx.after run the action they name.
import { describe, expect, it } from "vitest";
import { defineComponent, html } from "../../../src/runtime/client/index.ts";
import { SYNC_PROTOCOL } from "../../../src/runtime/contract.ts";
import { mountPage } from "./page.ts";
import { FakeEventSource } from "./fake-event-source.ts";

describe("sync action with typed messages", () => {
  it("runs the topic's action, which hands the message on to handleInfo with its type kept", async () => {
    FakeEventSource.all = [];
    const seen: string[] = [];
    const c = defineComponent<{ name: string }>({
      name: "typed",
      sync: { people: "sync_people" },
      actions: {
        sync_people(event, ctx) {
          ctx.send("handleInfo", event);
        },
        handleInfo(info, ctx) {
          seen.push(info.type);
          if (info.type === "renamed") ctx.assign({ name: info.name as string });
        },
      },
      render: (s) => html`<p>${s.name}</p>`,
    });
    const mounted = await mountPage(c, { name: "a" }, { EventSource: FakeEventSource as never, payload: { offsets: { people: "1" } } });
    FakeEventSource.all[0].emit(SYNC_PROTOCOL.messageEvent, { topic: "people", offset: "2", message: { type: "renamed", name: "b" } });
    await new Promise((r) => setTimeout(r, 10));
    await mounted.flushed();
    expect(seen).toEqual(["renamed"]);
    expect(document.querySelector("p")!.textContent).toBe("b");
  });
});
