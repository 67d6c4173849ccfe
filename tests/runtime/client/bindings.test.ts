// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { defineComponent, html, JS, type ComponentDefinition } from "../../../src/runtime/client/index.ts";
import { $, click, mountPage, type } from "./page.ts";

describe("child components and phx-target", () => {
  const child = defineComponent<{ label: string; n: number }>({
    name: "child",
    mount(ctx) {
      ctx.assign({ n: 0 });
    },
    actions: {
      bump(_e, ctx) {
        ctx.assign({ n: ctx.state.n + 1 });
      },
    },
    render: (s, meta) => html`<div id="child-${s.label}"><span class="n">${s.label}:${s.n}</span><button class="bump" phx-click="bump" phx-target="${meta.myself}">+</button><button class="parent" phx-click="bump">p</button></div>`,
  });
  const parent = defineComponent<{ n: number }>({
    name: "parent",
    actions: {
      bump(_e, ctx) {
        ctx.assign({ n: ctx.state.n + 1 });
      },
    },
    async render(s, meta) {
      return html`<p id="pn">${s.n}</p>${await meta.live_component(child, { id: "a", label: "a" })}${await meta.live_component(child, { id: "b", label: "b" })}`;
    },
  });

  it("keeps each stateful child's state, routes phx-target=myself to it, other events to the parent", async () => {
    const c = await mountPage(parent, { n: 0 }, { html: `<div data-lvm-root="parent"></div><script type="application/json" data-lvm-state="parent">{"state":{"n":0},"csrfToken":"t","offsets":{},"params":{},"url":"/"}</script>` });
    expect($("#child-a .n").textContent).toBe("a:0");
    click($("#child-b .bump"));
    click($("#child-b .bump"));
    await c.flushed();
    expect($("#child-b .n").textContent).toBe("b:2");
    expect($("#child-a .n").textContent).toBe("a:0");
    click($("#child-a .parent"));
    await c.flushed();
    expect($("#pn").textContent).toBe("1");
    expect($("#child-b .n").textContent).toBe("b:2");
  });
});

describe("phx-disable-with, phx-feedback-for", () => {
  it("disables the submit button with its text while the command runs, then restores it", async () => {
    let release!: (r: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((r) => (release = r)));
    const form = defineComponent<{ saved: boolean }>({
      name: "form",
      actions: {
        save(_e, ctx) {
          ctx.command("save", {});
        },
      },
      render: (s) => html`<form phx-submit="save"><input name="a" value="1"/><button id="go" phx-disable-with="Saving...">Save</button></form><i>${String(s.saved)}</i>`,
    });
    const c = await mountPage(form, { saved: false }, { fetch: fetch as never });
    $<HTMLFormElement>("form").requestSubmit();
    expect($("#go").textContent).toBe("Saving...");
    expect($("#go").hasAttribute("disabled")).toBe(true);
    release(new Response(JSON.stringify({ ok: true, result: { saved: true } })));
    await vi.waitFor(() => expect($("i").textContent).toBe("true"));
    await c.flushed();
    expect($("#go").textContent).toBe("Save");
    expect($("#go").hasAttribute("disabled")).toBe(false);
  });

  it("hides errors of untouched fields (phx-no-feedback) until changed or submitted", async () => {
    const f = defineComponent<{}>({
      name: "fb",
      actions: { validate() {}, save() {} },
      render: () => html`<form phx-change="validate" phx-submit="save"><input name="a"/><span id="ea" phx-feedback-for="a">bad a</span><input name="b"/><span id="eb" phx-feedback-for="b">bad b</span></form>`,
    });
    const c = await mountPage(f, {});
    expect($("#ea").classList.contains("phx-no-feedback")).toBe(true);
    type($<HTMLInputElement>("input[name=a]"), "x");
    await c.flushed();
    expect($("#ea").classList.contains("phx-no-feedback")).toBe(false);
    expect($("#eb").classList.contains("phx-no-feedback")).toBe(true);
    $<HTMLFormElement>("form").requestSubmit();
    await c.flushed();
    expect($("#eb").classList.contains("phx-no-feedback")).toBe(false);
  });
});

describe("patching", () => {
  const list = defineComponent<{ items: { id: number; t: string }[]; note: string }>({
    name: "list",
    actions: {
      set(e, ctx) {
        ctx.assign({ items: JSON.parse(e.items as string) });
      },
      note(e, ctx) {
        ctx.assign({ note: e.value as string });
      },
    },
    render: (s) => html`<input id="note" phx-keyup="note" value="${s.note}"/><ul id="ul">${s.items.map((i) => html`<li id="i${i.id}">${i.t}</li>`)}</ul>`,
  });

  it("moves keyed nodes instead of recreating them", async () => {
    const c = await mountPage(list, { items: [1, 2, 3].map((id) => ({ id, t: `t${id}` })), note: "" });
    const li3 = $("#i3");
    c.dispatch("set", { items: JSON.stringify([{ id: 3, t: "t3" }, { id: 1, t: "t1" }]) });
    await c.flushed();
    expect(Array.from(document.querySelectorAll("li"), (l) => l.id)).toEqual(["i3", "i1"]);
    expect($("#i3")).toBe(li3);
  });

  it("keeps the value, focus and caret of the input being typed in", async () => {
    const c = await mountPage(list, { items: [], note: "" });
    const input = $<HTMLInputElement>("#note");
    input.focus();
    input.value = "hello world";
    input.setSelectionRange(3, 5);
    c.dispatch("note", { value: "hello" }); // state lags behind what is typed
    c.dispatch("set", { items: JSON.stringify([{ id: 1, t: "x" }]) });
    await c.flushed();
    expect($("#note")).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe("hello world");
    expect([input.selectionStart, input.selectionEnd]).toEqual([3, 5]);
    input.blur();
    c.dispatch("note", { value: "reset" });
    await c.flushed();
    expect(input.value).toBe("reset");
  });

  it("phx-update: ignore keeps content, append and prepend keep old children and add new ones", async () => {
    const feed = defineComponent<{ items: { id: number }[]; tick: number }>({
      name: "feed",
      actions: {
        add(_e, ctx) {
          const next = ctx.state.tick + 1;
          ctx.assign({ items: [{ id: next }], tick: next });
        },
      },
      render: (s) => html`<div id="ig" phx-update="ignore" data-tick="${s.tick}">${s.tick}</div>
        <ul id="ap" phx-update="append">${s.items.map((i) => html`<li id="a${i.id}">${i.id}</li>`)}</ul>
        <ul id="pp" phx-update="prepend">${s.items.map((i) => html`<li id="p${i.id}">${i.id}</li>`)}</ul>`,
    });
    const c = await mountPage(feed, { items: [{ id: 0 }], tick: 0 });
    $("#ig").textContent = "edited by a library";
    c.dispatch("add");
    await c.flushed();
    c.dispatch("add");
    await c.flushed();
    expect($("#ig").textContent).toBe("edited by a library");
    expect($("#ig").getAttribute("data-tick")).toBe("2");
    expect(Array.from($("#ap").children, (l) => l.id)).toEqual(["a0", "a1", "a2"]);
    expect(Array.from($("#pp").children, (l) => l.id)).toEqual(["p2", "p1", "p0"]);
  });
});

describe("hooks and pushEvent", () => {
  it("mounted / updated / destroyed, pushEvent from a hook, handleEvent and window listeners for ctx.pushEvent", async () => {
    const calls: string[] = [];
    const comp = defineComponent<{ show: boolean; n: number }>({
      name: "hooked",
      actions: {
        fromHook(e, ctx) {
          calls.push(`action:${e.a}`);
          ctx.assign({ n: ctx.state.n + 1 });
          ctx.pushEvent("highlight", { id: 1 });
        },
        hide(_e, ctx) {
          ctx.assign({ show: false });
        },
      },
      render: (s) => html`${s.show ? html`<div id="h" phx-hook="Chart" data-n="${s.n}"></div>` : ""}`,
    });
    const hooks = {
      Chart: {
        mounted(this: any) {
          calls.push("mounted");
          this.handleEvent("highlight", (p: { id: number }) => calls.push(`handle:${p.id}`));
          this.pushEvent("fromHook", { a: "x" });
        },
        updated(this: any) {
          calls.push(`updated:${this.el.dataset.n}`);
        },
        destroyed() {
          calls.push("destroyed");
        },
      },
    };
    const onWindow = vi.fn();
    window.addEventListener("phx:highlight", onWindow);
    const c = await mountPage(comp, { show: true, n: 0 }, { hooks });
    await c.flushed();
    c.dispatch("hide");
    await c.flushed();
    window.removeEventListener("phx:highlight", onWindow);
    expect(calls).toEqual(["mounted", "action:x", "handle:1", "updated:1", "destroyed"]);
    expect(onWindow.mock.calls[0][0].detail).toEqual({ id: 1 });
  });
});

describe("JS commands, flash, title, timers", () => {
  it("runs JS commands in the browser and keeps their effects across re-renders", async () => {
    vi.stubGlobal("requestAnimationFrame", (f: () => void) => setTimeout(f, 0));
    const comp = defineComponent<{ n: number }>({
      name: "js",
      actions: {
        inc(_e, ctx) {
          ctx.assign({ n: ctx.state.n + 1 });
        },
      },
      render: (s) => html`<button id="t" phx-click="${new JS().toggle({ to: "#menu" }).add_class("open", { to: "#menu" }).set_attribute(["aria-expanded", "true"]).push("inc")}">menu</button>
        <div id="menu" class="m" style="display: none">${s.n}</div>`,
    });
    const c = await mountPage(comp, { n: 0 });
    const events: string[] = [];
    $("#menu").addEventListener("phx:show-start", () => events.push("show-start"));
    click($("#t"));
    await c.flushed();
    expect($("#menu").textContent).toBe("1");
    expect($("#menu").style.display).toBe("block");
    expect($("#menu").classList.contains("open")).toBe(true);
    expect($("#menu").classList.contains("m")).toBe(true);
    expect($("#t").getAttribute("aria-expanded")).toBe("true");
    expect(events).toEqual(["show-start"]);
    click($("#t"));
    await c.flushed();
    expect($("#menu").style.display).toBe("none");
    vi.unstubAllGlobals();
  });

  it("flash (putFlash, lv:clear-flash), pageTitle with live_title_tag prefix/suffix, after and send", async () => {
    vi.useFakeTimers();
    document.head.innerHTML = `<title data-prefix="App · " data-suffix="!">x</title>`;
    const comp = defineComponent<{ ticks: number }>({
      name: "flashy",
      actions: {
        save(_e, ctx) {
          ctx.putFlash("info", "Saved");
          ctx.pageTitle("Done");
          ctx.after(1000, "tick", { by: 2 });
          ctx.send("tick", { by: 1 });
        },
        tick(e, ctx) {
          ctx.assign({ ticks: ctx.state.ticks + Number(e.by) });
        },
      },
      render: (s, meta) => html`<p id="f" phx-click="lv:clear-flash" phx-value-key="info">${meta.flash?.info ?? ""}</p><b>${s.ticks}</b><button phx-click="save">s</button>`,
    });
    const c = await mountPage(comp, { ticks: 0 });
    click($("button"));
    await vi.advanceTimersByTimeAsync(0);
    await c.flushed();
    expect($("#f").textContent).toBe("Saved");
    expect(document.title).toBe("App · Done!");
    expect($("b").textContent).toBe("1");
    await vi.advanceTimersByTimeAsync(1000);
    await c.flushed();
    expect($("b").textContent).toBe("3");
    click($("#f"));
    await c.flushed();
    expect($("#f").textContent).toBe("");
    vi.useRealTimers();
  });
});

describe("ctx.after", () => {
  it("returns a cancel function (polling that stops)", async () => {
    vi.useFakeTimers();
    let cancel = () => {};
    const poll = defineComponent<{ n: number }>({
      name: "poll",
      actions: {
        tick(_e, ctx) {
          ctx.assign({ n: ctx.state.n + 1 });
          cancel = ctx.after(100, "tick");
        },
      },
      render: (s) => html`<b>${s.n}</b>`,
    });
    const c = await mountPage(poll, { n: 0 });
    c.dispatch("tick");
    await vi.advanceTimersByTimeAsync(350);
    expect(c.state.n).toBe(4);
    cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.state.n).toBe(4);
    vi.useRealTimers();
  });

  it("keeps one pending timer per action: a poll also run by hand does not start a second chain", async () => {
    vi.useFakeTimers();
    const poll = defineComponent<{ n: number }>({
      name: "poll-twice",
      actions: {
        tick(_e, ctx) {
          ctx.after(100, "tick");
          ctx.assign({ n: ctx.state.n + 1 });
        },
      },
      render: (s) => html`<b>${s.n}</b>`,
    });
    const c = await mountPage(poll, { n: 0 });
    c.dispatch("tick"); // the poll starts
    await vi.advanceTimersByTimeAsync(50);
    c.dispatch("tick"); // "refresh now": runs it once more and re-arms the same chain
    await vi.advanceTimersByTimeAsync(1000);
    // 2 runs by hand + one every 100 ms from t=150 to t=1050 (two chains would give 22)
    expect(c.state.n).toBe(12);
    vi.useRealTimers();
  });
});

describe("ctx.every", () => {
  it("runs an action every ms; a second every replaces it with its interval; the cancel stops it", async () => {
    vi.useFakeTimers();
    let stop = () => {};
    const ticker = defineComponent<{ n: number; rate: number }>({
      name: "every",
      actions: {
        start(e, ctx) {
          ctx.assign({ rate: Number(e.ms) });
          stop = ctx.every(Number(e.ms), "refresh");
        },
        refresh(_e, ctx) {
          ctx.assign({ n: ctx.state.n + 1 });
        },
      },
      render: (s) => html`<b>${s.n}</b>`,
    });
    const c = await mountPage(ticker, { n: 0, rate: 0 });
    c.dispatch("start", { ms: "100" });
    await vi.advanceTimersByTimeAsync(350);
    expect(c.state.n).toBe(3);
    // the tab picks another rate (setInterval cleared and started again): one chain, the new interval
    c.dispatch("start", { ms: "1000" });
    await vi.advanceTimersByTimeAsync(999);
    expect(c.state.n).toBe(3);
    await vi.advanceTimersByTimeAsync(2001);
    expect(c.state.n).toBe(6);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(c.state.n).toBe(6);
    vi.useRealTimers();
  });
});

describe("messages a component sends itself (a moved handleInfo)", () => {
  it("go by the route table to handleInfo, even when an event's action has the same name; unrouted ones with no action reach handleInfo too", async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const weather = defineComponent<{ city: string; status: string }>({
      name: "weather-routes",
      // LiveViewJS keeps events and messages apart: the event "lookup" sends the message "lookup"
      infos: { lookup: "handleInfo" },
      actions: {
        lookup(e, ctx) {
          seen.push(`event ${e.type}`);
          ctx.assign({ city: String(e.city), status: "looking" });
          ctx.send("lookup", { type: "lookup", city: e.city });
        },
      },
      handleInfo(info, ctx) {
        seen.push(`info ${info.type}`);
        ctx.assign({ status: info.type === "lookup" ? `found ${info.city}` : `other ${info.type}` });
        if (info.type === "lookup") ctx.send("done", { type: "done" });
      },
      render: (s) => html`<button phx-click="lookup" phx-value-city="Bath">go</button><p>${s.status}</p>`,
    });
    const c = await mountPage(weather, { city: "", status: "" });
    click($("button"));
    for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(5);
    await c.flushed();
    expect(seen).toEqual(["event lookup", "info lookup", "info done"]);
    expect($("p").textContent).toBe("other done");
    vi.useRealTimers();
  });
});
