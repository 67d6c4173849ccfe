// @vitest-environment happy-dom
// Keyed stand-ins (render-html.ts) must never change what ends up in the DOM: after every update the
// root holds exactly the HTML a fresh render produces, and unchanged rows are the same nodes.
import { describe, expect, it } from "vitest";
import { defineComponent, html } from "../../../src/runtime/client/index.ts";
import { renderHtml } from "../../../src/runtime/client/render-html.ts";
import { $, mountPage } from "./page.ts";

type Row = { id: number; label: string; n: number };
const list = defineComponent<{ rows: Row[] }>({
  name: "rows",
  actions: {
    set(e, ctx) {
      ctx.assign({ rows: JSON.parse(e.rows as string) });
    },
  },
  render: (s) => html`<ul id="l">
    ${s.rows.map((r) => html`<li id="row-${r.id}" class="r${r.n % 3}"><b>${r.label}</b> ${r.n}${r.n % 4 === 0 ? html`<ul>${[1, 2].map((k) => html`<li id="sub-${r.id}-${k}">${k}</li>`)}</ul>` : ""}</li>`)}
  </ul><p>${s.rows.length}</p><br id="br-${s.rows.length % 2}">`,
});

// Deterministic pseudo-random sequence, so failures reproduce.
let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);

describe("keyed stand-ins", () => {
  it("renderHtml without a previous render equals toString", () => {
    const tree = list.render({ rows: [{ id: 1, label: "<a>", n: 4 }] }, {} as never) as never;
    expect(renderHtml(tree, { last: new Map(), next: new Map() })).toBe(String(tree));
  });

  it("after random inserts, removals, edits and shuffles the DOM equals a fresh render", async () => {
    let rows: Row[] = Array.from({ length: 16 }, (_, i) => ({ id: i, label: `r${i}`, n: i }));
    let nextId = 16;
    const c = await mountPage(list, { rows });
    for (let step = 0; step < 30; step++) {
      const before = new Map(Array.from(document.querySelectorAll("#l > li"), (li) => [li.id, li]));
      const edited = new Set<number>();
      rows = [...rows];
      const op = rand(4);
      if (op === 0) rows.splice(rand(rows.length + 1), 0, { id: nextId++, label: `new`, n: rand(10) });
      else if (op === 1 && rows.length > 1) rows.splice(rand(rows.length), 1);
      else if (op === 2 && rows.length) {
        const i = rand(rows.length);
        rows[i] = { ...rows[i], n: rows[i].n + 1 };
        edited.add(rows[i].id);
      } else rows.sort(() => rand(3) - 1);
      c.dispatch("set", { rows: JSON.stringify(rows) });
      await c.flushed();
      expect($("[data-lvm-root]").innerHTML).toBe(String(list.render({ rows }, {} as never)));
      for (const r of rows) if (!edited.has(r.id) && before.has(`row-${r.id}`)) expect($(`#row-${r.id}`)).toBe(before.get(`row-${r.id}`));
    }
  });

  it("stand-ins for void elements (inputs, br) in a list", async () => {
    const inputs = defineComponent<{ ids: number[] }>({
      name: "inputs",
      actions: {
        set(e, ctx) {
          ctx.assign({ ids: JSON.parse(e.ids as string) });
        },
      },
      render: (s) => html`<div id="box">${s.ids.map((i) => html`<input id="in-${i}" value="${i}">`)}${s.ids.map((i) => html`<br id="br-${i}">`)}</div>`,
    });
    const c = await mountPage(inputs, { ids: [1, 2, 3] });
    const first = $("#in-1");
    for (const ids of [[3, 2, 1], [2, 3, 1, 4], [4, 1]]) {
      c.dispatch("set", { ids: JSON.stringify(ids) });
      await c.flushed();
      expect($("[data-lvm-root]").innerHTML).toBe(String(inputs.render({ ids }, {} as never)));
    }
    expect($("#in-1")).toBe(first);
  });

  it("an item that is a keyed element followed by siblings (a row and its details row) is written whole", async () => {
    const table = defineComponent<{ open: number; n: number }>({
      name: "rowsWithDetails",
      actions: {
        set(e, ctx) {
          ctx.assign({ open: Number(e.open), n: Number(e.n) });
        },
      },
      render: (s) => html`<table><tbody>${[1, 2, 3].map((i) => html`<tr id="r-${i}"><td>${i}</td></tr>${i === s.open ? html`<tr class="details"><td>about ${i}</td></tr>` : ""}`)}</tbody></table><p>${s.n}</p>`,
    });
    const c = await mountPage(table, { open: 0, n: 0 });
    // the same rows twice in a row (only <p> changes): the details row must survive the unchanged item
    for (const [open, n] of [[2, 0], [2, 1], [2, 2], [3, 3]]) {
      c.dispatch("set", { open: String(open), n: String(n) });
      await c.flushed();
      expect($("[data-lvm-root]").innerHTML).toBe(String(table.render({ open, n }, {} as never)));
    }
  });

  it("falls back to a full patch when a stand-in's node is gone (changed behind the runtime's back)", async () => {
    const rows = [1, 2, 3].map((id) => ({ id, label: `r${id}`, n: id }));
    const c = await mountPage(list, { rows });
    $("#row-2").remove();
    c.dispatch("set", { rows: JSON.stringify([...rows].reverse()) });
    await c.flushed();
    expect($("[data-lvm-root]").innerHTML).toBe(String(list.render({ rows: [...rows].reverse() }, {} as never)));
  });
});
