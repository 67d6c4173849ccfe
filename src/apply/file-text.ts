// Reading and encoding source files the way the plan sees them: UTF-8 with the BOM kept as "\uFEFF",
// so plan offsets (which count the BOM) index the same string.

import { readFile } from "node:fs/promises";

export async function readText(path: string): Promise<string | null> {
  try {
    return decode(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

export function encode(text: string): Buffer {
  return Buffer.from(text, "utf8");
}
