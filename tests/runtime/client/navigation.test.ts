// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, html, live_patch } from "../../../src/runtime/client/index.ts";
import { $, click, mountPage } from "./page.ts";

afterEach(() => history.replaceState(null, "", "/"));

const pager = defineComponent<{ page: string; seen: string[] }>({
  name: "pager",
  handleParams(url, ctx) {
    const page = url.searchParams.get("page") ?? "1";
    ctx.assign({ page, seen: [...ctx.state.seen, page] });
  },
  actions: {
    next(_e, ctx) {
      ctx.pushPatch("/items", { page: String(Number(ctx.state.page) + 1) });
    },
    swap(_e, ctx) {
      ctx.pushPatch("/items", new URLSearchParams({ page: "9" }), true);
    },
    away(_e, ctx) {
      ctx.pushRedirect("/elsewhere", { a: "1" });
    },
  },
  render: (s) => html`<p id="p">${s.page}</p>${live_patch("two", { to: { path: "/items", params: { page: "2" } } })}<button id="n" phx-click="next">next</button><button id="s" phx-click="swap">swap</button>`,
});

describe("history navigation", () => {
  it("live_patch links and pushPatch push history entries and run handleParams; back and forward run it again", async () => {
    const c = await mountPage(pager, { page: "1", seen: [] });
    const length = history.length;
    click($("a"));
    await c.flushed();
    expect(location.pathname + location.search).toBe("/items?page=2");
    expect($("#p").textContent).toBe("2");
    click($("#n"));
    await c.flushed();
    expect(location.search).toBe("?page=3");
    expect(history.length).toBe(length + 2);

    history.back();
    await vi.waitFor(() => expect(location.search).toBe("?page=2"));
    await c.flushed();
    expect($("#p").textContent).toBe("2");
    expect(c.state.seen).toEqual(["2", "3", "2"]);
    history.forward();
    await vi.waitFor(() => expect(c.state.seen).toEqual(["2", "3", "2", "3"]));
    await c.flushed();
    expect($("#p").textContent).toBe("3");
  });

  it("pushPatch with replace does not add an entry", async () => {
    const c = await mountPage(pager, { page: "1", seen: [] });
    const length = history.length;
    click($("#s"));
    await c.flushed();
    expect(location.search).toBe("?page=9");
    expect(history.length).toBe(length);
  });

  it("pushRedirect loads the other page", async () => {
    const c = await mountPage(pager, { page: "1", seen: [] });
    const assign = vi.spyOn(location, "assign").mockImplementation(() => {});
    c.dispatch("away");
    expect(String(assign.mock.calls[0][0])).toBe("http://localhost:3000/elsewhere?a=1");
    assign.mockRestore();
  });
});
