// @vitest-environment happy-dom
// `load`: the server parts of mount and handleParams. In the browser the params command follows every
// navigation (ui part first, answers for a URL left since dropped) and both run again after a sync reset.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, html, live_patch } from "../../../src/runtime/client/index.ts";
import { PROTOCOL, SYNC_PROTOCOL } from "../../../src/runtime/contract.ts";
import { $, click, mountPage } from "./page.ts";
import { FakeEventSource } from "./fake-event-source.ts";

afterEach(() => history.replaceState(null, "", "/"));

type S = { page: number; items: string[]; title: string };

const table = defineComponent<S>({
  name: "table",
  load: { mount: "mount", params: "handleParams", onResult: "apply" },
  sync: { items: "changed" },
  handleParams(url, ctx) {
    ctx.assign({ page: Number(url.searchParams.get("page") ?? "1") });
  },
  actions: {
    apply(event, ctx) {
      const { patch, effects } = (event as unknown as { result: { patch: Partial<S>; effects: [string, string][] } }).result;
      ctx.assign(patch);
      for (const [name, arg] of effects) if (name === "pageTitle") ctx.assign({ title: arg });
    },
    changed() {},
  },
  render: (s) => html`<p id="p">${s.page}:${s.items.join(",")}</p>${live_patch("two", { to: { path: "/items", params: { page: "2" } } })}${live_patch("three", { to: { path: "/items", params: { page: "3" } } })}`,
});

/** A fetch whose answers the test releases one by one; records each command and its params. */
function heldFetch() {
  const calls: { command: string; params: any; answer(result: unknown): void }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) =>
    new Promise<Response>((resolve) => {
      const body = JSON.parse(String(init.body));
      calls.push({ command: url.split("/").pop()!, params: body.params, answer: (result) => resolve(new Response(JSON.stringify({ ok: true, result }))) });
    }),
  );
  return { fetch, calls };
}

const answer = (items: string[], title = "") => ({ patch: { items }, effects: title ? [["pageTitle", title]] : [] });

describe("load commands in the browser", () => {
  it("a navigation runs handleParams at once, then the params command with the URL; its answer goes to onResult", async () => {
    const { fetch, calls } = heldFetch();
    const c = await mountPage(table, { page: 1, items: ["a"], title: "" }, { fetch: fetch as never, EventSource: FakeEventSource as never });
    expect(calls).toHaveLength(0); // first paint already ran both on the server
    click($("a"));
    await c.flushed();
    expect($("#p").textContent).toBe("2:a"); // the ui part did not wait for the server
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].command).toBe("handleParams");
    expect(fetch.mock.calls[0][0]).toBe(`${PROTOCOL.base}${PROTOCOL.commandPath}/table/handleParams`);
    expect(calls[0].params).toEqual({ url: `${location.origin}/items?page=2` });
    calls[0].answer(answer(["b", "c"], "Page 2"));
    await vi.waitFor(() => expect(c.state.items).toEqual(["b", "c"]));
    await c.flushed();
    expect($("#p").textContent).toBe("2:b,c");
    expect(c.state.title).toBe("Page 2");
  });

  it("drops the answer for a URL the user has already left", async () => {
    const { fetch, calls } = heldFetch();
    const c = await mountPage(table, { page: 1, items: ["a"], title: "" }, { fetch: fetch as never, EventSource: FakeEventSource as never });
    click($("a")); // page 2
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    click(document.querySelectorAll("a")[1]!); // page 3 before page 2's answer
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1].answer(answer(["three"]));
    await vi.waitFor(() => expect(c.state.items).toEqual(["three"]));
    calls[0].answer(answer(["two"]));
    await new Promise((r) => setTimeout(r, 20));
    await c.flushed();
    expect(c.state.items).toEqual(["three"]);
    expect($("#p").textContent).toBe("3:three");
  });

  it("a sync reset runs the mount command with the route params, then the params command", async () => {
    FakeEventSource.all = [];
    history.replaceState(null, "", "/items?page=4");
    const { fetch, calls } = heldFetch();
    const c = await mountPage(table, { page: 4, items: ["stale"], title: "" }, { fetch: fetch as never, EventSource: FakeEventSource as never, payload: { offsets: { items: "1" }, params: { id: "7" } } });
    FakeEventSource.all[0].emit(SYNC_PROTOCOL.resetEvent, { topic: "items", offset: "9" });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ command: "mount", params: { params: { id: "7" } } });
    calls[0].answer(answer(["m"], "T"));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(c.state.items).toEqual(["m"]);
    expect(calls[1]).toMatchObject({ command: "handleParams", params: { url: `${location.origin}/items?page=4` } });
    calls[1].answer(answer(["fresh"]));
    await vi.waitFor(() => expect(c.state.items).toEqual(["fresh"]));
    expect(c.state.title).toBe("T");
  });

  it("without onResult an object answer is assigned", async () => {
    const plain = defineComponent<{ n: number; total: number }>({
      name: "plain",
      load: { params: "count" },
      handleParams(url, ctx) {
        ctx.assign({ n: Number(url.searchParams.get("n")) });
      },
      actions: {},
      render: (s) => html`<p>${s.n}/${s.total}</p>${live_patch("go", { to: { path: "/x", params: { n: "5" } } })}`,
    });
    const { fetch, calls } = heldFetch();
    const c = await mountPage(plain, { n: 0, total: 0 }, { fetch: fetch as never, EventSource: FakeEventSource as never });
    click($("a"));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    calls[0].answer({ total: 50 });
    await vi.waitFor(() => expect(c.state).toEqual({ n: 5, total: 50 }));
  });

  it("rerunOnConnect: a mount that writes server state runs its shared loaders and server part again when the page starts (LiveViewJS's second mount)", async () => {
    const counter = defineComponent<{ visits: number; hits: number }>({
      name: "visits",
      shared: { visits: "load_visits" },
      load: { mount: "mount", rerunOnConnect: true },
      actions: {},
      render: (s) => html`<p>${s.visits}/${s.hits}</p>`,
    });
    const { fetch, calls } = heldFetch();
    const c = await mountPage(counter, { visits: 1, hits: 1 }, { fetch: fetch as never, EventSource: FakeEventSource as never, payload: { params: { id: "3" } } });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.command).toBe("load_visits");
    calls[0]!.answer(2);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toMatchObject({ command: "mount", params: { params: { id: "3" } } });
    calls[1]!.answer({ hits: 2 });
    await vi.waitFor(() => expect(c.state).toEqual({ visits: 2, hits: 2 }));
    // without it, first paint's answers stand: nothing is asked again
    const { fetch: quiet, calls: none } = heldFetch();
    await mountPage({ ...counter, name: "visits2", load: { mount: "mount" } }, { visits: 1, hits: 1 }, { fetch: quiet as never, EventSource: FakeEventSource as never });
    await new Promise((r) => setTimeout(r, 20));
    expect(none).toHaveLength(0);
  });
});
