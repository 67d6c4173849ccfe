// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { defineComponent, html } from "../../../src/runtime/client/index.ts";
import { $, click, mountPage, serverPage } from "./page.ts";
import { mount } from "../../../src/runtime/client/index.ts";

const counter = defineComponent<{ count: number; label: string }>({
  name: "counter",
  actions: {
    inc(_e, ctx) {
      ctx.assign({ count: ctx.state.count + 1 });
    },
    many(_e, ctx) {
      for (let i = 0; i < 5; i++) ctx.assign({ count: ctx.state.count + 1 });
    },
  },
  render: (s) => html`<div id="c"><span id="n">${s.count}</span> <em>${s.label}</em><button id="b" phx-click="inc">+</button><button id="m" phx-click="many">+5</button></div>`,
});

describe("mount", () => {
  it("adopts server HTML: keeps the nodes, reads state from the JSON script", async () => {
    document.body.innerHTML = await serverPage(counter, { count: 3, label: "</script><b>x</b>" });
    const span = $("#n");
    const [c] = mount(counter);
    await c.flushed();
    expect(c.state).toEqual({ count: 3, label: "</script><b>x</b>" });
    expect($("#n")).toBe(span);
    expect($("em").textContent).toBe("</script><b>x</b>");
    c.destroy();
  });

  it("parses state with JSON.parse only (works with eval and Function disabled, as under a strict CSP)", async () => {
    const evalSpy = vi.spyOn(globalThis, "eval");
    const OriginalFunction = globalThis.Function;
    globalThis.Function = function () {
      throw new Error("new Function used");
    } as never;
    try {
      const c = await mountPage(counter, { count: 1, label: "x" });
      click($("#b"));
      await c.flushed();
      expect($("#n").textContent).toBe("2");
      expect(evalSpy).not.toHaveBeenCalled();
    } finally {
      globalThis.Function = OriginalFunction;
      evalSpy.mockRestore();
    }
  });

  it("runs actions synchronously and patches only what changed", async () => {
    const c = await mountPage(counter, { count: 0, label: "keep" });
    const em = $("em");
    const button = $("#b");
    click(button);
    expect(c.state.count).toBe(1); // synchronous
    await c.flushed();
    expect($("#n").textContent).toBe("1");
    expect($("em")).toBe(em);
    expect($("#b")).toBe(button);
  });

  it("renders once for several assigns in one tick", async () => {
    const render = vi.fn(counter.render);
    const c = await mountPage({ ...counter, render }, { count: 0, label: "" });
    render.mockClear();
    click($("#m"));
    click($("#b"));
    await c.flushed();
    expect(render).toHaveBeenCalledTimes(1);
    expect($("#n").textContent).toBe("6");
  });

  it("awaits an async render", async () => {
    const asyncCounter = defineComponent<{ count: number }>({
      name: "async-counter",
      actions: counter.actions as never,
      async render(s) {
        await new Promise((r) => setTimeout(r, 1));
        return html`<span id="n">${s.count}</span><button id="b" phx-click="inc">+</button>`;
      },
    });
    const c = await mountPage(asyncCounter, { count: 5 });
    click($("#b"));
    click($("#b"));
    await c.flushed();
    expect($("#n").textContent).toBe("7");
  });

  it("ignores roots whose component is not given and roots mounted twice", async () => {
    document.body.innerHTML = (await serverPage(counter, { count: 0, label: "" })) + `<div data-lvm-root="other"></div>`;
    const first = mount([counter]);
    expect(first).toHaveLength(1);
    expect(mount({ counter })).toHaveLength(0);
    first[0].destroy();
  });
});
