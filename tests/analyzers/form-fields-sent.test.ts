// Which fields every event of a name carries (plan.events[].sent): a command's schema requires those, so
// a forged `{}` is a 422 instead of a crash inside the original's code. Only what a browser always sends
// counts: text-like controls written in the form itself, nothing that a click, a hook, a checkbox, a
// disabled control or a condition could leave out.
import { describe, expect, it } from "vitest";
import { analyzeSources, view } from "./helpers.ts";

const source = (template: string, extra = "") => `
import { createLiveView, html } from "liveviewjs";
import { save } from "./store.ts";
export const v = createLiveView({
  mount: (socket) => { socket.assign({ open: false }); },
  handleEvent: async (event, socket) => {
    if (event.type === "post") await save(event.text);
    if (event.type === "other") await save(event.title);
    ${extra}
  },
  render: (ctx) => html\`${template}\`,
});
`;
const store = "export async function save(x: unknown) { console.log(x); }\n";
const sentOf = (template: string, event = "post") => {
  const { merged } = analyzeSources({ "v.ts": source(template), "store.ts": store });
  return view(merged, "v.ts#v").events.find((e) => e.name === event)?.sent;
};

describe("fields a form always sends with its event", () => {
  it("text inputs, textareas and single selects of the form itself", () => {
    expect(sentOf(`<form phx-submit="post"><input name="text" value="\${ctx.open}"><textarea name="body"></textarea><select name="tone"></select><input type="email" name="mail"></form>`)).toEqual(["body", "mail", "text", "tone"]);
  });

  it("not checkboxes, radios, files, multiple selects, disabled controls or controls behind an interpolation", () => {
    expect(sentOf(`<form phx-submit="post"><input type="checkbox" name="a"><input type="radio" name="b"><input type="file" name="c"><select multiple name="d"></select><input name="e" disabled><input name="f" \${ctx.open ? "disabled" : ""}><input type="\${"text"}" name="g"><input name="h" form="elsewhere"></form>`)).toBeUndefined();
    // a control inside a nested template is rendered under a condition: not always there
    expect(sentOf(`<form phx-submit="post">\${ctx.open ? html\`<input name="text">\` : ""}</form>`)).toBeUndefined();
  });

  it("only when forms alone send the event: a click or a hook may send it without the field", () => {
    expect(sentOf(`<form phx-submit="post"><input name="text"></form><button phx-click="post">again</button>`)).toBeUndefined();
    expect(sentOf(`<form phx-submit="post"><input name="text"></form><div phx-hook="Pusher"></div>`)).toBeUndefined();
    expect(sentOf(`<form phx-submit="post"><input name="text"></form><button phx-click="\${ctx.open ? "post" : "other"}">x</button>`)).toBeUndefined();
  });

  it("what every form sending the event has in common", () => {
    expect(sentOf(`<form phx-submit="post"><input name="text"><input name="x"></form><form phx-change="post"><input name="text"></form>`)).toEqual(["text"]);
  });
});

describe("events only the template's plain bindings send (every field text)", () => {
  const decision = (template: string, event = "post") => {
    const { merged } = analyzeSources({ "v.ts": source(template), "store.ts": store });
    return view(merged, "v.ts#v").events.find((e) => e.name === event);
  };

  it("a click, a key or a form of this template: Phoenix's client sends text", () => {
    expect(decision(`<button phx-click="post" phx-value-text="\${ctx.open}">go</button>`)?.textOnly).toBe(true);
    expect(decision(`<form phx-submit="post"><input name="text"></form>`)).toMatchObject({ textOnly: true, sent: ["text"] });
  });

  it("not when a hook could push it, a binding is named at run time, or the template does not send it", () => {
    expect(decision(`<button phx-click="post">go</button><div phx-hook="Chart"></div>`)?.textOnly).toBeUndefined();
    expect(decision(`<button phx-click="post">go</button><button phx-click="\${ctx.open ? "post" : "other"}">x</button>`)?.textOnly).toBeUndefined();
    // handled but bound nowhere here (a child component's markup, a hook elsewhere): nothing known
    expect(decision(`<p>nothing</p>`)?.textOnly).toBeUndefined();
  });
});
