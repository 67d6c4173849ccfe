// Uploads without the upload machinery (mount's `uploads` option not given): render still gets every
// declared config, with no entries; a command that uploads sends none. The machinery (./uploads.ts,
// ~1.6 KB gzip) is only in the bundles of pages whose component declares uploads.

import { uploadConfigs, type UploadOptions } from "../template/uploads.ts";
import type { createUploads } from "./uploads.ts";

export type UploadSupport = typeof createUploads;

export const noUploads: UploadSupport = (component: string, options?: Record<string, UploadOptions>) => {
  const configs = uploadConfigs(component, options);
  const none = () => {};
  return { meta: () => configs, select: none, cancel: none, send: async (names: string[]) => ({ tokens: Object.fromEntries(names.map((name) => [name, []])) }), consumed: none, patched: none, destroy: none };
};
