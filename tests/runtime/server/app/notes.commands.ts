// Server commands of the test component, over a store the test can inspect.
import { z } from "zod";
import { defineCommands, fail } from "../../../../src/runtime/server/index.ts";
import type { Note } from "./notes.component.ts";

export function createNotesCommands() {
  const store: Note[] = [];
  const calls: string[] = [];
  const commands = defineCommands({
    listNotes: { idempotent: true, handler: () => store },
    addNote: {
      params: z.object({ text: z.string().min(1).max(100) }),
      async handler(params: { text: string }, ctx) {
        calls.push("addNote");
        const note = { id: store.length + 1, text: params.text };
        store.push(note);
        await ctx.publish("notes", { note });
        return { note };
      },
    },
    echo: (params: Record<string, unknown>, ctx) => ({ params, protoIsObject: Object.getPrototypeOf({}) === Object.prototype, session: ctx.session.id, user: ctx.session.user ?? null, url: ctx.url?.pathname ?? null }),
    slow: {
      timeoutMs: 100,
      handler: (_params: unknown, ctx) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve({ late: true }), 5_000);
          ctx.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            calls.push("slow aborted");
          });
        }),
    },
    // publishes, then outlives its time limit (ignoring the abort): its message must never go out
    publishThenStall: {
      timeoutMs: 100,
      async handler(_params: unknown, ctx) {
        calls.push("publishThenStall");
        await ctx.publish("notes", { stalled: true });
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { late: true };
      },
    },
    // takes a while: a repeat of its call arrives while it runs
    slowAdd: {
      params: z.object({ text: z.string() }),
      async handler(params: { text: string }, ctx) {
        calls.push(`slowAdd ${params.text}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const note = { id: store.length + 1, text: params.text };
        store.push(note);
        await ctx.publish("notes", { note });
        return { note };
      },
    },
    crash: () => {
      throw new Error("secret database password in /srv/app/db.ts:12");
    },
    refuse: () => fail("NOT_ALLOWED", "You may not", 403),
    // a cycle has no JSON form (a bigint, a Date, a Map or a Set travel tagged: state-json.ts)
    notJson: () => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      return cycle;
    },
  });
  return { commands, store, calls };
}
