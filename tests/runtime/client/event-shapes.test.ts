// @vitest-environment happy-dom
// Event objects our actions receive vs. what liveviewjs's handleEvent receives when the real Phoenix
// client sends the same DOM event (see phoenix-harness.ts): they must be deeply equal, key for key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineComponent, mount, safe, type MountedComponent } from "../../../src/runtime/client/index.ts";
import type { HookInstance } from "../../../src/runtime/client/view.ts";
import { execJS } from "../../../src/runtime/client/js-exec.ts";
import { startPhoenixReference, type PhoenixReference } from "./phoenix-harness.ts";

let ref: PhoenixReference;
let ours: MountedComponent | undefined;
const received: Record<string, unknown>[] = [];
let markup = "";

const shapes = defineComponent({
  name: "shapes",
  // some markups carry JS commands
  jsCommands: true,
  actions: {},
  handleEvent(event) {
    received.push({ ...event });
  },
  render: () => safe(markup),
});

beforeAll(async () => {
  // Our listeners first: Phoenix disables a submitted form's fields right after reading them.
  mount([]);
  ref = await startPhoenixReference();
});
afterAll(() => {
  ref?.close();
  ours?.destroy();
});

const root = () => document.querySelector<HTMLElement>("[data-lvm-root]")!;
const q = <T extends Element = HTMLElement>(s: string) => root().querySelector<T>(s)!;

/** Renders `html` in our root, runs `act`, and compares both clients' event objects. */
async function compare(html: string, act: () => void | Promise<void>, expectedCount: number) {
  ours?.destroy();
  root()?.remove();
  markup = html;
  const el = document.createElement("div");
  el.setAttribute("data-lvm-root", "shapes");
  el.innerHTML = html;
  document.body.appendChild(el);
  [ours] = mount(shapes, { js: execJS });
  await ours.flushed();
  received.length = 0;
  ref.events.length = 0;
  await act();
  await ref.waitFor(expectedCount).catch((e) => {
    throw new Error(`${e.message}: reference ${JSON.stringify(ref.events)}, ours ${JSON.stringify(received)}`);
  });
  await new Promise((r) => setTimeout(r, 5));
  expect(ref.events).toHaveLength(expectedCount);
  if (expectedCount > 0) expect(received).toEqual(ref.events);
  return received;
}

const fire = (el: Element | Window, e: Event) => el.dispatchEvent(e);
const input = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
  el.value = value;
  fire(el, new Event("input", { bubbles: true }));
};

const form = (fields: string, attrs = `phx-change="validate" phx-submit="save"`) =>
  `<form ${attrs}><input type="hidden" name="_csrf_token" value="csrf-1"/>${fields}</form>`;

describe("clicks", () => {
  it("phx-value-* attributes and a button's value", async () => {
    const [e] = await compare(`<button phx-click="inc" phx-value-id="7" phx-value-user-name="Ann" value="v1">Inc</button>`, () => q("button").click(), 1);
    expect(e).toEqual({ type: "inc", id: "7", "user-name": "Ann", value: "v1" });
  });
  it("the closest phx-click from a nested element; a button without value sends an empty value", async () => {
    await compare(`<button phx-click="go"><span id="inner">x</span></button>`, () => q("#inner").click(), 1);
  });
  it("phx-value-type overwrites the event name", async () => {
    const [e] = await compare(`<div phx-click="open" phx-value-type="other" phx-value-x="1">d</div>`, () => q("div").click(), 1);
    expect(e.type).toBe("other");
  });
  it("elements with a value property (li, option, input) and unchecked/checked boxes", async () => {
    await compare(
      `<ul><li phx-click="li" phx-value-a="b">li</li></ul>
       <input type="checkbox" id="c1" phx-click="box" />
       <input type="checkbox" id="c2" phx-click="box" value="yes" checked />
       <input type="text" id="t1" phx-click="text" value="typed" />`,
      () => {
        q("li").click();
        q("#c1").click(); // becomes checked
        q("#c2").click(); // becomes unchecked: no value
        q("#t1").click();
      },
      4,
    );
  });
  it("a JS push with value, and a JS list mixing commands", async () => {
    const js = JSON.stringify([["add_class", { to: null, time: 200, names: ["x"], transition: [[], [], []] }], ["push", { event: "save", value: { n: 1, ok: true, type: "t2" } }]]);
    await compare(`<button phx-click="${js.replace(/"/g, "&quot;")}" phx-value-id="3">s</button>`, () => q("button").click(), 1);
  });
  it("phx-click-away fires for elements the click landed outside of", async () => {
    await compare(`<div id="menu" phx-click-away="close" phx-value-m="1">menu <b id="inside">in</b></div><p id="out">out</p>`, () => {
      q("#inside").click();
      q("#out").click();
    }, 1);
  });
});

describe("forms", () => {
  it("phx-change: every field a string, _target, _csrf_token; unchecked boxes absent", async () => {
    const [e] = await compare(
      form(`<input name="name" value="Al"/><input name="age" type="number" value="3"/>
        <input type="checkbox" name="agree" value="yes"/><input type="checkbox" name="news" checked/>
        <select name="color"><option value="r">R</option><option value="g" selected>G</option></select>
        <textarea name="bio">hello</textarea>`),
      () => input(q<HTMLInputElement>("input[name=name]"), "Alice"),
      1,
    );
    expect(e).toMatchObject({ type: "validate", name: "Alice", age: "3", news: "on", color: "g", bio: "hello", _target: "name", _csrf_token: "csrf-1" });
    expect(e).not.toHaveProperty("agree");
  });
  it("a repeated name keeps its last value; a field named type overwrites the event name", async () => {
    const [e] = await compare(
      form(`<input name="tag" value="a"/><input name="tag" value="b"/><input name="type" value="field-type"/>`),
      () => input(q<HTMLInputElement>("input[name=tag]"), "z"),
      1,
    );
    expect(e).toMatchObject({ type: "field-type", tag: "b", _target: "tag" });
  });
  it("an input with its own phx-change sends only its field; an unnamed input sends _target 'undefined'", async () => {
    await compare(
      form(`<input name="a" value="1"/><input name="b" value="2" phx-change="only_b"/><input id="anon" value="x"/>`),
      () => {
        input(q<HTMLInputElement>("input[name=b]"), "3");
        input(q<HTMLInputElement>("#anon"), "y");
      },
      2,
    );
  });
  it("select and checkbox changes (change events), radio groups", async () => {
    await compare(
      form(`<select name="s"><option>a</option><option>b</option></select>
        <input type="checkbox" name="c" value="on"/>
        <input type="radio" name="r" value="1"/><input type="radio" name="r" value="2" id="r2"/>`),
      () => {
        const s = q<HTMLSelectElement>("select");
        s.value = "b";
        fire(s, new Event("change", { bubbles: true }));
        const c = q<HTMLInputElement>("input[name=c]");
        c.checked = true;
        fire(c, new Event("change", { bubbles: true }));
        const r = q<HTMLInputElement>("#r2");
        r.checked = true;
        fire(r, new Event("change", { bubbles: true }));
      },
      3,
    );
  });
  it("an input event followed by a change event for the same edit sends one event", async () => {
    await compare(form(`<input name="a" value="1"/>`), () => {
      const a = q<HTMLInputElement>("input[name=a]");
      input(a, "2");
      fire(a, new Event("change", { bubbles: true }));
    }, 1);
  });
  it("phx-submit with the submitter's name and value", async () => {
    const [e] = await compare(
      form(`<input name="name" value="Bob"/><input name="name" value="Rob"/><button name="intent" value="publish" id="pub">Go</button>`),
      () => q<HTMLFormElement>("form").requestSubmit(q<HTMLElement>("#pub")),
      1,
    );
    expect(e).toEqual({ type: "save", _csrf_token: "csrf-1", name: "Rob", intent: "publish" });
  });
});

describe("keys and focus", () => {
  it("phx-keydown / phx-keyup on an input send key and value; phx-key filters", async () => {
    await compare(
      `<input id="k" phx-keydown="down" phx-keyup="up" phx-value-extra="e" value="abc"/><input id="enter" phx-keyup="submit" phx-key="Enter" value="q"/>`,
      () => {
        fire(q("#k"), new KeyboardEvent("keydown", { key: "a", bubbles: true }));
        fire(q("#k"), new KeyboardEvent("keyup", { key: "a", bubbles: true }));
        fire(q("#enter"), new KeyboardEvent("keyup", { key: "x", bubbles: true }));
        fire(q("#enter"), new KeyboardEvent("keyup", { key: "Enter", bubbles: true }));
      },
      3,
    );
  });
  it("phx-window-keydown / keyup send { key } (plus phx-value-*)", async () => {
    const events = await compare(`<div phx-window-keydown="wk" phx-value-scope="page"></div><div phx-window-keyup="wu" phx-key="Escape"></div>`, () => {
      fire(document.body, new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true }));
      fire(document.body, new KeyboardEvent("keyup", { key: "q", bubbles: true }));
      fire(document.body, new KeyboardEvent("keyup", { key: "Escape", bubbles: true }));
    }, 2);
    expect(events[0]).toEqual({ type: "wk", key: "ArrowUp", scope: "page" });
  });
  it("phx-focus / phx-blur send the element's value", async () => {
    await compare(`<input id="f" phx-focus="focused" phx-blur="blurred" phx-value-w="1" value="v"/>`, () => {
      const f = q("#f");
      fire(f, new FocusEvent("focusin", { bubbles: true }));
      fire(f, new FocusEvent("focusout", { bubbles: true }));
    }, 2);
  });
  it("phx-window-focus / phx-window-blur send phx-value-* (Phoenix 0.18.18 never pushes these: its callback gets its arguments shifted)", async () => {
    await compare(`<div phx-window-focus="wf" phx-window-blur="wb" phx-value-x="y"></div>`, () => {
      fire(window, new FocusEvent("blur"));
      fire(window, new FocusEvent("focus"));
    }, 0);
    expect(received).toEqual([{ type: "wb", x: "y" }, { type: "wf", x: "y" }]);
  });
});

describe("hook events", () => {
  it("pushEvent from a phx-hook equals liveviewjs's event for Phoenix's { type: 'hook', event, value } payload", async () => {
    const payload = { id: 3, nested: { a: [1, "x"] }, type: "from-payload", flag: false };
    ours?.destroy();
    root()?.remove();
    markup = `<div id="chart" phx-hook="Chart"></div>`;
    const el = document.createElement("div");
    el.setAttribute("data-lvm-root", "shapes");
    el.innerHTML = markup;
    document.body.appendChild(el);
    received.length = 0;
    ref.events.length = 0;
    [ours] = mount(shapes, { js: execJS, hooks: { Chart: { mounted(this: HookInstance) { this.pushEvent("plot", payload); } } } });
    await ours.flushed();
    ref.send({ type: "hook", event: "plot", value: payload });
    await ref.waitFor(1);
    expect(received).toEqual(ref.events);
    expect(received[0]).toEqual({ ...payload, type: "from-payload" });
  });
});
