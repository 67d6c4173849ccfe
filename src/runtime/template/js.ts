// `new JS()` commands: builds the same JSON command list as liveviewjs@0.8.1 (and Phoenix LiveView),
// so `phx-click="${new JS().toggle({ to: "#menu" })}"` renders identically; the client runs it.

export type Transition = string | [string, string, string];
export type ClassOptions = { to?: string; time?: number; transition?: Transition };
export type ShowOptions = { to?: string; time?: number; transition?: Transition; display?: string };
export type HideOptions = { to?: string; time?: number; transition?: Transition };
export type ToggleOptions = { to?: string; time?: number; in?: Transition; out?: Transition; display?: string };
export type AttributeOptions = { to?: string };
export type TransitionOptions = { to?: string; time?: number };
export type DispatchOptions = { to?: string; detail?: { [key: string]: string | number | boolean }; bubbles?: boolean };
export type PushOptions = { target?: string; loading?: string; page_loading?: boolean; value?: { [key: string]: string | number | boolean } };

/** [transition classes, start classes, end classes] */
export type TransitionCmd = [string[], string[], string[]];
export type JSCommand = [string, Record<string, any>];

const split = (s: string) => s.split(/\s+/);
/** The leading `to` and `time` every timed command starts with (key order matters: it is JSON). */
const timed = (o?: { to?: string; time?: number }) => ({ to: o?.to ?? null, time: o?.time ?? 200 });

function transitionCmd(opts?: Transition): TransitionCmd {
  if (opts === undefined) return [[], [], []];
  if (typeof opts === "string") return [split(opts), [], []];
  return [split(opts[0]), split(opts[1]), split(opts[2])];
}

export class JS {
  private cmds: JSCommand[] = [];
  private add(cmd: string, args: Record<string, any>): this {
    this.cmds = [...this.cmds, [cmd, args]];
    return this;
  }
  add_class(names: string, options?: ClassOptions): this {
    return this.add("add_class", { ...timed(options), names: split(names), transition: transitionCmd(options?.transition) });
  }
  remove_class(names: string, options?: ClassOptions): this {
    return this.add("remove_class", { ...timed(options), names: split(names), transition: transitionCmd(options?.transition) });
  }
  show(options?: ShowOptions): this {
    return this.add("show", { ...timed(options), transition: transitionCmd(options?.transition), display: options?.display ?? null });
  }
  hide(options?: HideOptions): this {
    return this.add("hide", { ...timed(options), transition: transitionCmd(options?.transition) });
  }
  toggle(options?: ToggleOptions): this {
    return this.add("toggle", { ...timed(options), ins: transitionCmd(options?.in), outs: transitionCmd(options?.out), display: options?.display ?? null });
  }
  set_attribute(attr: [string, string], options?: AttributeOptions): this {
    return this.add("set_attr", { to: options?.to ?? null, attr });
  }
  remove_attribute(attr: string, options?: AttributeOptions): this {
    return this.add("remove_attr", { to: options?.to ?? null, attr });
  }
  transition(transition: Transition, options?: TransitionOptions): this {
    return this.add("transition", { ...timed(options), transition: transitionCmd(transition) });
  }
  dispatch(event: string, options?: DispatchOptions): this {
    return this.add("dispatch", { to: options?.to ?? null, event, detail: options?.detail, bubbles: options?.bubbles });
  }
  push(event: string, options?: PushOptions): this {
    return this.add("push", { event, ...options });
  }
  /** JSON command list for embedding in a phx-* attribute. */
  toString(): string {
    return JSON.stringify(this.cmds);
  }
}
