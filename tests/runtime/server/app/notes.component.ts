// A component for the server tests: a shared list (loaded by a command, followed through sync), a
// ui key, and a title with characters that must not break out of the state script.
import { defineComponent, html } from "../../../../src/runtime/client/index.ts";

export type Note = { id: number; text: string };
type NotesState = { notes: Note[]; draft: string; title: string; param: string };

export const notes = defineComponent<NotesState>({
  name: "notes",
  shared: { notes: "listNotes" },
  sync: { notes: "noteAdded", other: "noteAdded" },
  mount(ctx, params) {
    ctx.assign({ notes: [], draft: "", title: "</script><script>alert(1)</script>\u2028\u2029", param: params.id ?? "" });
    if (params.id === "redirect") ctx.pushRedirect("/notes/elsewhere");
    ctx.pageTitle(`Notes ${params.id ?? ""}`);
  },
  actions: {
    noteAdded(event, ctx) {
      ctx.assign({ notes: [...ctx.state.notes, (event as unknown as { note: Note }).note] });
    },
  },
  render: (state) => html`<h1>${state.title}</h1><p id="param">${state.param}</p><ul>${state.notes.map((n) => html`<li>${n.text}</li>`)}</ul>`,
});
