// splitHandler: the dispatch forms of handleEvent, including a type test followed by `&& rest`.

import { describe, expect, it } from "vitest";
import { locateView, parseSource } from "../../src/codemods/locate-view.ts";
import { splitHandler } from "../../src/codemods/split-handler.ts";

function split(body: string) {
  const sf = parseSource("view.ts", `import { createLiveView, html } from "liveviewjs";\nexport const v = createLiveView({\n  handleEvent(event, socket) {\n${body}\n  },\n  render: () => html\`\`,\n});\n`);
  const located = locateView(sf, "v");
  if (!located.ok) throw new Error(located.message);
  const result = splitHandler(located.view.parts.get("handleEvent")!, sf);
  /** Each branch's text with its edits applied (the guard removed). */
  const texts = result.ok
    ? result.split.branches.map((b) => {
        let text = sf.text.slice(b.start, b.end);
        for (const e of [...b.edits].sort((x, y) => y.start - x.start)) text = text.slice(0, e.start - b.start) + e.text + text.slice(e.end - b.start);
        return [b.names.join("|"), text.trim()];
      })
    : [];
  return { result, texts };
}

describe("splitHandler", () => {
  it("turns `event.type === \"x\" && rest` into the branch `if (rest) {…}`, in an else-if chain with plain tests", () => {
    const { texts } = split(`
    if (event.type === "pick" && ok(event.id) && event.id !== socket.context.id) {
      socket.assign({ id: event.id });
    } else if (event.type === "a" || event.type === "b") {
      socket.assign({ n: 1 });
    } else if ((event.type === "c" || event.type === "d") && socket.context.n > 0) socket.assign({ n: 0 });`);
    expect(texts).toEqual([
      ["pick", "if (ok(event.id) && event.id !== socket.context.id) {\n      socket.assign({ id: event.id });\n    }"],
      ["a|b", "socket.assign({ n: 1 });"],
      ["c|d", "if (socket.context.n > 0) socket.assign({ n: 0 });"],
    ]);
  });

  it("refuses a guarded type that another branch handles too, and a test that does not start with the type", () => {
    const twice = split(`if (event.type === "x" && socket.context.on) { a(); } else if (event.type === "x") { b(); }`);
    expect(twice.result).toMatchObject({ ok: false, message: expect.stringContaining(`two branches handle "x"`) });
    const late = split(`if (socket.context.on && event.type === "x") { a(); }`);
    expect(late.result).toMatchObject({ ok: false, noDispatch: true });
  });
});
