// Params schemas for generated commands, from the view's own types as the type checker sees them (an
// imported `Volunteer["shift"]`, `{ type: "save" } & Partial<Volunteer>`, an interface in another
// module). What a command receives from the browser is input: a value of the wrong kind is a 422 with
// a message before the original's server work runs, never a TypeError inside it or a write of an
// object into a server store.
//
// Two readings of one type:
// - event: what a browser sends for an event of that type. Forms and phx-value-* send text, hooks send
//   JSON, any field may be absent (an unchecked checkbox), and LiveViewJS itself checked nothing: a
//   union of string literals accepts any string, a number or boolean may come as text, nested objects
//   are not checked. Never more precise than the original was at run time.
// - state: the browser state a command reads (`__state`). The browser's own code wrote these keys, so
//   they hold the declared type: literals are checked (a shift that is not one of the view's shifts is
//   refused), objects and arrays field by field. Still lenient where views store event fields as they
//   came (a number or boolean as text), and, in a project without strictNullChecks, null anywhere.
// Types the checker cannot read (any, unknown, functions, class instances) stay `z.unknown()`.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { readCompilerPaths, SYMBOL_COMPILER_OPTIONS } from "../analyzers/type_fallback.ts";

export interface TypeSchemas {
  /** Zod source per key of the context of the view defined at `anchor` (a statement's start) in `file` (relative to the root). */
  state(file: string, text: string, anchor: number, keys: readonly string[]): Map<string, string>;
  /**
   * `"field": schema` entries of the event (or message) named `name`, or undefined when its type cannot
   * be read. Fields in `sent` (the template's forms always send them) are required; the rest may be absent.
   */
  event(file: string, text: string, anchor: number, name: string, kind?: "event" | "info", sent?: readonly string[]): string[] | undefined;
}

type Mode = "event" | "state";
const UNKNOWN = "z.unknown()";
/** Nested object types deeper than this are not spelled out (a recursive type, a huge record). */
const MAX_DEPTH = 4;

/**
 * One checker for a whole apply run, created on the first view that needs it with every file in
 * `files` (the run's views) read at once: one program, not one per view.
 */
export function createTypeSchemas(root: string, files: readonly string[] = [], shared?: () => Project): TypeSchemas {
  let project: Project | undefined;
  let strictNulls = true;
  // without the type check's program: our own, strict so that null and undefined stay in the types as written
  const own = () => {
    const { baseUrl, paths } = readCompilerPaths(root);
    return new Project({
      compilerOptions: { ...SYMBOL_COMPILER_OPTIONS, strict: true, ...(baseUrl !== undefined ? { baseUrl: join(root, baseUrl) } : {}), ...(paths ? { paths } : {}) },
      skipAddingFilesFromTsConfig: true,
    });
  };
  /** The view's type arguments as the checker reads them; undefined where none. */
  const viewTypes = (file: string, text: string, anchor: number): ({ checker: ts.TypeChecker } & ViewTypes) | undefined => {
    try {
      if (!project) {
        strictNulls = projectChecksNulls(root);
        project = shared?.() ?? own();
        for (const other of files) if (existsSync(join(root, other))) project.addSourceFileAtPathIfExists(join(root, other));
        project.resolveSourceFileDependencies();
      }
      const existing = project.getSourceFile(join(root, file));
      const sf = existing?.getFullText() === text ? existing : project.createSourceFile(join(root, file), text, { overwrite: true });
      if (sf !== existing) project.resolveSourceFileDependencies();
      const checker = project.getTypeChecker().compilerObject;
      return { checker, ...typeArguments(sf.compilerNode, anchor, checker) };
    } catch {
      return undefined; // a project the checker cannot load: no schemas, as before
    }
  };
  return {
    state(file, text, anchor, keys) {
      const out = new Map(keys.map((k) => [k, UNKNOWN]));
      const types = keys.length > 0 ? viewTypes(file, text, anchor) : undefined;
      if (!types?.context) return out;
      for (const key of keys) {
        const symbol = types.checker.getPropertyOfType(types.context, key);
        if (!symbol) continue;
        const schema = zodOfType(types.checker.getTypeOfSymbol(symbol), types.checker, "state", 0);
        const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
        out.set(key, schema === UNKNOWN ? UNKNOWN : !strictNulls ? `${bare(schema).replace(/\.nullable\(\)$/, "")}.nullish()` : optional ? `${bare(schema)}.optional()` : schema);
      }
      return out;
    },
    event(file, text, anchor, name, kind = "event", sent = []) {
      const types = viewTypes(file, text, anchor);
      const declared = kind === "event" ? types?.events : types?.infos;
      if (!types || !declared) return undefined;
      const { checker } = types;
      const members = declared.isUnion() ? declared.types : [declared];
      const fields = new Map<string, string>();
      let found = false;
      for (const member of members) {
        const typeProperty = checker.getPropertyOfType(member, "type");
        if (!typeProperty || !stringLiterals(checker.getTypeOfSymbol(typeProperty)).includes(name)) continue;
        found = true;
        for (const p of checker.getPropertiesOfType(member)) {
          if (p.getName() === "type") continue;
          // An event's field may be missing, as in LiveViewJS (an unchecked checkbox), unless every form that
          // sends the event always sends it. A message is built by the view's own code: its declared fields are there.
          const raw = zodOfType(checker.getTypeOfSymbol(p), checker, "event", 0);
          const schema = bare(raw);
          const required = kind === "info" ? raw === schema && (p.flags & ts.SymbolFlags.Optional) === 0 : sent.includes(p.getName());
          fields.set(p.getName(), `${JSON.stringify(p.getName())}: ${schema}${required && schema !== UNKNOWN ? "" : ".optional()"}`);
        }
      }
      return found ? [...fields.values()] : undefined;
    },
  };
}

interface ViewTypes {
  context?: ts.Type;
  events?: ts.Type;
  infos?: ts.Type;
}

/** The view's context, event and message types: the factory's type arguments, a class's heritage arguments, else the first parameters of render, handleEvent and handleInfo. */
function typeArguments(sf: ts.SourceFile, anchor: number, checker: ts.TypeChecker): ViewTypes {
  const statement = sf.statements.find((s) => s.getStart(sf) === anchor);
  if (!statement) return {};
  const read = (node: ts.TypeNode | undefined) => (node ? known(checker.getTypeFromTypeNode(node)) : undefined);
  const out: ViewTypes = {};
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.typeArguments?.length) {
      out.context ??= read(n.typeArguments[0]);
      out.events ??= read(n.typeArguments[1]);
      out.infos ??= read(n.typeArguments[2]);
      return;
    }
    if (ts.isClassDeclaration(n)) {
      // `class X extends BaseLiveView<Ctx, Events>` / `implements LiveView<Ctx, Events>`
      const args = n.heritageClauses?.flatMap((c) => c.types).find((t) => t.typeArguments?.length)?.typeArguments;
      out.context ??= read(args?.[0]);
      out.events ??= read(args?.[1]);
      out.infos ??= read(args?.[2]);
    }
    if ((ts.isPropertyAssignment(n) || ts.isMethodDeclaration(n)) && ts.isIdentifier(n.name) && PARAMETER_TYPES.has(n.name.text)) {
      const fn = ts.isPropertyAssignment(n) ? n.initializer : n;
      const param = ts.isFunctionLike(fn) ? fn.parameters[0] : undefined;
      const type = param ? known(checker.getTypeAtLocation(param)) : undefined;
      out[PARAMETER_TYPES.get(n.name.text)!] ??= type;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(statement);
  return out;
}

/** Whose first parameter is typed as which of the view's types. */
const PARAMETER_TYPES = new Map<string, keyof ViewTypes>([["render", "context"], ["handleEvent", "events"], ["handleInfo", "infos"]]);

function known(type: ts.Type): ts.Type | undefined {
  return type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) ? undefined : type;
}

function stringLiterals(type: ts.Type): string[] {
  if (type.isUnion()) return type.types.flatMap(stringLiterals);
  return type.isStringLiteral() ? [type.value] : [];
}

/** What the browser may send (event) or hold (state) for a value of this type, as zod source. */
export function zodOfType(type: ts.Type, checker: ts.TypeChecker, mode: Mode, depth: number): string {
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return UNKNOWN;
  if (type.isUnion()) return unionSchema(type.types, checker, mode, depth);
  if (type.isStringLiteral()) return mode === "event" ? "z.string()" : `z.literal(${JSON.stringify(type.value)})`;
  if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) return "z.string()";
  // a number or a boolean comes from a form as its text, from a hook as itself; a NaN or Infinity
  // crosses JSON as null
  if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral | ts.TypeFlags.Enum | ts.TypeFlags.EnumLiteral)) return "z.union([z.number(), z.string(), z.null()])";
  if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return "z.union([z.boolean(), z.string()])";
  if (f & ts.TypeFlags.BigInt) return mode === "state" ? "z.bigint()" : UNKNOWN;
  if (f & ts.TypeFlags.Null) return "z.null()";
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return "z.undefined()";
  if (!(f & ts.TypeFlags.Object) || depth >= MAX_DEPTH) return UNKNOWN;
  if (checker.isArrayType(type)) return `z.array(${zodOfType(checker.getTypeArguments(type as ts.TypeReference)[0]!, checker, mode, depth + 1)})`;
  // what a hook sends inside an event was never checked by LiveViewJS
  if (mode === "event") return UNKNOWN;
  const name = type.getSymbol()?.getName();
  // revived by the state JSON (state-json.ts): the value is the real thing again
  if (name === "Date") return "z.date()";
  if (name === "Map") return "z.instanceof(Map)";
  if (name === "Set") return "z.instanceof(Set)";
  if (checker.isTupleType(type) || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return UNKNOWN;
  // a class instance does not survive JSON as itself: what arrives is not checked here
  if ((type.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class) return UNKNOWN;
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  const properties = checker.getPropertiesOfType(type);
  if (index && properties.length === 0) return `z.record(z.string(), ${zodOfType(index.type, checker, mode, depth + 1)})`;
  if (properties.length === 0) return UNKNOWN;
  const fields = properties.map((p) => {
    const schema = zodOfType(checker.getTypeOfSymbol(p), checker, mode, depth + 1);
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0 && schema !== UNKNOWN;
    return `${JSON.stringify(p.getName())}: ${optional ? `${bare(schema)}.optional()` : schema}`;
  });
  // extra fields pass: a value the original built from a wider object keeps them
  return `z.object({ ${fields.join(", ")} }).passthrough()`;
}

function unionSchema(members: readonly ts.Type[], checker: ts.TypeChecker, mode: Mode, depth: number): string {
  const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
  const optional = members.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
  const rest = members.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
  let schema: string;
  if (mode === "state" && rest.length > 0 && rest.every((t) => t.isStringLiteral())) {
    schema = `z.enum([${rest.map((t) => JSON.stringify((t as ts.StringLiteralType).value)).join(", ")}])`;
  } else {
    const parts = [...new Set(rest.map((t) => zodOfType(t, checker, mode, depth)))];
    if (parts.length === 0 || parts.includes(UNKNOWN)) return UNKNOWN;
    schema = parts.length === 1 ? parts[0]! : `z.union([${parts.join(", ")}])`;
  }
  if (nullable && optional) return `${schema}.nullish()`;
  if (nullable) return `${schema}.nullable()`;
  return optional ? `${schema}.optional()` : schema;
}

/** A schema without its trailing `.optional()` (one is added where the field may be absent). */
function bare(schema: string): string {
  return schema.endsWith(".optional()") ? schema.slice(0, -".optional()".length) : schema.endsWith(".nullish()") ? `${schema.slice(0, -".nullish()".length)}.nullable()` : schema;
}

/** Does the project check null? Without strictNullChecks a key of any type may hold null or undefined. */
function projectChecksNulls(root: string): boolean {
  const config = join(root, "tsconfig.json");
  if (!existsSync(config)) return false;
  try {
    const { config: json } = ts.readConfigFile(config, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(json, ts.sys, root);
    return parsed.options.strictNullChecks ?? parsed.options.strict ?? false;
  } catch {
    return false;
  }
}
