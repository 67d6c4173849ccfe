import { createHash } from "node:crypto";

/** sha256 of bytes or text (UTF-8), hex: the same hash the plan records for files. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
