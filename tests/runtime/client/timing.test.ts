// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineComponent, safe } from "../../../src/runtime/client/index.ts";
import { $, click, mountPage, type } from "./page.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recorder(markup: string) {
  const events: Record<string, unknown>[] = [];
  const def = defineComponent({
    name: "timing",
    actions: {},
    handleEvent(e) {
      events.push(e);
    },
    render: () => safe(markup),
  });
  return { def, events };
}
const raw = (markup: string) => recorder(markup);

describe("phx-debounce", () => {
  it("waits for a pause in typing and sends the latest form state once", async () => {
    const { def, events } = raw(`<form phx-change="v"><input name="q" phx-debounce="300"/></form>`);
    await mountPage(def, {});
    const q = $<HTMLInputElement>("input");
    type(q, "a");
    await vi.advanceTimersByTimeAsync(200);
    type(q, "ab");
    await vi.advanceTimersByTimeAsync(200);
    type(q, "abc");
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(events).toEqual([{ type: "v", q: "abc", _target: "q" }]);
  });

  it("flushes a pending debounce on blur, and phx-debounce=\"blur\" sends only on blur", async () => {
    const markup = `<form phx-change="v"><input id="a" name="a" phx-debounce="1000"/><input id="b" name="b" phx-debounce="blur"/></form>`;
    const { def, events } = raw(markup);
    await mountPage(def, {});
    type($<HTMLInputElement>("#a"), "x");
    $("#a").dispatchEvent(new FocusEvent("blur"));
    expect(events).toHaveLength(1);
    type($<HTMLInputElement>("#b"), "y");
    type($<HTMLInputElement>("#b"), "yz");
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toHaveLength(1);
    $("#b").dispatchEvent(new FocusEvent("blur"));
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ b: "yz", _target: "b" });
  });

  it("a submit cancels a pending debounced change", async () => {
    const markup = `<form phx-change="v" phx-submit="s"><input name="a" phx-debounce="500"/></form>`;
    const { def, events } = raw(markup);
    await mountPage(def, {});
    type($<HTMLInputElement>("input"), "x");
    $<HTMLFormElement>("form").requestSubmit();
    await vi.advanceTimersByTimeAsync(1000);
    expect(events.map((e) => e.type)).toEqual(["s"]);
  });
});

describe("phx-throttle", () => {
  it("fires at once, drops repeats inside the window, fires again after it", async () => {
    const markup = `<button phx-click="c" phx-throttle="1000">b</button><input id="k" phx-keydown="k" phx-throttle="1000"/>`;
    const { def, events } = raw(markup);
    await mountPage(def, {});
    click($("button"));
    click($("button"));
    await vi.advanceTimersByTimeAsync(500);
    click($("button"));
    expect(events).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    click($("button"));
    expect(events).toHaveLength(2);
    // keydown: a different key is not throttled (Phoenix's rule)
    const key = (k: string) => $("#k").dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("a");
    key("a");
    key("b");
    expect(events.slice(2).map((e) => e.key)).toEqual(["a", "b"]);
  });
});
