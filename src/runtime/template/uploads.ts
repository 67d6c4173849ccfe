// Upload configs and entries as liveviewjs@0.8.1 shapes them (UploadConfig / UploadEntry), as plain
// data, and the validation both sides run: the browser on file selection (no round trip), the server
// on the upload endpoint (size and type enforced again). Messages are liveviewjs's own.

/** `socket.allowUpload(name, options)`'s options, with liveviewjs's names and defaults. */
export interface UploadOptions {
  /** Extensions (".png") or mime types ("image/png"; "image/*" also matches). Empty: anything. */
  accept?: string[];
  /** Default 1. */
  max_entries?: number;
  /** Bytes; default 10 MB. */
  max_file_size?: number;
  auto_upload?: boolean;
  chunk_size?: number;
}

/** A file selected for upload (`meta.uploads.<name>.entries[i]`, `consumeUploadedEntries`'s `entry`). */
export interface UploadEntry {
  cancelled: boolean;
  last_modified: number;
  name: string;
  size: number;
  type: string;
  done: boolean;
  preflighted: boolean;
  /** 0–100. */
  progress: number;
  /** The entry's ref ("0", "1", … per page, as the Phoenix client numbers files). */
  ref: string;
  /** Its config's ref. */
  upload_ref: string;
  uuid: string;
  errors: string[];
  valid: boolean;
}

/** `meta.uploads.<name>`: what render reads (and live_file_input renders). */
export interface UploadConfig {
  name: string;
  accept: string[];
  max_entries: number;
  max_file_size: number;
  auto_upload: boolean;
  chunk_size: number;
  entries: UploadEntry[];
  ref: string;
  errors: string[];
}

export const UPLOAD_ERRORS = { tooLarge: "Too large", notAllowed: "Not allowed", tooMany: "Too many files" } as const;

/** The config with no entries (what render sees before a file is chosen, and on first paint). */
export function uploadConfig(component: string, name: string, options: UploadOptions = {}): UploadConfig {
  return {
    name,
    accept: options.accept ?? [],
    max_entries: options.max_entries ?? 1,
    max_file_size: options.max_file_size ?? 10 * 1024 * 1024,
    auto_upload: options.auto_upload ?? false,
    chunk_size: options.chunk_size ?? 64 * 1024,
    entries: [],
    ref: uploadRef(`${component}:${name}`),
    errors: [],
  };
}

/** Every config a component declares, with no entries (first paint). */
export function uploadConfigs(component: string, options: Record<string, UploadOptions> = {}): Record<string, UploadConfig> {
  return Object.fromEntries(Object.entries(options).map(([name, o]) => [name, uploadConfig(component, name, o)]));
}

/**
 * liveviewjs uses `phx-<nanoid>`; here the ref is derived from the name (21 characters of a hash) so
 * the server's first paint and the browser render the same id.
 */
function uploadRef(seed: string): string {
  let out = "";
  for (let round = 0; round < 3; round++) {
    let hash = 2166136261 ^ round; // FNV-1a, three seeds: 3 × 7 base-36 digits
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
    out += (hash >>> 0).toString(36).padStart(7, "0");
  }
  return `phx-${out}`;
}

// mime-db's answer for the usual accept extensions (liveviewjs looks extensions up there).
export const MIME_TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml",
  avif: "image/avif", pdf: "application/pdf", txt: "text/plain", csv: "text/csv", json: "application/json",
  mp3: "audio/mpeg", mp4: "video/mp4", zip: "application/zip",
};

/** Does `accept` allow a file of this mime type (and name)? liveviewjs compares the browser's type. */
export function accepts(accept: readonly string[], type: string, fileName: string): boolean {
  if (accept.length === 0) return true;
  return accept.some((item) => {
    const wanted = item.toLowerCase();
    if (wanted.startsWith(".")) {
      const mime = MIME_TYPES[wanted.slice(1)];
      // an extension outside the table: the file's own extension decides
      return mime ? mime === type : fileName.toLowerCase().endsWith(wanted);
    }
    return wanted.endsWith("/*") ? type.startsWith(wanted.slice(0, -1)) : wanted === type;
  });
}

/** UploadEntry.validate: errors "Too large" / "Not allowed", `valid` when there are none. */
export function validateEntry(config: UploadConfig, entry: UploadEntry): UploadEntry {
  const errors: string[] = [];
  if (entry.size > config.max_file_size) errors.push(UPLOAD_ERRORS.tooLarge);
  if (!accepts(config.accept, entry.type, entry.name)) errors.push(UPLOAD_ERRORS.notAllowed);
  entry.errors = errors;
  entry.valid = errors.length === 0;
  return entry;
}

/** UploadConfig.validate: "Too many files", then every invalid entry's errors. */
export function configErrors(config: UploadConfig): string[] {
  const errors: string[] = config.entries.length > config.max_entries ? [UPLOAD_ERRORS.tooMany] : [];
  for (const entry of config.entries) if (!entry.valid) errors.push(...entry.errors);
  return errors;
}
