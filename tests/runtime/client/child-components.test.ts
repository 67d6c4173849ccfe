// @vitest-environment happy-dom
// Child components follow LiveViewJS 0.8.1's live components (LiveViewManager.liveComponentProcessor):
// state starts as the props (mount sees them, `id` is not one); update runs after mount and on every
// render by the parent, not on the child's own events; a stateful child (with an id) that leaves the
// page keeps its state and its `myself` number; a stateless child is mounted afresh on each render.
import { describe, expect, it } from "vitest";
import { defineComponent, html } from "../../../src/runtime/client/index.ts";
import { $, click, mountPage } from "./page.ts";

const calls: string[] = [];
const picker = defineComponent<{ who: string; open: boolean; updates: number; seenAtMount: string }>({
  name: "picker",
  mount(ctx) {
    calls.push(`mount ${ctx.state.who}`);
    ctx.assign({ open: false, updates: 0, seenAtMount: ctx.state.who });
  },
  update(props, ctx) {
    calls.push(`update ${String(props.who)}`);
    ctx.assign({ updates: ctx.state.updates + 1 });
  },
  actions: {
    toggle(_e, ctx) {
      ctx.assign({ open: !ctx.state.open });
    },
  },
  render: (s, meta) => html`<div id="picker-${s.who}" data-myself="${meta.myself}"><button class="toggle" phx-click="toggle" phx-target="${meta.myself}">${s.open ? "close" : "open"}</button><i>${s.updates}</i><b>${s.seenAtMount}</b></div>`,
});
const badge = defineComponent<{ label: string; mounts: number }>({
  name: "badge",
  mount(ctx) {
    calls.push(`badge mount ${ctx.state.label}`);
  },
  actions: {},
  render: (s) => html`<span class="badge">${s.label}</span>`,
});
const page = defineComponent<{ show: boolean; n: number }>({
  name: "page",
  actions: {
    hide(_e, ctx) {
      ctx.assign({ show: !ctx.state.show });
    },
    bump(_e, ctx) {
      ctx.assign({ n: ctx.state.n + 1 });
    },
  },
  async render(s, meta) {
    return html`<p id="n">${s.n}</p><button id="hide" phx-click="hide">hide</button><button id="bump" phx-click="bump">bump</button>${await meta.live_component(badge, { label: `n=${s.n}` })}${s.show ? await meta.live_component(picker, { id: "p1", who: "ada" }) : ""}`;
  },
});

// the server's first paint is not under test here: an empty root, the client renders
const shell = (state: object) => ({ html: `<div data-lvm-root="page"></div><script type="application/json" data-lvm-state="page">${JSON.stringify({ state, csrfToken: "t", offsets: {}, params: {}, url: "/" })}</script>` });

describe("child components (LiveViewJS live component semantics)", () => {
  it("mount sees the props, update runs on parent renders only, not on the child's own events", async () => {
    calls.length = 0;
    const c = await mountPage(page, { show: true, n: 0 }, shell({ show: true, n: 0 }));
    expect($("#picker-ada b").textContent).toBe("ada");
    const afterMount = calls.filter((x) => !x.startsWith("badge")).length;
    click($("#picker-ada .toggle"));
    await c.flushed();
    expect($("#picker-ada .toggle").textContent).toBe("close");
    // the child's own event: no update
    expect(calls.filter((x) => !x.startsWith("badge")).length).toBe(afterMount);
    const updates = Number($("#picker-ada i").textContent);
    click($("#bump"));
    await c.flushed();
    // a parent render: update once more, with the props as given (no id)
    expect(Number($("#picker-ada i").textContent)).toBe(updates + 1);
    expect(calls[calls.length - 1]).toBe("update ada");
    expect(calls.filter((x) => x === "mount ada")).toHaveLength(1);
  });

  it("a stateful child that leaves the page keeps its state and myself when it comes back", async () => {
    const c = await mountPage(page, { show: true, n: 0 }, shell({ show: true, n: 0 }));
    const myself = $("#picker-ada").getAttribute("data-myself");
    expect(myself).toMatch(/^\d+$/);
    click($("#picker-ada .toggle"));
    await c.flushed();
    click($("#hide"));
    await c.flushed();
    expect(document.querySelector("#picker-ada")).toBeNull();
    click($("#hide"));
    await c.flushed();
    expect($("#picker-ada .toggle").textContent).toBe("close");
    expect($("#picker-ada").getAttribute("data-myself")).toBe(myself);
  });

  it("a stateless child (no id) is mounted afresh on every render and has no myself", async () => {
    calls.length = 0;
    const c = await mountPage(page, { show: false, n: 0 }, shell({ show: false, n: 0 }));
    const mounts = calls.filter((x) => x.startsWith("badge mount")).length;
    click($("#bump"));
    await c.flushed();
    expect($(".badge").textContent).toBe("n=1");
    expect(calls.filter((x) => x.startsWith("badge mount")).length).toBe(mounts + 1);
  });
});
