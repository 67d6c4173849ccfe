// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { defineComponent, html, safe } from "../../../src/runtime/client/index.ts";
import { $, click, mountPage, serverPage } from "./page.ts";
import { mount } from "../../../src/runtime/client/index.ts";
import { childComponents } from "../../../src/runtime/client/children.ts";
import { featuresOf } from "../../../src/runtime/client/features.ts";
import { followSync } from "../../../src/runtime/client/sync-stream.ts";

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

// Optional features (client/features.ts): what a definition uses decides what its page passes to
// mount; mount refuses a component missing one, and an undeclared use fails with a message saying what to declare.
describe("optional features", () => {
  const base = { actions: {}, render: () => html`<p>x</p>` };
  const child = defineComponent({ name: "child", jsCommands: true, ...base });

  it("are read off the definition: its keys, and the child components it lists", () => {
    expect(featuresOf(defineComponent({ name: "plain", ...base }))).toEqual([]);
    expect(featuresOf(defineComponent({ name: "u", uploads: { photos: {} }, ...base }))).toEqual(["uploads"]);
    expect(featuresOf(defineComponent({ name: "e", uploads: {}, sync: {}, shared: {}, components: [], ...base }))).toEqual([]);
    // loaders run in the browser only on a navigation, on connect, or after a sync reset
    expect(featuresOf(defineComponent({ name: "l1", shared: { a: "load_a" }, load: { mount: "mount" }, ...base }))).toEqual([]);
    expect(featuresOf(defineComponent({ name: "l2", load: { params: "handleParams" }, ...base }))).toEqual(["loaders"]);
    expect(featuresOf(defineComponent({ name: "l3", load: { mount: "mount", rerunOnConnect: true }, ...base }))).toEqual(["loaders"]);
    expect(featuresOf(defineComponent({ name: "l4", shared: { a: "load_a" }, sync: { t: "a" }, ...base }))).toEqual(["sync", "loaders"]);
    expect(featuresOf(defineComponent({ name: "l5", sync: { t: "a" }, ...base }))).toEqual(["sync"]);
    // a child's own features count (here its JS commands); a cycle of children ends
    const parent = defineComponent({ name: "parent", components: [child], ...base });
    parent.components!.push(parent);
    expect(featuresOf(parent)).toEqual(["children", "js"]);
  });

  it("mount refuses a component whose features were not passed, naming them", async () => {
    const def = defineComponent({ name: "needy", sync: { t: "a" }, components: [child], ...base });
    document.body.innerHTML = await serverPage(def, {});
    expect(() => mount(def)).toThrow("component needy uses sync, children, js: mount it with those options (the server's page bundle passes them)");
    expect(() => mount(def, { sync: followSync, children: childComponents })).toThrow("component needy uses js: mount it with that option");
  });

  it("a child component the definition does not list fails its render with what to declare", async () => {
    const badge = defineComponent({ name: "badge", ...base });
    const def = defineComponent({ name: "unlisted", actions: {}, render: async (_s, meta) => html`<div>${await meta.live_component(badge, {})}</div>` });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      document.body.innerHTML = `<div data-lvm-root="unlisted"><div></div></div>`;
      const [c] = mount(def);
      await c.flushed();
      expect(String(errors.mock.calls[0]?.[0])).toContain("component unlisted renders child components: list them in its definition's `components`");
      c.destroy();
    } finally {
      errors.mockRestore();
    }
  });

  it("a JS command in a component without jsCommands fails with what to declare", async () => {
    const js = JSON.stringify([["push", { event: "x" }]]).replace(/"/g, "&quot;");
    const def = defineComponent({ name: "undeclared", actions: { x() {} }, render: () => safe(`<button id="j" phx-click="${js}">j</button>`) });
    document.body.innerHTML = await serverPage(def, {});
    const [c] = mount(def);
    const thrown: unknown[] = [];
    const onError = (event: ErrorEvent) => thrown.push(event.error);
    window.addEventListener("error", onError);
    try {
      click($("#j"));
    } catch (error) {
      thrown.push(error);
    } finally {
      window.removeEventListener("error", onError);
      c.destroy();
    }
    expect(String(thrown[0])).toContain("component undeclared renders JS commands: set `jsCommands: true` in its definition");
  });
});
