// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { defineComponent, html, PROTOCOL } from "../../../src/runtime/client/index.ts";
import { SYNC_PROTOCOL } from "../../../src/runtime/contract.ts";
import { mountPage } from "./page.ts";
import { FakeEventSource } from "./fake-event-source.ts";

const board = defineComponent<{ volunteers: string[]; notes: string[] }>({
  name: "board",
  shared: { volunteers: "listVolunteers" },
  sync: { volunteers: "onVolunteer", notes: "onNote" },
  actions: {
    onVolunteer(e, ctx) {
      ctx.assign({ volunteers: [...ctx.state.volunteers, e.name as string] });
    },
    onNote(e, ctx) {
      ctx.assign({ notes: [...ctx.state.notes, `${e.type}:${e.text}`] });
    },
  },
  render: (s) => html`<ul>${s.volunteers.map((v) => html`<li>${v}</li>`)}</ul>`,
});

const offsets = (url: string) => JSON.parse(new URL(url, location.href).searchParams.get(SYNC_PROTOCOL.offsetsParam)!);

describe("sync stream", () => {
  it("subscribes from the state script's offsets, runs the named action per message, drops repeats", async () => {
    FakeEventSource.all = [];
    const c = await mountPage(board, { volunteers: ["ann"], notes: [] }, { EventSource: FakeEventSource as never, payload: { offsets: { volunteers: "5", notes: "0-1" } } });
    const [es] = FakeEventSource.all;
    const url = new URL(es.url, location.href);
    expect(url.pathname).toBe(`${PROTOCOL.base}${PROTOCOL.syncPath}`);
    expect(url.searchParams.get(SYNC_PROTOCOL.topicsParam)).toBe("volunteers,notes");
    expect(offsets(es.url)).toEqual({ volunteers: "5", notes: "0-1" });

    es.emit(SYNC_PROTOCOL.messageEvent, { topic: "volunteers", offset: "6", message: { name: "bob" } });
    es.emit(SYNC_PROTOCOL.messageEvent, { topic: "volunteers", offset: "6", message: { name: "bob" } }); // redelivered
    es.emit(SYNC_PROTOCOL.messageEvent, { topic: "notes", offset: "0-2", message: { text: "hi" } });
    await c.flushed();
    expect(c.state.volunteers).toEqual(["ann", "bob"]);
    expect(c.state.notes).toEqual(["onNote:hi"]);
    expect(document.querySelectorAll("li")).toHaveLength(2);

    // The browser gave up on the stream (e.g. a 502 during a restart): a new one resumes from what we applied.
    vi.useFakeTimers();
    es.fail();
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    expect(FakeEventSource.all).toHaveLength(2);
    expect(offsets(FakeEventSource.all[1].url)).toEqual({ volunteers: "6", notes: "0-2" });
  });

  it("a reset re-runs the shared loaders through their commands", async () => {
    FakeEventSource.all = [];
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: true, result: ["x", "y"] })));
    const c = await mountPage(board, { volunteers: ["stale"], notes: [] }, { fetch, EventSource: FakeEventSource as never, payload: { offsets: { volunteers: "1" } } });
    FakeEventSource.all[0].emit(SYNC_PROTOCOL.resetEvent, { topic: "volunteers", offset: "40" });
    await vi.waitFor(() => expect(c.state.volunteers).toEqual(["x", "y"]));
    expect(fetch.mock.calls[0][0]).toBe(`${PROTOCOL.base}${PROTOCOL.commandPath}/board/listVolunteers`);
    FakeEventSource.all[0].emit(SYNC_PROTOCOL.messageEvent, { topic: "volunteers", offset: "41", message: { name: "z" } });
    expect(c.state.volunteers).toEqual(["x", "y", "z"]);
  });
});

describe("persist: session", () => {
  it("keeps ui and form keys across a reload in sessionStorage; shared keys come fresh from the server", async () => {
    const notes = defineComponent<{ draft: string; tab: string; volunteers: string[] }>({
      name: "notes",
      persist: "session",
      shared: { volunteers: "listVolunteers" },
      actions: {
        edit(e, ctx) {
          ctx.assign({ draft: e.value as string, tab: "b", volunteers: ["local copy"] });
        },
      },
      render: (s) => html`<p>${s.draft}|${s.tab}|${s.volunteers.join(",")}</p>`,
    });
    sessionStorage.clear();
    const first = await mountPage(notes, { draft: "", tab: "a", volunteers: ["v1"] });
    first.dispatch("edit", { value: "half-written" });
    await first.flushed();
    first.destroy();
    // reload: the server paints fresh state again
    const second = await mountPage(notes, { draft: "", tab: "a", volunteers: ["v1", "v2"] });
    expect(second.state).toEqual({ draft: "half-written", tab: "b", volunteers: ["v1", "v2"] });
    expect(document.querySelector("p")!.textContent).toBe("half-written|b|v1,v2");
  });
});
