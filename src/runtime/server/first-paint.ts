// First paint (SSR): mount + shared loaders + `load` commands + handleParams on the server, rendered with the same
// `render` the browser uses, followed by the state script the client adopts (no second fetch).

import { PROTOCOL, type ComponentDefinition, type RenderMeta, type State, type StatePayload, type SyncOffsets } from "../contract.ts";
import type { HtmlSafeString } from "../template/index.ts";
import { uploadConfigs } from "../template/uploads.ts";
import type { CommandOutcome } from "./commands.ts";
import { escapeAttribute, jsonForScript } from "./json-script.ts";
import { createServerTarget, type FirstPaintEffects, type ServerTarget } from "./server-context.ts";
import type { HttpError } from "./responses.ts";

export interface FirstPaintInput {
  component: ComponentDefinition<any>;
  url: URL;
  params: Record<string, string>;
  csrfToken: string;
  /** Names of the component's idempotent commands (the client may retry them). */
  idempotent: string[];
  /** Runs a command of a component with the request's session. */
  runCommand(component: string, name: string, params: Record<string, unknown>): Promise<CommandOutcome>;
  /** Current offset of a topic. */
  head(topic: string): Promise<string>;
  scriptUrl: string;
  /** Chunks the script imports: preloaded, so the browser fetches them in parallel with it. */
  preloadUrls?: string[];
  /** The response's CSP nonce: the scripts the runtime writes carry it. */
  nonce?: string;
}

export type FirstPaintResult =
  | { kind: "page"; body: string; title?: string }
  | { kind: "redirect"; location: string }
  | { kind: "error"; error: HttpError; where: string };

export async function renderFirstPaint(input: FirstPaintInput): Promise<FirstPaintResult> {
  const { component, url } = input;
  const effects: FirstPaintEffects = { flash: {} };
  // Offsets first: anything published while we load and render is then replayed by the stream.
  const offsets: SyncOffsets = {};
  for (const topic of Object.keys(component.sync ?? {})) offsets[topic] = await input.head(topic);

  const root = createServerTarget(component, {}, url, effects, input.runCommand);
  await component.mount?.(root.ctx, input.params);
  if (effects.redirect) return { kind: "redirect", location: effects.redirect };

  const loaders = Object.entries(component.shared ?? {}) as Array<[string, string]>;
  const loaded = await Promise.all(loaders.map(([, command]) => input.runCommand(component.name, command, {})));
  for (let i = 0; i < loaders.length; i++) {
    const outcome = loaded[i];
    if (!outcome.ok) return { kind: "error", error: outcome.error, where: `loader ${loaders[i][1]} of ${component.name}` };
    root.ctx.assign({ [loaders[i][0]]: outcome.result });
  }
  // the server parts of mount and handleParams run here, in-process: the first HTML has their data
  const mountLoad = await runLoad(input, root, effects, component.load?.mount, { params: input.params });
  if (mountLoad) return mountLoad;
  if (effects.redirect) return { kind: "redirect", location: effects.redirect };
  await component.handleParams?.(url, root.ctx);
  if (effects.redirect) return { kind: "redirect", location: effects.redirect };
  const paramsLoad = await runLoad(input, root, effects, component.load?.params, { url: url.href });
  if (paramsLoad) return paramsLoad;
  if (effects.redirect) return { kind: "redirect", location: effects.redirect };

  const markup = String(await component.render(root.state, renderMeta(input, effects, url)));
  const payload: StatePayload = {
    state: root.state,
    csrfToken: input.csrfToken,
    offsets,
    params: input.params,
    url: url.pathname + url.search,
    ...(effects.title !== undefined ? { title: effects.title } : {}),
    ...(Object.keys(effects.flash).length ? { flash: effects.flash } : {}),
    ...(input.idempotent.length ? { idempotent: input.idempotent } : {}),
    ...(effects.sealed !== undefined ? { sealed: effects.sealed } : {}),
  };
  const name = escapeAttribute(component.name);
  const nonce = input.nonce ? ` nonce="${escapeAttribute(input.nonce)}"` : "";
  const body =
    `<div ${PROTOCOL.rootAttr}="${name}">${markup}</div>` +
    `<script type="application/json" ${PROTOCOL.stateAttr}="${name}">${jsonForScript(payload)}</script>` +
    (input.preloadUrls ?? []).map((href) => `<link rel="modulepreload" href="${escapeAttribute(href)}"${nonce}>`).join("") +
    `<script type="module" src="${escapeAttribute(input.scriptUrl)}"${nonce}></script>`;
  return { kind: "page", body, title: effects.title };
}

/** Runs a `load` command and applies its answer as the browser would (onResult action, or assign); an error ends the page. */
async function runLoad(input: FirstPaintInput, root: ServerTarget, effects: FirstPaintEffects, command: string | undefined, params: Record<string, unknown>): Promise<FirstPaintResult | undefined> {
  if (!command) return undefined;
  const { component } = input;
  const outcome = await input.runCommand(component.name, command, component.carried ? { ...params, __sealed: effects.sealed } : params);
  if (!outcome.ok) return { kind: "error", error: outcome.error, where: `load command ${command} of ${component.name}` };
  // a carried-state component: the next load and the page get the state as the server sealed it
  if (component.carried) effects.sealed = (outcome.result as { sealed?: string } | null)?.sealed;
  const onResult = component.load?.onResult;
  const action = onResult ? component.actions[onResult] : undefined;
  if (action) await action({ type: onResult!, result: outcome.result } as never, root.ctx);
  else if (typeof outcome.result === "object" && outcome.result !== null && !Array.isArray(outcome.result)) root.ctx.assign(outcome.result as State);
  return undefined;
}

/** The same meta the browser passes to render, so child components get the same `myself` numbers. */
function renderMeta(input: FirstPaintInput, effects: FirstPaintEffects, url: URL) {
  let cidCounter = 0;
  const meta = (myself?: number): RenderMeta & { flash: Record<string, string> } => ({
    csrfToken: input.csrfToken,
    url,
    uploads: uploadConfigs(input.component.name, input.component.uploads),
    flash: effects.flash,
    myself,
    async live_component(child: ComponentDefinition<any>, props): Promise<HtmlSafeString> {
      const { id, ...rest } = props;
      const target = createServerTarget(child, rest as State, url, effects, input.runCommand, true);
      await child.mount?.(target.ctx, {});
      const cid = id === undefined ? undefined : ++cidCounter;
      await child.update?.(rest, target.ctx);
      return child.render(target.state, meta(cid));
    },
  });
  return meta();
}
