// File uploads in the browser, as the Phoenix client + liveviewjs behave: choosing files in a
// live_file_input makes entries at once (validated here: too large, not allowed, too many files; no
// round trip), `ctx.cancelUpload` drops one, live_img_preview shows an object URL. A command called
// with `{ uploads: [name] }` first POSTs each valid entry's file to the upload endpoint (progress goes
// to the entry) and sends the receipts with the command, whose `ctx.consumeUploadedEntries` runs on
// the server; when it succeeds the entries are gone, as after liveviewjs's consume.

import { CLIENT_ERROR, PROTOCOL, type CommandResponse, type UploadReceipt } from "../contract.ts";
import { configErrors, uploadConfig, validateEntry, UPLOAD_ERRORS, type UploadConfig, type UploadOptions } from "../template/uploads.ts";
import type { UploadEntry } from "../template/uploads.ts";

interface Tracked {
  entry: UploadEntry;
  file: File;
  url?: string;
}

type Failure = { code: string; message: string };

/** Entry refs number files per page from 0, as the Phoenix client does (file._phxRef). */
let fileCounter = 0;
const fileRefs = new WeakMap<File, string>();

export type Uploads = ReturnType<typeof createUploads>;

export function createUploads(component: string, options: Record<string, UploadOptions> = {}, csrfToken: string, changed: () => void) {
  const configs: Record<string, UploadConfig> = {};
  const tracked: Record<string, Tracked[]> = {};
  for (const name in options) {
    configs[name] = uploadConfig(component, name, options[name]);
    tracked[name] = [];
  }
  const update = (name: string) => {
    const config = configs[name]!;
    config.entries = tracked[name]!.map((t) => t.entry);
    config.errors = configErrors(config);
    changed();
  };
  const forget = (t: Tracked) => t.url && URL.revokeObjectURL(t.url);

  function post(name: string, t: Tracked): Promise<CommandResponse> {
    const url = `${PROTOCOL.base}${PROTOCOL.uploadPath}/${encodeURIComponent(component)}/${encodeURIComponent(name)}`;
    const progress = (value: number) => {
      t.entry.progress = value;
      t.entry.preflighted = value > 0;
      t.entry.done = value == 100;
      changed();
    };
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader(PROTOCOL.csrfHeader, csrfToken);
      xhr.setRequestHeader(PROTOCOL.uploadNameHeader, encodeURIComponent(t.file.name));
      xhr.setRequestHeader("content-type", t.file.type || "application/octet-stream");
      // 100 (done) only once the server has the file
      xhr.upload.onprogress = (e) => e.lengthComputable && progress(Math.min(99, Math.floor((e.loaded / e.total) * 100)));
      xhr.onload = () => {
        let body: CommandResponse | undefined;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {}
        if (body?.ok) progress(100);
        resolve(body && (body.ok || body.error) ? body : { ok: false, error: { code: CLIENT_ERROR.badResponse, message: `HTTP ${xhr.status}` } });
      };
      xhr.onerror = () => resolve({ ok: false, error: { code: CLIENT_ERROR.network, message: "Upload failed" } });
      xhr.send(t.file);
    });
  }

  return {
    /** `meta.uploads` for render. */
    meta: () => configs,

    /** A live_file_input changed: its new files become entries (a single-file input replaces them). */
    select(input: HTMLInputElement) {
      const config = Object.values(configs).find((c) => c.ref == input.getAttribute("data-phx-upload-ref"));
      const list = config && tracked[config.name]!;
      // Phoenix skips empty files; a second event for the same choice (input, then change) adds nothing
      const fresh = Array.from(input.files ?? []).filter((file) => file.size > 0 && !list?.some((t) => t.file == file));
      if (!config || !fresh.length) return;
      if (!input.multiple) list!.splice(0).forEach(forget);
      for (const file of fresh) {
        let ref = fileRefs.get(file);
        if (ref == undefined) fileRefs.set(file, (ref = String(fileCounter++)));
        const entry: UploadEntry = {
          cancelled: false, last_modified: file.lastModified, name: file.name, size: file.size, type: file.type, done: false,
          preflighted: false, progress: 0, ref, upload_ref: config.ref, uuid: ref, errors: [], valid: true,
        };
        list!.push({ file, entry: validateEntry(config, entry) });
      }
      // a multiple input keeps its files here, so choosing again adds to them (Phoenix does the same)
      if (input.multiple) input.value = "";
      update(config.name);
    },

    cancel(name: string, ref: string) {
      const list = tracked[name];
      const at = list ? list.findIndex((t) => t.entry.ref == ref) : -1;
      if (at < 0) return;
      forget(list!.splice(at, 1)[0]!);
      update(name);
    },

    /** Uploads the valid entries of these configs (none while there are too many files); their receipts by name. */
    async send(names: string[]): Promise<{ tokens: Record<string, string[]> } | { error: Failure }> {
      const tokens: Record<string, string[]> = {};
      for (const name of names) {
        const config = configs[name];
        if (!config) return { error: { code: "UNKNOWN_UPLOAD", message: `No upload named ${name}` } };
        const list = config.errors.includes(UPLOAD_ERRORS.tooMany) ? [] : tracked[name]!.filter((t) => t.entry.valid);
        const answers = await Promise.all(list.map((t) => post(name, t)));
        for (let i = 0; i < answers.length; i++) {
          const answer = answers[i]!;
          if (!answer.ok) {
            // the server's reason shows on the entry, as a validation error would
            Object.assign(list[i]!.entry, { errors: [answer.error.message], valid: false, progress: 0, done: false });
            update(name);
            return { error: answer.error };
          }
        }
        // an entry cancelled while its file was on the way is not consumed
        tokens[name] = answers.flatMap((a, i) => (a.ok && tracked[name]!.includes(list[i]!) ? [(a.result as UploadReceipt).token] : []));
      }
      return { tokens };
    },

    /** The command consumed what was uploaded: those entries are gone. */
    consumed(names: string[]) {
      for (const name of names) {
        if (!tracked[name]) continue;
        tracked[name] = tracked[name]!.filter((t) => !t.entry.done || void forget(t));
        update(name);
      }
    },

    /** After a patch: previews get their file's object URL; an input with no entries left is emptied. */
    patched(root: Element) {
      for (const img of root.querySelectorAll<HTMLImageElement>("img[data-phx-entry-ref]")) {
        const config = Object.values(configs).find((c) => c.ref == img.getAttribute("data-phx-upload-ref"));
        const t = config && tracked[config.name]!.find((x) => x.entry.ref == img.getAttribute("data-phx-entry-ref"));
        if (t && img.getAttribute("src") != (t.url ??= URL.createObjectURL(t.file))) img.src = t.url;
      }
      for (const input of root.querySelectorAll<HTMLInputElement>("input[type=file][data-phx-active-refs='']")) if (input.value) input.value = "";
    },

    destroy() {
      for (const name in tracked) tracked[name]!.forEach(forget);
    },
  };
}
