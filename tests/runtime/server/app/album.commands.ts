// The album's commands: `save` consumes the uploaded photos the way a moved liveviewjs callback does
// (reads meta.path on the server); `peek` lists them without consuming; `ignore` never looks.
import { readFileSync } from "node:fs";
import { defineCommands } from "../../../../src/runtime/server/index.ts";

export default defineCommands({
  async save(params: { caption?: string }, ctx) {
    const stored = await ctx.consumeUploadedEntries("photos", async (meta, entry) => ({
      path: meta.path,
      bytes: readFileSync(meta.path, "latin1"),
      name: entry.name,
      size: entry.size,
      type: entry.type,
      done: entry.done,
      caption: params.caption,
    }));
    const again = await ctx.consumeUploadedEntries("photos", (meta) => meta.path);
    return { stored, again };
  },
  async peek(_params, ctx) {
    return (await ctx.uploadedEntries("photos")).completed.map((e) => e.name);
  },
  ignore: () => "ignored",
});
