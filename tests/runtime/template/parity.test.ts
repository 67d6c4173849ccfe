// Renders the same inputs through the real liveviewjs@0.8.1 package and through our template layer
// and requires byte-identical strings.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as ours from "../../../src/runtime/template/index.ts";
import { loadLiveViewJS } from "./load-liveviewjs.ts";

let lv: Awaited<ReturnType<typeof loadLiveViewJS>>;
beforeAll(async () => {
  lv = await loadLiveViewJS();
});

type Api = typeof ours;
/** Runs `build` against both libraries and compares the rendered strings. */
function same(build: (api: Api) => unknown): string {
  const theirs = String(build(lv as unknown as Api));
  const mine = String(build(ours));
  expect(mine).toBe(theirs);
  return mine;
}

const awkward = [
  `<script>alert("x")</script>`,
  `a & b`,
  `it's "quoted"`,
  "back`tick",
  "a=b/c",
  "&amp; already escaped",
  "",
  " ",
  "ünïcödé ✓ 😀",
  "line\nbreak\ttab",
  "</textarea><img src=x onerror=alert(1)>",
];
const values: unknown[] = [...awkward, 0, -1.5, 42, NaN, Infinity, true, false, null, undefined, 10n, { a: 1 }, Symbol.iterator.description];

describe("html and escaping", () => {
  it.each(values.map((v) => [v]))("interpolates %s like liveviewjs", (v) => {
    same(({ html }) => html`<p title="${v}">${v}</p>`);
    same(({ escapehtml }) => escapehtml(v));
  });

  it("escapes exactly the eight entities and nothing else", () => {
    const out = same(({ html }) => html`${`&<>"'/\`=x`}`);
    expect(out).toBe("&amp;&lt;&gt;&quot;&#39;&#x2F;&#x60;&#x3D;x");
  });

  it("passes nested templates through without re-escaping", () => {
    same(({ html }) => html`<div>${html`<b>${"<i>"}</b>`}</div>`);
    same(({ html }) => html`${html`${html`${html`<deep ${"a&b"}>`}`}`}`);
    same(({ html }) => html`<ul>${[1, 2, 3].map((n) => html`<li id="${n}">${n}</li>`)}</ul>`);
  });

  it("renders arrays: strings escaped, templates raw, nested arrays flattened, empty as nothing", () => {
    same(({ html }) => html`<p>${["<a>", "b&", 3, null, undefined, true]}</p>`);
    same(({ html }) => html`<p>${[html`<x/>`, "<y/>", [html`<z/>`, ["<w/>"]]]}</p>`);
    same(({ html }) => html`<p>${[]}</p>`);
    same(({ html }) => html`<ul>${[].map(() => html`<li></li>`)}</ul>`);
  });

  it("renders attribute fragments as raw strings inside a tag only when safe", () => {
    for (const checked of [true, false]) {
      same(({ html }) => html`<input type="checkbox" ${checked ? "checked" : ""} />`);
      same(({ html, safe }) => html`<input ${safe(checked ? `data-x="1"` : "")} />`);
    }
  });

  it("safe, join and empty templates", () => {
    for (const v of values) same(({ safe }) => safe(v));
    same(({ safe, html }) => safe(html`<b>${"&"}</b>`));
    same(({ join }) => join([]));
    same(({ join }) => join(["a<", "b"]));
    same(({ join, html }) => join([html`<li>1</li>`, html`<li>${"<2>"}</li>`], "<hr/>"));
    same(({ join, html }) => join(["x", "y", "z"], html`<br>`));
    same(({ html }) => html``);
    same(({ html }) => html`${""}`);
  });

  it("renders a promise the way liveviewjs does (a forgotten await)", () => {
    same(({ html }) => html`${Promise.resolve(html`x`)}`);
  });
});

describe("form helpers", () => {
  const schema = z.object({
    name: z.string().min(2, "Name too short"),
    phone: z.string().regex(/^\d{3}-\d{4}$/, "Phone must be ###-####"),
    email: z.string().email(),
  });
  const changesets = () => {
    const factory = lv.newChangesetFactory<z.infer<typeof schema>>(schema);
    return [
      factory({}, {}),
      factory({}, { name: "A", phone: "bad" } as never, "validate"),
      factory({}, { name: "Bob <b>", phone: "555-1234", email: "b@x.io" }, "validate"),
      factory({ name: "x" }, { name: "Y", _target: "name" } as never, "validate"),
      factory({}, { name: `"><script>`, phone: "1" } as never, "save"),
      { action: "validate", changes: {}, data: { name: 0, phone: null }, valid: false, errors: { name: "<bad>", phone: "" } },
    ] as ours.LiveViewChangeset<any>[];
  };

  it("form_for with every option combination", () => {
    const opts: (ours.FormForOptions | undefined)[] = [
      undefined,
      {},
      { phx_submit: "save" },
      { phx_change: "validate", phx_submit: "save", id: "f1", method: "get" },
      { id: `a"b` },
      { phx_submit: "" },
    ];
    for (const o of opts) for (const action of ["#", "/a?b=c&d=<e>"]) same(({ form_for }) => form_for(action, "tok<&>", o));
  });

  it("text_input, telephone_input and error_tag over changesets with and without errors", () => {
    const inputOpts: (ours.InputOptions | undefined)[] = [
      undefined,
      { placeholder: "Name", autocomplete: "off", phx_debounce: 300, className: "in <x>" },
      { phx_debounce: "blur", type: "tel" },
      { phx_debounce: 0, placeholder: "" },
    ];
    for (const cs of changesets()) {
      for (const key of ["name", "phone", "email", "missing"]) {
        for (const o of inputOpts) {
          same(({ text_input }) => text_input(cs, key, o));
          same(({ telephone_input }) => telephone_input(cs, key, o));
        }
        same(({ error_tag }) => error_tag(cs, key));
        same(({ error_tag }) => error_tag(cs, key, { className: "err" }));
      }
    }
  });

  it("a whole form renders the same", () => {
    for (const cs of changesets()) {
      same(({ html, form_for, text_input, error_tag, telephone_input, submit }) => html`
        ${form_for("#", "csrf", { phx_change: "validate", phx_submit: "save" })}
          <div>${text_input(cs, "name", { placeholder: "Name" })}${error_tag(cs, "name")}</div>
          <div>${telephone_input(cs, "phone")}${error_tag(cs, "phone")}</div>
          ${submit("Save", { phx_disable_with: "Saving...", disabled: !cs.valid })}
        </form>`);
    }
  });

  it("submit with varied options", () => {
    const opts: (ours.SubmitOptions | undefined)[] = [
      undefined,
      {},
      { disabled: true },
      { disabled: false, phx_disable_with: `Saving "now" <...>` },
      { class: "btn", "data-x": 1, other: true, form: "f" },
      { phx_disable_with: "" },
    ];
    for (const o of opts) {
      same(({ submit }) => submit("Save", o));
      same(({ submit }) => submit("<b>", o));
    }
  });

  it("options_for_select with arrays, records and selections", () => {
    const lists: ours.Options[] = [[], ["a", "b", "c"], ["<x>", "y&z"], { Red: "r", "Green <g>": "g", Blue: "b&" }];
    const selections: (ours.Selected | undefined)[] = [undefined, "", "b", "r", ["a", "c"], ["b&", "g"], []];
    for (const l of lists) for (const s of selections) same(({ options_for_select }) => options_for_select(l, s));
    same(({ html, options_for_select }) => html`<select name="c">${options_for_select(["x", "y"], "y")}</select>`);
  });

  it("newChangesetFactory produces the same changesets", () => {
    const factory = ours.newChangesetFactory<z.infer<typeof schema>>(schema);
    const theirs = lv.newChangesetFactory<z.infer<typeof schema>>(schema);
    const cases: [Record<string, unknown>, Record<string, unknown>, string | undefined][] = [
      [{}, {}, undefined],
      [{}, { name: "A" }, "validate"],
      [{ name: "Al" }, { name: "Alice", phone: "555-1234", email: "a@b.co" }, "save"],
      [{ name: "Al", phone: "1" }, { name: "A", _target: "name" }, "validate"],
      [{ name: "Al", nested: { a: 1 } }, { nested: { a: 2 } }, "validate"],
    ];
    for (const [e, a, action] of cases) expect(factory(e as never, a as never, action)).toEqual(theirs(e as never, a as never, action));
  });
});

describe("navigation, title and upload helpers", () => {
  it("live_patch", () => {
    same(({ live_patch }) => live_patch("Next", { to: { path: "/items" } }));
    same(({ live_patch }) => live_patch("<b>Next</b>", { to: { path: "/items", params: { page: "2", q: "a b&c" } }, className: "btn" }));
    same(({ live_patch, html }) => live_patch(html`<b>${"x<"}</b>`, { to: { path: "/p", params: {} } }));
  });

  it("live_title_tag", () => {
    same(({ live_title_tag }) => live_title_tag("Home"));
    same(({ live_title_tag }) => live_title_tag("<Home>", { prefix: "App · " }));
    same(({ live_title_tag }) => live_title_tag("Home", { prefix: "a", suffix: ` | "Site"` }));
    same(({ live_title_tag }) => live_title_tag("Home", { suffix: "" }));
  });

  it("live_file_input and live_img_preview", () => {
    const entries = [
      { ref: "0", done: true, preflighted: true, upload_ref: "phx-F1" },
      { ref: "1", done: false, preflighted: true, upload_ref: "phx-F1" },
      { ref: "2", upload_ref: "phx-F1" },
    ];
    for (const [max, es] of [[1, []], [3, entries], [1, entries.slice(1)]] as const) {
      const config = { name: "photos", accept: [".png", "image/jpeg"], max_entries: max, ref: "phx-F1", entries: es };
      same(({ live_file_input }) => live_file_input(config as never));
    }
    for (const e of entries) same(({ live_img_preview }) => live_img_preview(e as never));
  });
});

describe("JS commands", () => {
  const builds: ((js: ours.JS) => ours.JS)[] = [
    (js) => js,
    (js) => js.show(),
    (js) => js.show({ to: "#m", time: 100, transition: "fade-in", display: "flex" }),
    (js) => js.hide({ to: ".x", transition: ["ease-out duration-300", "opacity-100", "opacity-0"] }),
    (js) => js.toggle(),
    (js) => js.toggle({ to: "#t", in: "a  b", out: ["x", "y z", "w"], display: "inline", time: 0 }),
    (js) => js.add_class("a b   c", { to: "#x", transition: "t" }),
    (js) => js.remove_class("a", { time: 50 }),
    (js) => js.set_attribute(["aria-expanded", "true"], { to: "#b" }),
    (js) => js.remove_attribute("disabled"),
    (js) => js.transition("shake", { to: "#f", time: 500 }),
    (js) => js.transition(["a", "b", "c"]),
    (js) => js.dispatch("click", { to: "#d" }),
    (js) => js.dispatch("my:event", { detail: { a: 1, b: "x", c: true }, bubbles: false }),
    (js) => js.push("inc"),
    (js) => js.push("save", { target: "#c", loading: ".l", page_loading: true, value: { id: 7 } }),
    (js) => js.push("inc").hide({ to: "#a" }).add_class("b").dispatch("x"),
  ];
  it.each(builds.map((b, i) => [i, b]))("command list %i serializes and renders identically", (_i, build) => {
    same(({ JS }) => build(new JS()));
    same(({ JS, html }) => html`<button phx-click="${build(new JS())}">Go</button>`);
  });
});
