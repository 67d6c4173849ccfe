// Builds the event objects actions receive, exactly as LiveViewJS builds them: the Phoenix client
// turns a DOM event into a payload value (phx-value-* attributes, an element's `value`, a serialized
// form), and the server spreads it after `type` (so a field named `type` overwrites the event name).

export type EventObject = { type: string } & Record<string, any>;

/** Phoenix's extractMeta: phx-value-* attributes, then the element's `value` (unchecked boxes have none). */
export function elementValues(el: Element, meta: Record<string, unknown> = {}, extra?: Record<string, unknown>): Record<string, unknown> {
  for (const { name, value } of el.attributes) if (name.startsWith("phx-value-")) meta[name.slice(10)] = value;
  const input = el as HTMLInputElement;
  if (input.value !== undefined) {
    meta.value = input.value;
    if (input.tagName === "INPUT" && /^(checkbox|radio)$/.test(input.type) && !input.checked) delete meta.value;
  }
  return Object.assign(meta, extra);
}

/**
 * Phoenix's serializeForm followed by LiveViewJS's `Object.fromEntries(new URLSearchParams(...))`:
 * every field a string, files dropped, the last of a repeated name wins, `_target` appended.
 */
export function formValues(form: HTMLFormElement | null, options: { only?: string; submitter?: HTMLElement | null; target?: string } = {}): Record<string, string> {
  const params = new URLSearchParams();
  // (An input outside any form sends no fields: Phoenix's client throws there.)
  const data = new FormData(form ?? undefined);
  const submitter = options.submitter as HTMLButtonElement | null | undefined;
  if (submitter && submitter.hasAttribute("name") && submitter.form === form) data.append(submitter.name, submitter.value);
  data.forEach((value, key) => {
    if (typeof value === "string" && (options.only === undefined || options.only === key)) params.append(key, value);
  });
  if (options.target !== undefined) params.append("_target", options.target);
  return Object.fromEntries(new URLSearchParams(params.toString()));
}

/** LiveViewJS's `{ type: event, ...value }`, with the payload's JSON round trip (undefined dropped). */
export function toEvent(event: string, value: Record<string, unknown>): EventObject {
  // fromEntries (like a spread) keeps a field named "__proto__" an ordinary key; a later "type" wins.
  return Object.fromEntries([["type", event], ...Object.entries(value).filter((entry) => entry[1] !== undefined)]) as EventObject;
}
