// The Phoenix client's rendering of LiveViewJS's parts trees, checked against hand-written trees.
import { describe, expect, it } from "vitest";
import { mergeRendered, renderedToHtml } from "../../src/verify/rendered-tree.ts";
import { htmlAsShown, normalizeHtml } from "../../src/verify/normalize.ts";
import { Window } from "happy-dom";

describe("rendered tree", () => {
  it("interleaves statics and numbered dynamics, nested templates included", () => {
    const tree = { s: ["<p>", " and ", "</p>"], 0: "a", 1: { s: ["<b>", "</b>"], 0: "b" } };
    expect(renderedToHtml(tree)).toBe("<p>a and <b>b</b></p>");
  });

  it("renders comprehensions row by row with shared statics", () => {
    const tree = { s: ["<ul>", "</ul>"], 0: { d: [["1"], ["2"], ["3"]], s: ["<li>", "</li>"] } };
    expect(renderedToHtml(tree)).toBe("<ul><li>1</li><li>2</li><li>3</li></ul>");
  });

  it("merges a diff into the tree: changed dynamics only, a node with statics replaces the old one", () => {
    const tree = mergeRendered(undefined, { s: ["<p>", "|", "</p>"], 0: "1", 1: { s: ["<i>", "</i>"], 0: "x" } });
    const next = mergeRendered(tree, { 0: "2" });
    expect(renderedToHtml(next)).toBe("<p>2|<i>x</i></p>");
    const replaced = mergeRendered(next, { 1: { s: ["<b>", "!", "</b>"], 0: "y", 1: "z" } });
    expect(renderedToHtml(replaced)).toBe("<p>2|<b>y!z</b></p>");
    // the tree given to mergeRendered is not changed
    expect(renderedToHtml(tree)).toBe("<p>1|<i>x</i></p>");
  });

  it("renders components by cid, shared statics by reference, and merges component diffs", () => {
    const tree = mergeRendered(undefined, {
      s: ["<div>", "", "</div>"],
      0: 1,
      1: 2,
      c: { 1: { s: ["<span>", "</span>"], 0: "one" }, 2: { s: 1, 0: "two" } },
    });
    expect(renderedToHtml(tree)).toBe("<div><span>one</span><span>two</span></div>");
    const next = mergeRendered(tree, { c: { 2: { 0: "deux" } } });
    expect(renderedToHtml(next)).toBe("<div><span>one</span><span>deux</span></div>");
  });

  it("drops title and events from the tree", () => {
    const tree = mergeRendered(undefined, { s: ["x"], t: "Title", e: [["ev", {}]] });
    expect(tree).toEqual({ s: ["x"] });
  });
});

describe("normalizeHtml", () => {
  it("ignores CSRF tokens, LiveViewJS's generated ids and whitespace between tags", () => {
    const a = `<form>\n  <input type="hidden" name="_csrf_token" value="abc-123"/>\n  <div id="phx-F0a1b2c3d4e5f6g7h8i9">x</div>\n</form>`;
    const b = `<form><input type="hidden" name="_csrf_token" value="zzz"/><div id="phx-Zyxwvutsrqponmlkjih">x</div></form>`;
    expect(normalizeHtml(a)).toBe(normalizeHtml(b));
    expect(normalizeHtml(a)).toBe('<form><input name="_csrf_token" type="hidden" value="<csrf>"/><div id="phx-<id>">x</div></form>');
    // nanoid ids may end in "-" or "_": the whole id is replaced either way
    expect(normalizeHtml('<input id="phx-Ab_cdefghijklmnopqrs-">')).toBe('<input id="phx-<id>">');
    expect(normalizeHtml('<input id="phx-Abcdefghijklmnopqrs_-">')).toBe('<input id="phx-<id>">');
  });

  it("ignores the order of a tag's attributes (a patched element gets a new one last)", () => {
    expect(normalizeHtml('<button phx-click="vote" disabled="" class="mine">Tabs</button>')).toBe(normalizeHtml('<button phx-click="vote" class="mine" disabled="">Tabs</button>'));
    expect(normalizeHtml('<a title="x > y" href="/a">a</a>')).toBe('<a href="/a" title="x > y">a</a>');
    expect(normalizeHtml('<input disabled value="a">')).toBe('<input disabled value="a">');
  });

  it("keeps every other difference: text, text whitespace, attributes, other ids", () => {
    expect(normalizeHtml("<p>a b</p>")).not.toBe(normalizeHtml("<p>a  b</p>"));
    expect(normalizeHtml('<p class="x">a</p>')).not.toBe(normalizeHtml('<p class="y">a</p>'));
    expect(normalizeHtml('<p id="count">1</p>')).not.toBe(normalizeHtml('<p id="total">1</p>'));
    expect(normalizeHtml('<input name="title" value="a">')).not.toBe(normalizeHtml('<input name="title" value="b">'));
  });
});

describe("htmlAsShown", () => {
  it("shows each field's current value: typed text, a textarea's text, the chosen option, a ticked box", () => {
    const window = new Window();
    const body = window.document.body;
    body.innerHTML = `<form><input name="city" value="Barcelona"><textarea name="c"></textarea><select name="s"><option value="a">a</option><option value="b">b</option></select><input type="checkbox" name="x"></form>`;
    (body.querySelector("input[name=city]") as unknown as HTMLInputElement).value = "Ba";
    (body.querySelector("textarea") as unknown as HTMLTextAreaElement).value = "Hello";
    (body.querySelector("select") as unknown as HTMLSelectElement).value = "b";
    (body.querySelector("input[type=checkbox]") as unknown as HTMLInputElement).checked = true;
    expect(htmlAsShown(body as unknown as Element)).toBe(
      `<form><input name="city" value="Ba"><textarea name="c">Hello</textarea><select name="s"><option value="a">a</option><option value="b" selected="">b</option></select><input type="checkbox" name="x" checked=""></form>`,
    );
    // the page itself is left as it is
    expect(body.querySelector("textarea")!.textContent).toBe("");
    void window.happyDOM.close();
  });
});
