// Reading one discovered file and deciding whether it is text the analyzer can take: not too big,
// no NUL bytes, valid UTF-8. Every refusal is a FileError value; the run goes on with the next file.

import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import type { SourceInput } from "../analyzers/index.ts";
import type { FileError, FileRecord } from "../plan/types.ts";
import { DEFAULT_MAX_FILE_BYTES } from "./defaults.ts";
import type { DiscoveredFile } from "./walk.ts";
import { errnoText } from "./walk.ts";

export interface ReadOptions {
  /** Size limit in bytes (default 1 MiB). */
  maxFileBytes?: number;
  /** Injected in tests to simulate failures a root user never sees (EACCES). */
  readBytes?: (absolutePath: string) => Uint8Array | Promise<Uint8Array>;
}

export interface ReadOutcome {
  /** Always present: every discovered file is part of the plan's tree hash. */
  record: FileRecord;
  /** Present when the file is text the analyzer can take. */
  input?: SourceInput;
  error?: FileError;
}

export async function readSourceFile(file: DiscoveredFile, options: ReadOptions = {}): Promise<ReadOutcome> {
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const record = (hash: string, size: number, failed: boolean): FileRecord => ({
    path: file.path,
    hash,
    size,
    status: failed ? "error" : "ok",
    views: [],
  });
  const fail = (hash: string, size: number, code: string, message: string): ReadOutcome => ({
    record: record(hash, size, true),
    error: { file: file.path, code, message },
  });

  if (file.size > limit) {
    // Still hashed (streamed), so the plan notices when a generated file changes.
    const hash = await hashFileStream(file.absolutePath).catch(() => "");
    return fail(hash, file.size, "TOO_LARGE", `${formatBytes(file.size)} is over the ${formatBytes(limit)} limit (generated code?); raise it with --max-file-size`);
  }

  let bytes: Uint8Array;
  try {
    // Synchronous by default: for many small files it is several times faster than fs.promises.readFile
    // (measured: 11,000 files, 0.4 s against 2.7 s), and the analysis after it is synchronous anyway.
    bytes = await (options.readBytes ?? readFileSync)(file.absolutePath);
  } catch (error) {
    return fail("", file.size, "UNREADABLE", `cannot read file: ${errnoText(error)}`);
  }
  const hash = sha256(bytes);
  if (bytes.length > limit) {
    return fail(hash, bytes.length, "TOO_LARGE", `${formatBytes(bytes.length)} is over the ${formatBytes(limit)} limit`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return fail(hash, bytes.length, "BINARY", `binary content (a NUL byte at offset ${nul})`);
  let text: string;
  try {
    // fatal: refuse instead of replacing bad bytes; ignoreBOM: keep the BOM so offsets match the bytes' text.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(hash, bytes.length, "NOT_UTF8", `not valid UTF-8 (near byte ${firstInvalidUtf8(bytes)})`);
  }
  return { record: record(hash, bytes.length, false), input: { path: file.path, text } };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function hashFileStream(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Offset of the first byte that breaks UTF-8, for a message a person can act on. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection; `stream` accepts a prefix that ends mid-character.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // `low` may end inside the broken sequence (a lead byte waiting for continuations): back up to its start.
  for (let start = low; start >= Math.max(0, low - 3); start--) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, start));
      return start;
    } catch {
      // keep backing up
    }
  }
  return low;
}
