// Pass 5 (merge): the project index. Resolves module specifiers to analyzed files (TS resolution order,
// tsconfig `paths`/`baseUrl` of the analyzed root) and a name used in one file to what it is: a
// function of some module, module state, a changeset factory, a liveviewjs export, a package export.

import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { ts } from "./ast.ts";
import type { CalleeRef, FileFacts, FunctionFact } from "./facts.ts";
import { candidatesFor, candidatesForBase, isRelativeSpecifier } from "./module_paths.ts";
import { MUTATING_METHODS, stateLabel } from "./1_module_summary.ts";

export type Target =
  | { kind: "function"; id: string }
  | { kind: "state"; id: string; detail: string; write: boolean }
  | { kind: "changeset"; id: string }
  | { kind: "liveviewjs"; name: string; member: string[] }
  | { kind: "package"; specifier: string; name: string; member: string[] }
  | { kind: "class"; path: string; name: string }
  | { kind: "value"; id: string }
  | { kind: "unresolved"; why: string };

interface PathMapping {
  prefix: string;
  suffix: string;
  wildcard: boolean;
  targets: string[];
}

export interface ProjectIndex {
  files: Map<string, FileFacts>;
  functions: Map<string, FunctionFact>;
  resolveModule(from: string, specifier: string): string | undefined;
  /** Message types broadcast anywhere in the project (set by mergeAll; "*" for a type not written as a literal). */
  broadcastTypes?: ReadonlySet<string>;
  resolveRef(path: string, ref: Pick<CalleeRef, "local" | "member">, read?: boolean): Target;
}

export function buildProjectIndex(facts: FileFacts[], root: string): ProjectIndex {
  const files = new Map(facts.map((f) => [f.path, f]));
  const functions = new Map<string, FunctionFact>();
  for (const f of facts) for (const fn of f.module.functions) functions.set(`${f.path}#${fn.name}`, fn);
  const { mappings, baseUrl } = readPathMappings(root);
  const moduleCache = new Map<string, string | undefined>();

  const firstExisting = (cands: string[]) => cands.find((c) => files.has(c));

  const resolveModule = (from: string, spec: string): string | undefined => {
    const key = isRelativeSpecifier(spec) ? `${posix.dirname(from)}\0${spec}` : `\0${spec}`;
    if (moduleCache.has(key)) return moduleCache.get(key);
    let out: string | undefined;
    if (isRelativeSpecifier(spec)) out = firstExisting(candidatesFor(from, spec));
    else {
      for (const m of mappings) {
        if (m.wildcard ? spec.startsWith(m.prefix) && spec.endsWith(m.suffix) && spec.length >= m.prefix.length + m.suffix.length : spec === m.prefix) {
          const star = m.wildcard ? spec.slice(m.prefix.length, spec.length - m.suffix.length) : "";
          for (const t of m.targets) {
            out = firstExisting(candidatesForBase(posix.normalize(t.replace("*", star))));
            if (out) break;
          }
          if (out) break;
        }
      }
      if (!out && baseUrl !== undefined) out = firstExisting(candidatesForBase(posix.normalize(posix.join(baseUrl, spec))));
    }
    moduleCache.set(key, out);
    return out;
  };

  const resolveRef = (path: string, ref: Pick<CalleeRef, "local" | "member">, read = false, depth = 0): Target => {
    if (depth > 16) return { kind: "unresolved", why: "resolution too deep (cycle?)" };
    const f = files.get(path);
    if (!f) return { kind: "unresolved", why: `${path} was not analyzed` };
    const m = f.module;
    const { local, member } = ref;
    // Qualified functions: "notes.list", "NoteRepo.list", "exports.list".
    for (let k = member.length; k >= 0; k--) {
      const name = [local, ...member.slice(0, k)].join(".");
      if (functions.has(`${path}#${name}`)) return { kind: "function", id: `${path}#${name}` };
    }
    if (local === "module.exports" && member.length > 0) {
      // `module.exports = { all }` imported as a default: `db.all` is the export named "all".
      const named = m.exports.find((e) => e.name === member[0] && e.local !== "module.exports");
      if (named) return resolveRef(path, { local: named.local, member: member.slice(1) }, read, depth + 1);
    }
    const state = m.state.find((s) => s.name === local);
    if (state && state.kind !== "instance") {
      const last = member[member.length - 1];
      const write = !read && !!last && MUTATING_METHODS.has(last);
      return { kind: "state", id: `${path}#${local}`, detail: `${write ? "writes" : "reads"} ${stateLabel(state)} in ${path}`, write };
    }
    if (m.changesetFactories.includes(local)) return { kind: "changeset", id: `${path}#${local}` };
    if (m.classes.includes(local)) {
      if (member.length === 0) return functions.has(`${path}#${local}.constructor`) ? { kind: "function", id: `${path}#${local}.constructor` } : { kind: "class", path, name: local };
      return { kind: "unresolved", why: `${local}.${member.join(".")} is not a method of ${local}` };
    }
    const inst = m.instances.find((i) => i.local === local);
    if (inst) {
      const cls = resolveRef(path, inst.classRef, false, depth + 1);
      if (cls.kind === "class") {
        if (member.length === 0) return { kind: "value", id: `${path}#${local}` };
        const id = `${cls.path}#${cls.name}.${member[0]}`;
        return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `${cls.name} has no method ${member[0]}` };
      }
      if (cls.kind === "function" && cls.id.endsWith(".constructor")) {
        const base = cls.id.slice(0, -".constructor".length);
        if (member.length === 0) return { kind: "value", id: `${path}#${local}` };
        const id = `${base}.${member[0]}`;
        return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `no method ${member[0]}` };
      }
      if (cls.kind === "liveviewjs") return { kind: "liveviewjs", name: cls.name, member };
      if (cls.kind === "package") return { kind: "package", specifier: cls.specifier, name: cls.name, member };
      return cls;
    }
    const value = m.values.find((v) => v.name === local);
    if (value && member.length > 0 && !read) {
      // A method of a module constant: builtin methods of a literal are pure; a value built by a call
      // has the methods of what built it (a zod schema, a package client).
      if (value.kind === "literal") return { kind: "value", id: `${path}#${local}` };
      if (value.kind === "call" && value.callee) {
        const made = resolveRef(path, value.callee, false, depth + 1);
        if (made.kind === "package") return { ...made, member: [...made.member, ...member] };
        if (made.kind === "value") return { kind: "value", id: `${path}#${local}` };
        if (made.kind === "liveviewjs") return { kind: "liveviewjs", name: made.name, member: [...made.member, ...member] };
        if (made.kind === "class") {
          const id = `${made.path}#${made.name}.${member[0]}`;
          return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `${made.name} has no method ${member[0]}` };
        }
        if (made.kind === "function" && made.id.endsWith(".constructor")) {
          const id = `${made.id.slice(0, -".constructor".length)}.${member[0]}`;
          return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `no method ${member[0]}` };
        }
        return { kind: "unresolved", why: `${local} is built by ${[value.callee.local, ...value.callee.member].join(".")}(); the methods of its result cannot be followed` };
      }
    }
    if (value && value.kind === "call" && value.callee && member.length === 0 && !read) {
      // `const cs = factory(schema)` where the factory is liveviewjs's newChangesetFactory, reached through project modules.
      const made = resolveRef(path, value.callee, false, depth + 1);
      if (made.kind === "liveviewjs" && made.name === "newChangesetFactory" && made.member.length === 0) return { kind: "changeset", id: `${path}#${local}` };
    }
    const alias = m.aliases.find((a) => a.local === local);
    if (alias) return resolveRef(path, { local: alias.target.local, member: [...alias.target.member, ...member] }, read, depth + 1);
    const imp = m.imports.find((i) => i.local === local);
    if (imp) {
      const target = resolveModule(path, imp.specifier);
      if (!target) {
        if (imp.specifier === "liveviewjs") {
          const rest = imp.imported === "*" || imp.imported === "default" ? (member[0] === "default" ? member.slice(1) : member) : member;
          const name = imp.imported === "*" || imp.imported === "default" ? (rest[0] ?? "*") : imp.imported;
          return { kind: "liveviewjs", name, member: imp.imported === "*" || imp.imported === "default" ? rest.slice(1) : rest };
        }
        if (isRelativeSpecifier(imp.specifier)) return { kind: "unresolved", why: `cannot find module ${imp.specifier} from ${path}` };
        return { kind: "package", specifier: imp.specifier, name: imp.imported, member };
      }
      if (imp.imported === "*") {
        if (member.length === 0) return { kind: "value", id: `${target}#*` };
        return resolveExport(target, member[0]!, member.slice(1), read, depth + 1);
      }
      return resolveExport(target, imp.imported, member, read, depth + 1);
    }
    if (m.exports.some((e) => e.local === local) || local === "default") {
      const obj = m.functions.some((fn) => fn.name.startsWith(`${local}.`));
      if (obj && member.length > 0) return { kind: "unresolved", why: `${local}.${member.join(".")} not found` };
    }
    if (member.length === 0 || read) return { kind: "value", id: `${path}#${local}` };
    return { kind: "unresolved", why: `${local}.${member.join(".")} is a method of a value the analysis cannot follow` };
  };

  const resolveExport = (path: string, name: string, member: string[], read: boolean, depth: number): Target => {
    if (depth > 16) return { kind: "unresolved", why: "re-export chain too deep (cycle?)" };
    const f = files.get(path);
    if (!f) return { kind: "unresolved", why: `${path} was not analyzed` };
    const ex = f.module.exports.find((e) => e.name === name);
    if (ex) return resolveRef(path, { local: ex.local, member }, read, depth + 1);
    for (const re of f.module.reExports) {
      if (re.name !== name) continue;
      const target = resolveModule(path, re.specifier);
      if (!target) {
        if (re.specifier === "liveviewjs") return re.imported === "*" ? { kind: "liveviewjs", name: member[0] ?? "*", member: member.slice(1) } : { kind: "liveviewjs", name: re.imported, member };
        return { kind: "package", specifier: re.specifier, name: re.imported, member };
      }
      if (re.imported === "*") return member.length ? resolveExport(target, member[0]!, member.slice(1), read, depth + 1) : { kind: "value", id: `${target}#*` };
      return resolveExport(target, re.imported, member, read, depth + 1);
    }
    for (const re of f.module.reExports) {
      if (re.name !== "*") continue;
      const target = resolveModule(path, re.specifier);
      if (!target) {
        if (re.specifier === "liveviewjs") return { kind: "liveviewjs", name, member };
        continue;
      }
      const t = resolveExport(target, name, member, read, depth + 1);
      if (t.kind !== "unresolved") return t;
    }
    if (name === "default") {
      // CommonJS module imported as a default: `module.exports = { ... }` became named exports.
      const cjs = f.module.exports.find((e) => e.name === member[0]);
      if (cjs && member.length > 0) return resolveRef(path, { local: cjs.local, member: member.slice(1) }, read, depth + 1);
    }
    return { kind: "unresolved", why: `${path} has no export ${name}` };
  };

  return { files, functions, resolveModule, resolveRef: (p, r, read) => resolveRef(p, r, read) };
}

function readPathMappings(root: string): { mappings: PathMapping[]; baseUrl?: string } {
  try {
    const text = readFileSync(join(root, "tsconfig.json"), "utf8");
    const parsed = ts.parseConfigFileTextToJson("tsconfig.json", text);
    const co = (parsed.config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> };
    const baseUrl = co.baseUrl !== undefined ? posix.normalize(co.baseUrl.replace(/^\.\/?/, "") || ".") : undefined;
    const base = baseUrl ?? ".";
    const mappings: PathMapping[] = [];
    for (const [pattern, targets] of Object.entries(co.paths ?? {}).sort(([a], [b]) => b.length - a.length)) {
      const star = pattern.indexOf("*");
      mappings.push({
        prefix: star >= 0 ? pattern.slice(0, star) : pattern,
        suffix: star >= 0 ? pattern.slice(star + 1) : "",
        wildcard: star >= 0,
        targets: targets.map((t) => posix.normalize(posix.join(base, t))),
      });
    }
    return { mappings, baseUrl };
  } catch {
    return { mappings: [] };
  }
}
