// The runtime's optional features: each in its own module, given to `mount` as an option of the same
// name, so a page's bundle carries only the ones its component uses. Whether a component uses one is
// read off its definition: its own keys (uploads, sync, shared/load), and what its code does that
// those would not show, declared by the codegen (`components`: the child components it renders,
// `jsCommands`: its templates carry JS commands). The server's page entry (bundle.ts, the Vite
// plugin) passes exactly `featuresOf(component)`, and mount refuses a component missing one.
//
// With code splitting, what the runtime's index reaches lands in the chunk every page shares: the
// feature modules are imported by the page entry only, never through the index.

import type { ComponentDefinition } from "../contract.ts";

export type Feature = "uploads" | "sync" | "loaders" | "children" | "js";
type Definition = ComponentDefinition<any>;

const some = (value: object | undefined) => !!value && Object.keys(value).length > 0;

/** When a definition uses each feature in the browser. */
const USES: Record<Feature, (def: Definition) => unknown> = {
  uploads: (def) => some(def.uploads),
  sync: (def) => some(def.sync),
  // loaders run in the browser on a navigation (load.params), when the page connects (rerunOnConnect)
  // and after a sync reset (the shared keys and load.mount); otherwise only at first paint, on the server
  loaders: (def) => def.load?.params || def.load?.rerunOnConnect || (some(def.sync) && (some(def.shared) || def.load?.mount)),
  children: (def) => def.components?.length,
  js: (def) => def.jsCommands,
};

/** The features a page mounting `def` needs: its own and those of the child components it lists (and theirs). */
export function featuresOf(def: Definition): Feature[] {
  const defs = new Set<Definition>();
  const visit = (d: Definition): void => {
    if (defs.has(d)) return;
    defs.add(d);
    d.components?.forEach(visit);
  };
  visit(def);
  return (Object.keys(USES) as Feature[]).filter((feature) => [...defs].some(USES[feature]));
}

/**
 * Where each feature is: its module beside this one (the package subpath `@liveview-migrate/runtime/<feature>`)
 * and the export a page entry passes to mount as the option of the feature's name.
 */
export const FEATURE_MODULES: Readonly<Record<Feature, { file: string; export: string }>> = {
  uploads: { file: "uploads", export: "createUploads" },
  sync: { file: "sync-stream", export: "followSync" },
  loaders: { file: "loaders", export: "runLoaders" },
  children: { file: "children", export: "childComponents" },
  js: { file: "js-exec", export: "execJS" },
};
