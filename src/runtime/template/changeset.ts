// liveviewjs's `newChangesetFactory`, isomorphic, so form validation runs in the browser with the
// same zod schema and produces the same `{ action, changes, data, valid, errors }` as on the server.

import type { LiveViewChangeset } from "./helpers.ts";

type SafeParseSchema<T> = {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } };
};

export type LiveViewChangesetFactory<T> = (existing: Partial<T>, newAttrs: Partial<T>, action?: string) => LiveViewChangeset<T>;

const isObject = (o: unknown): o is Record<string, unknown> => o != null && typeof o === "object";
const isEmptyObject = (o: unknown) => isObject(o) && Object.keys(o).length === 0;

// deep-object-diff's updatedDiff (what liveviewjs uses for `changes`): keys of rhs also in lhs whose value changed.
function updatedDiff(lhs: unknown, rhs: unknown): unknown {
  if (lhs === rhs) return {};
  if (!isObject(lhs) || !isObject(rhs)) return rhs;
  if (lhs instanceof Date || rhs instanceof Date) return lhs.valueOf() == rhs.valueOf() ? {} : rhs;
  const acc: Record<string, unknown> = {};
  for (const key of Object.keys(rhs)) {
    if (!Object.prototype.hasOwnProperty.call(lhs, key)) continue;
    const difference = updatedDiff(lhs[key], rhs[key]);
    if (isEmptyObject(difference) && !(difference instanceof Date) && (isEmptyObject(lhs[key]) || !isEmptyObject(rhs[key]))) continue;
    acc[key] = difference;
  }
  return acc;
}

export function newChangesetFactory<T>(schema: SafeParseSchema<T>): LiveViewChangesetFactory<T> {
  return (existing, newAttrs, action) => {
    const merged = { ...existing, ...newAttrs };
    const result = schema.safeParse(merged);
    let errors: Record<string, string> | undefined;
    if (result.success === false) {
      // With `_target` (a phx-change event) only the changed field's error is reported.
      const target = (newAttrs as Record<string, unknown>)["_target"] ?? false;
      errors = {};
      for (const issue of result.error.issues) {
        if (target) {
          if (issue.path[0] === target) errors[target as string] = issue.message;
        } else errors[issue.path[0] as string] = issue.message;
      }
    }
    return {
      action,
      changes: updatedDiff(existing, merged) as Partial<T>,
      data: result.success ? result.data : merged,
      // Without an action no validation applies (an empty form is valid).
      valid: action !== undefined ? result.success : true,
      errors: errors as LiveViewChangeset<T>["errors"],
    };
  };
}
