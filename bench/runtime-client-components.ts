// Components the client benchmark runs: a counter (one client action) and a 1,000-row table
// re-sorted by an action. Shared by the Node side (first paint) and the page bundle.
import { defineComponent, html } from "../src/runtime/client/index.ts";

export const counter = defineComponent<{ count: number }>({
  name: "counter",
  actions: {
    inc(_e, ctx) {
      ctx.assign({ count: ctx.state.count + 1 });
    },
  },
  render: (s) => html`<div><button id="inc" phx-click="inc">+</button> <span id="count">${s.count}</span></div>`,
});

export interface Row { id: number; name: string; score: number }

export const rows = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `row ${((i * 7919) % n).toString(36)}`, score: (i * 104729) % 1000 }));

export const table = defineComponent<{ rows: Row[]; by: "name" | "score"; desc: boolean }>({
  name: "table",
  actions: {
    sort(e, ctx) {
      const by = e.by as "name" | "score";
      const desc = ctx.state.by === by ? !ctx.state.desc : false;
      const sorted = [...ctx.state.rows].sort((a, b) => (a[by] < b[by] ? -1 : a[by] > b[by] ? 1 : a.id - b.id) * (desc ? -1 : 1));
      ctx.assign({ rows: sorted, by, desc });
    },
  },
  render: (s) => html`<table>
    <thead><tr><th><button id="by-name" phx-click="sort" phx-value-by="name">name</button></th><th><button id="by-score" phx-click="sort" phx-value-by="score">score</button></th></tr></thead>
    <tbody id="rows">${s.rows.map((r) => html`<tr id="r${r.id}"><td>${r.name}</td><td>${r.score}</td></tr>`)}</tbody>
  </table>`,
});
