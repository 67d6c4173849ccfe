// What a verify step does, in terms both sides understand: "the 3rd phx-click element", "the 1st
// form, fields set to these values, changed on field X". Elements are addressed by their position
// among the elements carrying that binding, in document order: when the two renderings are equal so
// are the positions, and once they differ the run has already stopped at a divergence.

export type Step =
  | { kind: "click"; index: number; label?: string }
  | { kind: "form"; binding: "change" | "submit"; index: number; values: Record<string, string>; target?: string; label?: string }
  | { kind: "key"; binding: "keydown" | "keyup"; window: boolean; index: number; key: string; label?: string }
  | { kind: "patch"; href: string; label?: string }
  /** Advance the clock of timers (setInterval/after) by ms. */
  | { kind: "tick"; ms: number; label?: string };

/** Run a step as this client (default 0). */
export type ClientStep = Step & { client?: number };

export const SELECTORS = {
  click: "[phx-click]",
  form: "form",
  patch: 'a[data-phx-link="patch"]',
  keydown: "[phx-keydown]",
  keyup: "[phx-keyup]",
  windowKeydown: "[phx-window-keydown]",
  windowKeyup: "[phx-window-keyup]",
} as const;

export function keySelector(step: Extract<Step, { kind: "key" }>): string {
  if (step.window) return step.binding === "keydown" ? SELECTORS.windowKeydown : SELECTORS.windowKeyup;
  return step.binding === "keydown" ? SELECTORS.keydown : SELECTORS.keyup;
}

export function describeStep(step: ClientStep): string {
  const who = step.client ? ` (client ${step.client + 1})` : "";
  switch (step.kind) {
    case "click":
      return `click ${step.label ?? `#${step.index}`}${who}`;
    case "form":
      return `${step.binding} form ${step.index}${step.target ? ` on ${step.target}` : ""} with ${JSON.stringify(step.values)}${who}`;
    case "key":
      return `${step.binding} "${step.key}"${step.window ? " on window" : ` on ${step.label ?? `#${step.index}`}`}${who}`;
    case "patch":
      return `follow live_patch ${step.href}${who}`;
    case "tick":
      return `advance timers ${step.ms} ms`;
  }
}

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A value a person could plausibly enter in this field, from its type, name, options and constraints. */
export function plausibleValue(field: FieldElement): string | undefined {
  const tag = field.tagName.toLowerCase();
  if (tag === "select") {
    const options = Array.from((field as HTMLSelectElement).options).filter((o) => !o.disabled);
    const other = options.filter((o) => o.value !== field.value && o.value !== "");
    return (other[other.length - 1] ?? options[options.length - 1])?.value;
  }
  if (tag === "textarea") return "Hello from verify";
  const input = field as HTMLInputElement;
  const type = (input.getAttribute("type") ?? "text").toLowerCase();
  const name = (input.name ?? "").toLowerCase();
  if (["hidden", "submit", "button", "file", "image", "reset"].includes(type)) return undefined;
  if (type === "checkbox" || type === "radio") return input.checked ? "" : input.getAttribute("value") ?? "on";
  if (type === "number" || type === "range") {
    const min = Number(input.getAttribute("min") ?? "1");
    const max = Number(input.getAttribute("max") ?? String(min + 4));
    return String(Math.min(max, Math.max(min, 3)));
  }
  if (type === "email" || name.includes("email")) return "ada@example.com";
  if (type === "tel" || name.includes("phone") || name.includes("tel")) return "555-555-0101";
  if (type === "date") return "2024-05-01";
  if (type === "time") return "09:30";
  if (type === "url") return "https://example.com";
  if (type === "search" || name.includes("query") || name.includes("search")) return "ap";
  if (name.includes("city")) return "Ba";
  const maxLength = Number(input.getAttribute("maxlength") ?? "0");
  const value = "Ada Lovelace";
  return maxLength > 0 ? value.slice(0, maxLength) : value;
}

function fieldsOf(form: Element): FieldElement[] {
  return Array.from(form.querySelectorAll<FieldElement>("input[name], select[name], textarea[name]")).filter((f) => f.name !== "_csrf_token" && !f.disabled);
}

function labelOf(el: Element): string {
  const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
  const event = el.getAttribute("phx-click") ?? "";
  return `${el.tagName.toLowerCase()}[phx-click=${event}]${text ? ` "${text}"` : ""}`;
}

export interface ExploreLimits {
  /** Form fields tried one by one with phx-change (per form). */
  fieldsPerForm?: number;
}

/** Every binding the rendered page offers, as steps (explore mode). */
export function enumerateSteps(root: ParentNode, limits: ExploreLimits = {}): Step[] {
  const steps: Step[] = [];
  // a disabled button cannot be clicked (its index still counts: positions are among all [phx-click])
  root.querySelectorAll(SELECTORS.click).forEach((el, index) => (el as HTMLButtonElement).disabled !== true && steps.push({ kind: "click", index, label: labelOf(el) }));
  root.querySelectorAll<HTMLAnchorElement>(SELECTORS.patch).forEach((el) => {
    const href = el.getAttribute("href");
    if (href) steps.push({ kind: "patch", href, label: href });
  });
  root.querySelectorAll<HTMLFormElement>(SELECTORS.form).forEach((form, index) => {
    const fields = fieldsOf(form);
    const filled: Record<string, string> = {};
    for (const field of fields) {
      const value = plausibleValue(field);
      if (value !== undefined) filled[field.name] = value;
    }
    if (form.hasAttribute("phx-change")) {
      for (const field of fields.slice(0, limits.fieldsPerForm ?? 4)) {
        const value = filled[field.name];
        if (value === undefined) continue;
        steps.push({ kind: "form", binding: "change", index, values: { [field.name]: value }, target: field.name });
      }
    }
    if (form.hasAttribute("phx-submit")) {
      steps.push({ kind: "form", binding: "submit", index, values: {}, label: "as it is" });
      if (Object.keys(filled).length) steps.push({ kind: "form", binding: "submit", index, values: filled, label: "filled" });
    }
  });
  for (const [binding, window, selector] of [
    ["keydown", false, SELECTORS.keydown],
    ["keyup", false, SELECTORS.keyup],
    ["keydown", true, SELECTORS.windowKeydown],
    ["keyup", true, SELECTORS.windowKeyup],
  ] as const) {
    root.querySelectorAll(selector).forEach((el, index) => {
      const key = el.getAttribute("phx-key");
      for (const k of key ? [key] : ["Enter", "ArrowRight"]) steps.push({ kind: "key", binding, window, index, key: k, label: el.tagName.toLowerCase() });
    });
  }
  return steps;
}
