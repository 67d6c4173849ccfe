// Upload validation and helpers against the real liveviewjs 0.8.1 classes: for the same config and
// files, the runtime's entries and config carry the same errors / valid flags, and live_file_input /
// live_img_preview render the same HTML (refs aside: liveviewjs's config ref is random).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { live_file_input, live_img_preview } from "../../../src/runtime/template/index.ts";
import { configErrors, uploadConfig, validateEntry, type UploadEntry, type UploadOptions } from "../../../src/runtime/template/uploads.ts";
import type { LiveViewJS } from "./load-liveviewjs.ts";

// liveviewjs looks accept extensions up in mime-db, fetched at import: answer with the part we need
const MIME_DB = { "image/png": { extensions: ["png"] }, "image/jpeg": { extensions: ["jpeg", "jpg"] }, "image/gif": { extensions: ["gif"] }, "application/pdf": { extensions: ["pdf"] } };
let lv: typeof LiveViewJS;

beforeAll(async () => {
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async () => ({ ok: true, json: async () => MIME_DB }));
  try {
    lv = (await import("liveviewjs" as string)) as typeof LiveViewJS;
    await vi.waitFor(() => expect((lv as unknown as { mime: { loaded: boolean } }).mime.loaded).toBe(true));
  } finally {
    vi.stubGlobal("fetch", realFetch);
  }
});

type File = { name: string; size: number; type: string };
const cases: Array<[string, UploadOptions, File[]]> = [
  ["defaults, one file", {}, [{ name: "a.bin", size: 3, type: "application/octet-stream" }]],
  ["extensions, sizes, types", { accept: [".png", ".jpg", ".gif"], max_entries: 3, max_file_size: 100 }, [
    { name: "a.png", size: 100, type: "image/png" },
    { name: "b.jpg", size: 101, type: "image/jpeg" },
    { name: "c.pdf", size: 5, type: "application/pdf" },
    { name: "d.gif", size: 500, type: "text/plain" },
  ]],
  ["mime types", { accept: ["application/pdf", "image/png"], max_entries: 1 }, [
    { name: "x.pdf", size: 1, type: "application/pdf" },
    { name: "y.png", size: 1, type: "image/gif" },
  ]],
  ["too many, all valid", { max_entries: 2, max_file_size: 10 }, [1, 2, 3].map((n) => ({ name: `${n}.txt`, size: n, type: "text/plain" }))],
];

describe("upload entries and configs match liveviewjs", () => {
  it.each(cases)("%s", (_label, options, files) => {
    const theirs = new lv.UploadConfig("photos", options as never);
    theirs.setEntries(files.map((f, i) => new lv.UploadEntry({ ...f, ref: String(i), last_modified: 1 } as never, theirs)));
    const ours = uploadConfig("view", "photos", options);
    ours.entries = files.map((f, i) => validateEntry(ours, { cancelled: false, last_modified: 1, ...f, done: false, preflighted: false, progress: 0, ref: String(i), upload_ref: ours.ref, uuid: "u", errors: [], valid: true } satisfies UploadEntry));
    ours.errors = configErrors(ours);

    const fields = (c: { name: string; accept: string[]; max_entries: number; max_file_size: number; auto_upload: boolean; chunk_size: number; errors: string[] }) =>
      ({ name: c.name, accept: c.accept, max_entries: c.max_entries, max_file_size: c.max_file_size, auto_upload: c.auto_upload, chunk_size: c.chunk_size, errors: c.errors });
    expect(fields(ours)).toEqual(fields(theirs));
    const entry = (e: UploadEntry) => ({ ...e, upload_ref: "<ref>", uuid: "<uuid>" });
    expect(ours.entries.map(entry)).toEqual(theirs.entries.map((e) => entry({ ...e } as unknown as UploadEntry)));

    const norm = (html: string) => html.replace(/phx-[\w-]{21}/g, "<ref>");
    expect(norm(String(live_file_input(ours)))).toBe(norm(String(lv.live_file_input(theirs))));
    expect(norm(String(live_img_preview(ours.entries[0]!)))).toBe(norm(String(lv.live_img_preview(theirs.entries[0]!))));
  });
});
