// Gradual migration: which views are already migrated. apply records each view's status in
// .migrate/journal.json; a view migrated by hand (or before the journal existed) is recognised by
// the `<file>.component.ts` apply writes next to it, defining a component with the runtime's defineComponent.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ViewPlan } from "../plan/types.ts";
import { JOURNAL_FILE, type ViewStatusRecord } from "../apply/journal.ts";
import { componentPathFor, definitionPart } from "../codemods/output-paths.ts";

interface JournalViews {
  views?: Record<string, ViewStatusRecord>;
}

/** Returns the views with migration.status set from the journal or the generated component. */
export function applyMigrationStatus(root: string, views: ViewPlan[]): ViewPlan[] {
  const journal = readJournalViews(root);
  return views.map((view) => {
    if (view.migration.status === "ignored") return view;
    const record = journal.views?.[view.id];
    if (record?.status === "migrated") return { ...view, migration: { status: "migrated", reason: `migrated by apply (${record.component ?? componentPathFor(view.file, definitionPart(view, views))})` } };
    if (record?.status === "blocked") return { ...view, migration: { status: "blocked", reason: `apply left markers: ${(record.markers ?? []).map((m) => `${m.code} at ${m.at}`).join(", ") || "see the report"}` } };
    const component = componentPathFor(view.file, definitionPart(view, views));
    if (view.kind === "view" && looksMigrated(join(root, component))) return { ...view, migration: { status: "migrated", reason: `component found at ${component}` } };
    return view;
  });
}

function looksMigrated(path: string): boolean {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, "utf8");
  // the runtime package, or the tool's own entry that earlier versions of apply imported it from
  return /\bdefineComponent\b/.test(text) && /["'](@liveview-migrate\/runtime|liveview-migrate\/runtime(\/client)?)["']/.test(text);
}

function readJournalViews(root: string): JournalViews {
  try {
    return JSON.parse(readFileSync(join(root, JOURNAL_FILE), "utf8")) as JournalViews;
  } catch {
    return {};
  }
}
