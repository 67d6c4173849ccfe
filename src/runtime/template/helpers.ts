// Form and navigation helpers with the signatures and exact output of liveviewjs@0.8.1's helpers.
// The odd whitespace inside some templates is deliberate: it is what liveviewjs emits.

import { html, safe, join, escapehtml, type HtmlSafeString } from "./html.ts";

/** The changeset shape liveviewjs's `newChangesetFactory` produces. */
export interface LiveViewChangeset<T> {
  action?: string;
  changes: Partial<T>;
  errors?: Partial<Record<keyof T, string>>;
  data: T | Partial<T>;
  valid: boolean;
}

/** ` name="value"` when value is truthy (interpolated raw, as liveviewjs does), else "". */
const attr = (name: string, value: unknown) => (value ? safe(` ${name}="${value}"`) : "");

export interface FormForOptions { phx_submit?: string; phx_change?: string; method?: "get" | "post"; id?: string }

export const form_for = <T>(action: string, csrfToken: string, options?: FormForOptions): HtmlSafeString => {
  const method = options?.method ?? "post";
  const phx_submit = attr("phx-submit", options?.phx_submit);
  const phx_change = attr("phx-change", options?.phx_change);
  const id = attr("id", options?.id);
  // prettier-ignore
  return html`
    <form${id} action="${action}" method="${method}"${phx_submit}${phx_change}>
      <input type="hidden" name="_csrf_token" value="${csrfToken}" />
  `;
};

export interface InputOptions {
  placeholder?: string;
  autocomplete?: "off" | "on";
  phx_debounce?: number | "blur" | "focus";
  type?: "text" | "tel";
  className?: string;
}

export const text_input = <T>(changeset: LiveViewChangeset<T>, key: keyof T, options?: InputOptions): HtmlSafeString => {
  const placeholder = attr("placeholder", options?.placeholder);
  const autocomplete = attr("autocomplete", options?.autocomplete);
  const phx_debounce = attr("phx-debounce", options?.phx_debounce);
  const className = attr("class", options?.className);
  const type = options?.type ?? "text";
  const id = `input_${String(key)}`;
  const value = (changeset.data as Record<keyof T, unknown>)[key] ?? "";
  // prettier-ignore
  return html`<input type="${type}" id="${id}" name="${String(key)}" value="${value}"${className}${autocomplete}${placeholder}${phx_debounce}/>`;
};

export type TelephoneInputOptions = Omit<InputOptions, "type">;

export const telephone_input = <T>(changeset: LiveViewChangeset<T>, key: keyof T, options?: TelephoneInputOptions): HtmlSafeString =>
  text_input(changeset, key, { ...options, type: "tel" });

export interface ErrorTagOptions { className?: string }

export const error_tag = <T>(changeset: LiveViewChangeset<T>, key: keyof T, options?: ErrorTagOptions): HtmlSafeString => {
  const error = changeset.errors ? changeset.errors[key] : undefined;
  if (!changeset.valid && error) {
    const className = options?.className ?? "invalid-feedback";
    return html`<span class="${className}" phx-feedback-for="${key}">${error}</span>`;
  }
  return html``;
};

/** The parts of liveviewjs's UploadConfig / UploadEntry the helpers read. */
export interface UploadConfigLike {
  name: string;
  accept: string[];
  max_entries: number;
  ref: string;
  entries: { ref: string; done?: boolean; preflighted?: boolean }[];
}
export interface UploadEntryLike { ref: string; upload_ref: string }

export function live_file_input(uploadConfig: UploadConfigLike): HtmlSafeString {
  const { name, accept, max_entries: maxEntries, ref, entries } = uploadConfig;
  const multiple = maxEntries > 1 ? "multiple" : "";
  const refs = (keep: (e: UploadConfigLike["entries"][number]) => boolean) =>
    entries.filter(keep).map((entry) => entry.ref).join(",");
  const activeRefs = refs(() => true);
  const doneRefs = refs((e) => e?.done ?? false);
  const preflightedRefs = refs((e) => e?.preflighted ?? false);
  return html`
    <input
      id="${ref}"
      type="file"
      name="${name}"
      accept="${accept.join(",")}"
      data-phx-active-refs="${activeRefs}"
      data-phx-done-refs="${doneRefs}"
      data-phx-preflighted-refs="${preflightedRefs}"
      data-phx-update="ignore"
      data-phx-upload-ref="${ref}"
      phx-hook="Phoenix.LiveFileUpload"
      ${multiple} />
  `;
}

export function live_img_preview(entry: UploadEntryLike): HtmlSafeString {
  const { ref, upload_ref } = entry;
  return html`
    <img
      id="phx-preview-${ref}"
      data-phx-upload-ref="${upload_ref}"
      data-phx-entry-ref="${ref}"
      data-phx-hook="Phoenix.LiveImgPreview"
      data-phx-update="ignore" />
  `;
}

export interface LiveViewPatchHelperOptions { to: { path: string; params?: Record<string, string> }; className?: string }

function buildHref(options: LiveViewPatchHelperOptions): string {
  const query = new URLSearchParams(options.to.params).toString();
  return query.length > 0 ? `${options.to.path}?${query}` : options.to.path;
}

export const live_patch = (anchorBody: HtmlSafeString | string, options: LiveViewPatchHelperOptions): HtmlSafeString =>
  // prettier-ignore
  html`<a data-phx-link="patch" data-phx-link-state="push" href="${safe(buildHref(options))}"${attr("class", options.className)}>${anchorBody}</a>`;

export interface LiveTitleTagOptions { prefix?: string; suffix?: string }

export const live_title_tag = (title: string, options?: LiveTitleTagOptions): HtmlSafeString => {
  const { prefix, suffix } = options ?? {};
  const prefix_data = attr("data-prefix", prefix);
  const suffix_data = attr("data-suffix", suffix);
  return html`<title${prefix_data}${suffix_data}>${prefix ?? ""}${title}${suffix ?? ""}</title>`;
};

export type Options = string[] | Record<string, string>;
export type Selected = string | string[];

export const options_for_select = (options: Options, selected?: Selected): HtmlSafeString => {
  const pairs: [string, string][] = Array.isArray(options) ? options.map((o) => [o, o]) : Object.entries(options);
  const isSelected = (value: string) =>
    selected ? (Array.isArray(selected) ? selected.includes(value) : value === selected) : false;
  // prettier-ignore
  return join(pairs.map(([label, value]) => html`<option value="${value}"${isSelected(value) ? " selected" : ""}>${label}</option>`));
};

export interface SubmitOptions { phx_disable_with?: string; disabled?: boolean; [key: string]: string | number | boolean | undefined }

export const submit = (label: string, options?: SubmitOptions): HtmlSafeString => {
  let attrs = "";
  for (const [key, value] of Object.entries(options || {})) {
    if (key === "disabled") attrs += value ? " disabled" : "";
    else attrs += ` ${key === "phx_disable_with" ? "phx-disable-with" : key}="${escapehtml(value)}"`;
  }
  // prettier-ignore
  return html`<button type="submit"${safe(attrs)}>${label}</button>`;
};
