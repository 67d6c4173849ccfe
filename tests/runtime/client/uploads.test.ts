// @vitest-environment happy-dom
// Uploads in the browser without the network: choosing files in a live_file_input makes entries at
// once, validated here with liveviewjs's messages; the phx-change event still runs (with _target set
// to the input's name, files dropped); cancelUpload removes an entry; previews get object URLs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, html, live_file_input, live_img_preview, type UploadEntry } from "../../../src/runtime/client/index.ts";
import { createUploads } from "../../../src/runtime/client/uploads.ts";
import { $, click, mountPage } from "./page.ts";

const events: Record<string, unknown>[] = [];
const gallery = defineComponent<{ caption: string }>({
  name: "gallery",
  uploads: { photos: { accept: [".png", "image/jpeg"], max_entries: 2, max_file_size: 10 } },
  actions: {
    validate(event, ctx) {
      events.push({ ...event });
      ctx.assign({ caption: event.caption ?? "" });
    },
    cancel(event, ctx) {
      ctx.cancelUpload("photos", event.ref!);
    },
  },
  render: ({ caption }, { uploads }) => html`<form id="f" phx-change="validate">
    ${live_file_input(uploads.photos)}<input name="caption" value="${caption}" />
    <ul>${uploads.photos.entries.map((e: UploadEntry) => html`<li id="e-${e.ref}">${live_img_preview(e)}<b>${e.name}</b> ${e.size} ${e.progress}% <i>${e.errors.join("|")}</i><button type="button" phx-click="cancel" phx-value-ref="${e.ref}">x</button></li>`)}</ul>
    <p id="errors">${uploads.photos.errors.join("|")}</p></form>`,
});

function choose(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, "files", { configurable: true, get: () => files });
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
const fileInput = () => $<HTMLInputElement>("input[type=file]");
const items = () => Array.from(document.querySelectorAll("li"), (li) => li.textContent!.replace(/\s+/g, " ").trim());

afterEach(() => {
  events.length = 0;
  vi.restoreAllMocks();
});

describe("file selection", () => {
  it("makes validated entries in the browser, with no request, and runs phx-change once", async () => {
    const fetch = vi.fn();
    const c = await mountPage(gallery, { caption: "" }, { fetch, uploads: createUploads });
    const created: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => (created.push(blob as Blob), `blob:preview-${created.length}`));
    choose(fileInput(), [new File(["12345"], "ok.png", { type: "image/png" }), new File(["12345678901"], "big.png", { type: "image/png" }), new File(["1"], "doc.pdf", { type: "application/pdf" })]);
    await c.flushed();
    expect(items()).toEqual(["ok.png 5 0% x", "big.png 11 0% Too largex", "doc.pdf 1 0% Not allowedx"]);
    // liveviewjs's config errors: too many files, then each invalid entry's errors
    expect($("#errors").textContent).toBe("Too many files|Too large|Not allowed");
    expect(fetch).not.toHaveBeenCalled();
    // the change event, as the Phoenix client sends it: fields but no files, _target the file input
    expect(events).toEqual([{ type: "validate", caption: "", _target: "photos" }]);
    // entry refs and the input's active refs follow the Phoenix client's numbering
    const refs = Array.from(document.querySelectorAll("li"), (li) => li.id);
    expect(fileInput().getAttribute("data-phx-active-refs")).toBe(refs.map((id) => id.slice(2)).join(","));
    // previews show the chosen file
    const img = $<HTMLImageElement>(`#phx-preview-${refs[0]!.slice(2)}`);
    expect(img.getAttribute("src")).toBe("blob:preview-1");
    expect(created[0]).toBeInstanceOf(File);
  });

  it("cancelUpload drops the entry and revalidates; a multiple input adds later choices", async () => {
    const c = await mountPage(gallery, { caption: "" }, { fetch: vi.fn(), uploads: createUploads });
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:x");
    const revoke = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    choose(fileInput(), [new File(["1"], "a.png", { type: "image/png" }), new File(["2"], "b.jpg", { type: "image/jpeg" }), new File(["3"], "c.png", { type: "image/png" })]);
    await c.flushed();
    expect($("#errors").textContent).toBe("Too many files");
    click(document.querySelectorAll<HTMLElement>("li button")[0]!);
    await c.flushed();
    expect(items().map((t) => t.split(" ")[0])).toEqual(["b.jpg", "c.png"]);
    expect($("#errors").textContent).toBe("");
    expect(revoke).toHaveBeenCalledWith("blob:x");
    choose(fileInput(), [new File(["4"], "d.png", { type: "image/png" })]);
    await c.flushed();
    expect(items().map((t) => t.split(" ")[0])).toEqual(["b.jpg", "c.png", "d.png"]);
    expect($("#errors").textContent).toBe("Too many files");
  });

  it("skips empty files, as the Phoenix client does", async () => {
    const c = await mountPage(gallery, { caption: "" }, { fetch: vi.fn(), uploads: createUploads });
    choose(fileInput(), [new File([], "empty.png", { type: "image/png" })]);
    await c.flushed();
    expect(items()).toEqual([]);
  });
});
