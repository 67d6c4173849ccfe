// Browser entry of the runtime (`@liveview-migrate/runtime`): defineComponent, the template API and
// mount. Imports nothing from the tool or the server runtime.
// newChangesetFactory is not re-exported here: forms that validate in the browser import it from
// `@liveview-migrate/runtime/template`, so only they pay its bytes.

export { defineComponent, PROTOCOL } from "../contract.ts";
export type { ActionContext, ClientEvent, CommandOptions, ComponentDefinition, RenderMeta, State, StatePayload } from "../contract.ts";
export {
  HtmlSafeString,
  html,
  safe,
  join,
  escapehtml,
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
  JS,
} from "../template/index.ts";
export type * from "../template/index.ts";
export { mount } from "./mount.ts";
export type { MountOptions, MountedComponent } from "./mount.ts";
export type { HookDefinition, HookInstance } from "./view.ts";
