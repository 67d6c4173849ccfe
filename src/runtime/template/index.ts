// Isomorphic templates: the same `html`, helpers and `JS` commands as liveviewjs@0.8.1, byte for byte.
// Used by the browser runtime and by the server's first paint; imports neither runtime.

export { HtmlSafeString, html, safe, join, escapehtml } from "./html.ts";
export {
  form_for,
  text_input,
  telephone_input,
  error_tag,
  submit,
  options_for_select,
  live_patch,
  live_title_tag,
  live_file_input,
  live_img_preview,
} from "./helpers.ts";
export type {
  LiveViewChangeset,
  FormForOptions,
  InputOptions,
  TelephoneInputOptions,
  ErrorTagOptions,
  UploadConfigLike,
  UploadEntryLike,
  LiveViewPatchHelperOptions,
  LiveTitleTagOptions,
  Options,
  Selected,
  SubmitOptions,
} from "./helpers.ts";
export { JS } from "./js.ts";
export type { UploadConfig, UploadEntry, UploadOptions } from "./uploads.ts";
export type { Transition, JSCommand } from "./js.ts";
export { newChangesetFactory } from "./changeset.ts";
export type { LiveViewChangesetFactory } from "./changeset.ts";

/** The session as LiveViewJS types it (`SessionData`): what mount's session parameter holds. */
export type SessionData = Record<string, any>;
