// What a component has without the upload machinery (./uploads.ts, ~1.6 KB gzip, only in the bundles
// of pages whose component declares uploads): no configs, nothing to send. Kept tiny on purpose: it
// is in every page's bundle.

import type { createUploads } from "./uploads.ts";

export type UploadSupport = typeof createUploads;

/** (A component that declares uploads never gets it: mount refuses it without the uploads option.) */
export const noUploads: UploadSupport = () => {
  const none = () => {};
  return { meta: () => ({}), select: none, cancel: none, send: async () => ({ tokens: {} }), consumed: none, patched: none, destroy: none };
};
