// Server parts of the catalog's mount and handleParams, validated with zod as generated commands are.
import { z } from "zod";
import { defineCommands } from "../../../../src/runtime/server/index.ts";

export const catalogCommands = defineCommands({
  mount: {
    params: z.object({ params: z.record(z.string(), z.string()) }),
    handler(input: { params: Record<string, string> }, ctx) {
      const effects: [string, ...unknown[]][] = [];
      if (input.params.shelf === "gone") effects.push(["pushRedirect", "/catalog/main"]);
      if (input.params.shelf === "broken") throw new Error("database down");
      effects.push(["pageTitle", `Shelf ${input.params.shelf}`], ["putFlash", "info", `hello ${ctx.session.user}`]);
      return { patch: { user: String(ctx.session.user) }, effects };
    },
  },
  handleParams: {
    params: z.object({ url: z.string() }),
    handler(input: { url: string }) {
      const url = new URL(input.url);
      const page = Number(url.searchParams.get("page") ?? "1");
      return { patch: { items: [`item ${page * 10 + 1}`, `item ${page * 10 + 2}`] }, effects: [] };
    },
  },
});
