// One view → its migration: a client component (and a commands module when it has shared state), or,
// when something cannot be moved safely, markers in the original and nothing else (never half a view).
// Decisions (classes, placements) come from the plan; positions come from the view's AST.

import { posix } from "node:path";
import { ts } from "ts-morph";
import type { FunctionEffects, ViewPlan } from "../plan/types.ts";
import { connectionWrite, socketHeldWrite } from "../plan/connection-state.ts";
import type { NewFile, TextEdit } from "../apply/edits.ts";
import { commandsPathFor, componentPathFor, specifierInStyle } from "./output-paths.ts";
import { collectDependencies, declaredNames, identifiersIn, RUNTIME_CLIENT, RUNTIME_SERVER, RUNTIME_TEMPLATE } from "./dependencies.ts";
import { locateView, parseSource, type FunctionPart, type LocatedView } from "./locate-view.ts";
import { markerEdits, type MarkerRow } from "./insert-markers.ts";
import { RETURN_PLACEHOLDER, rewriteSocketUses, type Blocker, type RangeEdit } from "./socket-rewrite.ts";
import { splitHandler, wholeBody, type SplitHandler } from "./split-handler.ts";
import { cutClientPart, doesServerWork, keptInCommand, serverNames } from "./split-event.ts";
import { commandOptions, consumedUploads, mountUploads } from "./uploads.ts";
import { containsAwait, loadCommandText, mountNeedsCommand, partitionServerPart, removeProperties, serverValueOf, topLevelAssignProperties } from "./server-parts.ts";
import { CHILD_COMPONENT_NOTE, childRedirects, type ChildLookup } from "./child-components.ts";
import type { TypeSchemas } from "./type-schemas.ts";
import { clearsATimer, doorbellTypes, findPollers, pollerStops, shutdownOnlyStopsPolling, startsTimer, type Poller } from "../analyzers/polling.ts";

import { GENERATED_HEADER } from "./generated-header.ts";
export { GENERATED_HEADER };

export type ViewOutcome = "migrated" | "blocked" | "already-migrated";

export interface ViewMigration {
  viewId: string;
  outcome: ViewOutcome;
  /** Edits to existing files (markers in the original for a blocked view). */
  edits: TextEdit[];
  newFiles: NewFile[];
  markers: MarkerRow[];
  /** Human notes for the report: what went where. */
  notes: string[];
  /** Root-relative paths of the generated files (component first). */
  component?: { file: string; exportName: string; commandsFile?: string };
}

export interface MigrateViewInput {
  plan: ViewPlan;
  /** The view file's text as read (BOM kept). */
  text: string;
  /** Existing file lookup (for idempotence: an already generated component is recognised). */
  existing(file: string): string | null;
  /** Reasons found after generation (type errors, server code in the bundle): the view goes back to markers. */
  forceBlock?: { code: string; message: string }[];
  /** The plan's function effects: which calls are server work (split events keep the rest in the browser). */
  functions?: FunctionEffects[];
  /** The runtime name of the component (default: the file's base name). */
  componentName?: string;
  /** Set when the module defines several views or components: generated files are named per definition (output-paths.ts). */
  definition?: string;
  /** Live components the plan knows, and what apply made of each (a view's `live_component(X)` imports the migrated X). */
  children?: { plans: ViewPlan[]; outcome: ChildLookup };
  /** Params schemas from the view's types (type-schemas.ts): without it, commands check no event fields and take browser state as `z.unknown()`. */
  typeSchemas?: TypeSchemas;
}

export { commandsPathFor, componentPathFor };

const HANDLED_PARTS = new Set(["mount", "handleParams", "handleEvent", "handleInfo", "render"]);
/** A LiveViewJS live component has mount, update, handleEvent and render only. */
const COMPONENT_PARTS = new Set(["mount", "update", "handleEvent", "render"]);

export function migrateView(input: MigrateViewInput): ViewMigration {
  const { plan, text } = input;
  const componentFile = componentPathFor(plan.file, input.definition);
  const commandsFile = commandsPathFor(plan.file, input.definition);
  const base: ViewMigration = { viewId: plan.id, outcome: "migrated", edits: [], newFiles: [], markers: [], notes: [] };
  const existingComponent = input.existing(componentFile);
  if (existingComponent !== null && existingComponent.startsWith(GENERATED_HEADER)) {
    return { ...base, outcome: "already-migrated", notes: [`${componentFile} exists (generated earlier): left as it is`], component: { file: componentFile, exportName: plan.name === "default" ? "default" : plan.name, commandsFile: input.existing(commandsFile) !== null ? commandsFile : undefined } };
  }
  const sf = parseSource(plan.file, text);
  const blockers: Blocker[] = [];
  for (const marker of plan.markers) blockers.push({ code: marker.code, message: marker.message, pos: marker.span?.start ?? lineOffset(text, marker.at) });
  // the analysis confirmed the factory (imported from liveviewjs, an alias, or a project module re-exporting it)
  const located = locateView(sf, plan.name, true);
  // the analysis already said why the definition cannot be located (VIEW_NOT_TOP_LEVEL): no second marker
  if (!located.ok) return blocked(base, plan, text, [...blockers, ...(plan.markers.some((m) => m.code === "VIEW_NOT_TOP_LEVEL") ? [] : [{ code: located.code, message: located.message, pos: located.pos }])]);
  const view = located.view;
  if (input.forceBlock?.length) return blocked(base, plan, text, [...blockers, ...input.forceBlock.map((b) => ({ ...b, pos: view.statement.getStart(sf) }))]);
  const generated = generate(plan, view, sf, blockers, componentFile, commandsFile, input.functions ?? [], input);
  if (blockers.length > 0 || !generated) return blocked(base, plan, text, blockers);
  return { ...base, edits: generated.edits, newFiles: generated.files, notes: generated.notes, component: { file: componentFile, exportName: plan.name === "default" ? "default" : plan.name, commandsFile: generated.files.length > 1 ? commandsFile : undefined } };
}

function blocked(base: ViewMigration, plan: ViewPlan, text: string, blockers: Blocker[]): ViewMigration {
  const unique = new Map<string, Blocker>();
  for (const b of blockers) unique.set(`${b.pos}:${b.code}`, b);
  const { edits, rows } = markerEdits(plan.file, text, [...unique.values()]);
  return { ...base, outcome: "blocked", edits, markers: rows, notes: [`left on LiveViewJS: ${rows.length} marker${rows.length === 1 ? "" : "s"}`] };
}

function lineOffset(text: string, at: string): number {
  const line = Number(at.split(":").pop());
  if (!Number.isFinite(line) || line < 1) return 0;
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset;
}

interface Generated {
  files: NewFile[];
  notes: string[];
  /** `export` added to server bindings of the original file that the commands import. */
  edits: TextEdit[];
}

/** Inner text of a function body after rewriting (block contents, or `expr;` for an arrow expression). */
function bodyText(part: FunctionPart, sf: ts.SourceFile, socketName: string | undefined, mode: "client" | "command", blockers: Blocker[], extra: RangeEdit[] = []): string {
  const body = part.body;
  const range = ts.isBlock(body) ? { start: body.getStart(sf) + 1, end: body.end - 1 } : { start: body.getStart(sf), end: body.end };
  const result = rewriteSocketUses(sf, range.start, range.end, socketName, mode, "patch", extra);
  blockers.push(...result.blockers);
  return ts.isBlock(body) ? result.text : `${result.text};`;
}

function rangeText(sf: ts.SourceFile, start: number, end: number, socketName: string | undefined, mode: "client" | "command", blockers: Blocker[], extra: RangeEdit[] = [], effects?: Set<string>): string {
  if (end <= start) return "";
  const result = rewriteSocketUses(sf, start, end, socketName, mode, "patch", extra);
  blockers.push(...result.blockers);
  // a command lives in another module: it can change the view module's objects, never rebind its `let`s
  // (the handler then runs whole on the server, in the view's own module)
  if (mode === "command") for (const write of moduleLetWrites(sf, start, end)) blockers.push({ code: "LET_IN_COMMAND", message: `the server part reassigns the module's \`let ${write.name}\`, which another module cannot: the original handler runs whole on the server instead`, pos: write.pos });
  for (const effect of result.effects) effects?.add(effect);
  return result.text;
}

/** Assignments (`x = …`, `x += …`, `x++`) in [start, end) to a `let`/`var` declared at the module's top level. */
function moduleLetWrites(sf: ts.SourceFile, start: number, end: number): { name: string; pos: number }[] {
  const lets = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && !(st.declarationList.flags & ts.NodeFlags.Const)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) lets.add(d.name.text);
  }
  if (lets.size === 0) return [];
  const out: { name: string; pos: number }[] = [];
  const shadowed = (id: ts.Identifier): boolean => {
    for (let n: ts.Node | undefined = id.parent; n && !ts.isSourceFile(n); n = n.parent) {
      if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return true;
      if (ts.isBlock(n) && n.statements.some((st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === id.text))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (node.end <= start || node.getStart(sf) >= end) return;
    const target =
      ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
        ? node.left
        : (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
          ? node.operand
          : undefined;
    if (target && ts.isIdentifier(target) && lets.has(target.text) && !shadowed(target)) out.push({ name: target.text, pos: target.getStart(sf) });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const RESULT_ACTION = "apply_command_result";

/** The action that applies a command's `{ patch, effects }`: state first, then flash/title/navigation in order. */
function resultAction(effects: Set<string>): string {
  const lines = [...effects].sort().map((effect) => {
    if (effect === "send") return `if (name === "send") ctx.send(String(args[0]), args[1] as Record<string, unknown> | undefined);`;
    if (effect === "sendParentInfo") return `if (name === "sendParentInfo") ctx.sendParentInfo(args[0] as { type: string });`;
    const args = effect === "putFlash" ? "String(args[0]), String(args[1])" : effect === "pageTitle" ? "String(args[0])" : effect === "pushEvent" ? "String(args[0]), args[1] as Record<string, unknown> | undefined" : "String(args[0]), args[1] as Record<string, string> | undefined";
    return `if (name === ${JSON.stringify(effect)}) ctx.${effect}(${args});`;
  });
  return `${RESULT_ACTION}(event, ctx) {
// a command's answer: the state it assigned, then the flash/title/navigation it asked for, in order
const { patch, effects } = (event as unknown as { result: CommandResult }).result;
ctx.assign(patch as {});
for (const [name, ...args] of effects) {
${lines.join("\n")}
}
},`;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function generate(plan: ViewPlan, view: LocatedView, sf: ts.SourceFile, blockers: Blocker[], componentFile: string, commandsFile: string, functions: FunctionEffects[], input: Pick<MigrateViewInput, "componentName" | "children" | "typeSchemas"> = {}): Generated | undefined {
  const isChild = plan.kind === "component";
  const notes: string[] = [];
  const exportEdits: TextEdit[] = [];
  // the analysis decided which module-level bindings are server work (plan.serverBindings); hand-written plans predate it
  const serverWork = plan.serverBindings ? new Set(plan.serverBindings.map((b) => b.name)) : serverNames(sf, plan.file, functions);
  const serverWhy = new Map((plan.serverBindings ?? []).map((b) => [b.name, b.why]));
  // what generated code must never declare or import in the browser: the analysis's decision only
  const serverOnly: ReadonlySet<string> = plan.serverBindings ? serverWork : new Set();
  const liveviewjsVia = new Map((plan.liveviewjsImports ?? []).filter((i) => !i.package).map((i) => [i.local, i.name]));
  const packageVia = new Map((plan.liveviewjsImports ?? []).flatMap((i) => (i.package ? [[i.local, { from: i.package, name: i.name }] as const] : [])));
  const tempKeys = new Set<string>();
  // shared keys a command may recompute from mount's expression: not those an event wrote since (plan/connection-state.ts)
  const serverValues = new Map<string, string>();
  const connectionHeld = new Set(plan.state.filter((k) => connectionWrite(k)).map((k) => k.key));
  const sharedKeys = new Set(plan.state.filter((k) => k.class === "shared").map((k) => k.key));
  const placement = new Map(plan.events.map((e) => [e.name, e.placement]));
  const ctxType = view.typeArgs[0];
  const eventsType = view.typeArgs[1];
  // `key: schema` of browser state a command reads, and the fields of an event it runs, from the view's types (type-schemas.ts)
  const stateFields = (keys: string[] | undefined, optional = false): string[] | undefined => {
    if (!keys?.length) return undefined;
    const schemas = input.typeSchemas?.state(plan.file, sf.text, view.statement.getStart(sf), keys);
    return keys.map((k) => `${key(k)}: ${schemas?.get(k) ?? "z.unknown()"}${optional ? ".optional()" : ""}`);
  };
  // fields the template always sends with the event (a form's text inputs) are required, the rest may be absent
  const eventFields = (name: string, kind: "event" | "info"): EventFields => {
    const decision = kind === "event" ? plan.events.find((e) => e.name === name) : undefined;
    const typed = input.typeSchemas?.event(plan.file, sf.text, view.statement.getStart(sf), name, kind, decision?.sent);
    return typed ?? (input.typeSchemas && decision?.textOnly ? "text" : undefined);
  };
  const infosType = view.typeArgs[2];
  // timers that ring the view's own doorbell (polling.ts) → ctx.every(ms, type), which replaces the running one:
  // started in mount, or (re)started by an event or a message
  const pollers = findPollers(view.parts.get("mount"), sf, view.parts.get("mount")?.params[0]);
  const handlerPollers = ["handleEvent", "handleInfo"].flatMap((n) => findPollers(view.parts.get(n), sf, view.parts.get(n)?.params[1]));
  // a statement that stops polling (it only clears timers, and every timer of the file polls): ctx.cancel
  const pollingTypes = doorbellTypes(sf) ?? [];
  const handlerStops = ["handleEvent", "handleInfo"].flatMap((n) => {
    const part = view.parts.get(n);
    return part ? [...pollerStops([part.body], sf)] : [];
  });
  // a timer's start or stop is browser code now (ctx.every / ctx.cancel), whatever its helper's map of timers is
  const timerStarts: ReadonlySet<ts.Node> = new Set([...pollers.map((p) => p.statement), ...handlerPollers.map((p) => p.statement), ...handlerStops]);
  // a handler that clears a timer the browser now runs, in a way not read as one polling timer's stop,
  // would clear nothing on the server (two polling timers, a stop that also does other work)
  if (pollers.length + handlerPollers.length > 0) {
    for (const n of ["handleEvent", "handleInfo"]) {
      const part = view.parts.get(n);
      const stray = part && statementsWhere(part.body, (st) => clearsATimer(st, sf)).find((st) => !timerStarts.has(st));
      if (stray) blockers.push({ code: "POLL_STOP", message: `${n} stops a timer that now runs in the browser, and which one cannot be read here: call ctx.cancel(action) by hand`, pos: stray.getStart(sf) });
    }
  }
  // a handleInfo without a dispatch on type is one action, "handleInfo": the timer runs that
  const infoPartEarly = view.parts.get("handleInfo");
  const infoSplitEarly = infoPartEarly ? splitHandler(infoPartEarly, sf) : undefined;
  const pollTarget = (type: string) => (infoSplitEarly && !infoSplitEarly.ok && infoSplitEarly.noDispatch ? "handleInfo" : type);
  // `{ type }` goes along when the action is not named after the message (a handleInfo without dispatch)
  const everyCall = (p: Poller) => `ctx.every(${p.ms}, ${JSON.stringify(pollTarget(p.type))}${pollTarget(p.type) !== p.type ? `, { type: ${JSON.stringify(p.type)} }` : ""});`;
  // the original view, as the commands module imports it (a whole handler runs on the server)
  const ORIGINAL_VIEW = view.isClass ? `new ${plan.name === "default" ? "OriginalView" : plan.name}()` : plan.name === "default" ? "originalView" : plan.name;
  for (const [name, part] of view.parts) {
    if (name === "shutdown" && shutdownOnlyStopsPolling(part, sf, [...pollers, ...handlerPollers])) {
      notes.push("shutdown only cleared the polling timer: dropped (ctx.every stops with the page)");
      continue;
    }
    if (!(isChild ? COMPONENT_PARTS : HANDLED_PARTS).has(name)) blockers.push({ code: name === "shutdown" ? "SHUTDOWN" : "UNSUPPORTED_HANDLER", message: name === "shutdown" ? "shutdown cleans up server resources (timers, subscriptions): replace timers with ctx.every or ctx.after, then remove it" : `${name} has no runtime equivalent`, pos: part.property.getStart(sf) });
  }
  // `handleEvent: onEvent` (a function given by reference): the original runs whole on the server
  const referenced = new Set<string>();
  for (const property of view.otherProperties) {
    const propName = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if ((propName === "handleEvent" || propName === "handleInfo") && (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) referenced.add(propName);
    else blockers.push({ code: "UNSUPPORTED_HANDLER", message: `property ${property.name?.getText(sf) ?? "(spread)"} is not a handler the tool can move`, pos: property.getStart(sf) });
  }

  const members: string[] = [`name: ${JSON.stringify(input.componentName ?? componentName(plan))},`];
  if (plan.migration.strategy === "carried") {
    const render = view.parts.get("render");
    if (!render) {
      blockers.push({ code: "NO_RENDER", message: "the view has no render function the tool can move", pos: view.statement.getStart(sf) });
      return undefined;
    }
    const carried = carriedParts(plan, view, sf, blockers, ORIGINAL_VIEW, render, referenced, pollers);
    notes.push(...carried.notes);
    return assembleFiles({ plan, view, sf, blockers, componentFile, commandsFile, members: [...members, ...carried.members], effects: carried.effects, notes, exportEdits, isChild, ctxType, serverOnly, serverWhy, liveviewjsVia, packageVia, children: input.children, render, commands: carried.commands, runsOriginal: true, runner: "runCarried" });
  }
  const connectedStarts: string[] = [];
  const actions: string[] = [];
  const commands: string[] = [];
  const shared: string[] = [];
  const sync: string[] = [];

  // mount: ui/form defaults stay; shared keys become loaders; subscriptions become sync topics.
  const mount = view.parts.get("mount");
  // server parts of mount/handleParams as `load` commands (server-parts.ts), when per-key loaders cannot do
  const loads: { kind: "mount" | "params"; part: FunctionPart; body: string; effects: Set<string> }[] = [];
  const paramsPart = view.parts.get("handleParams");
  const paramsLoad = !!paramsPart && ts.isBlock(paramsPart.body) && (plan.state.some((k) => k.class === "shared" && k.writes.some((w) => w.handler === "handleParams")) || doesServerWork(paramsPart.body, { sf, socketName: paramsPart.params[1], sharedKeys, server: serverWork, handled: timerStarts }));
  const mountLoad = !!mount && ts.isBlock(mount.body) && (paramsLoad || mountNeedsCommand(sf, mount, sharedKeys));
  const loadCommand = (kind: "mount" | "params", part: FunctionPart, serverInputs: string[], handled: RangeEdit[]): RangeEdit[] => {
    const cut = partitionServerPart({ sf, part, socketName: part.params[kind === "mount" ? 0 : 1], serverInputs, sharedKeys, server: serverWork, handled })!;
    const loadEffects = new Set<string>();
    const body = cut.command.map((r) => rangeText(sf, r.start, r.end, part.params[kind === "mount" ? 0 : 1], "command", blockers, cut.commandEdits, loadEffects)).join("").replace(/^\s*\n/, "");
    loads.push({ kind, part, body, effects: loadEffects });
    return cut.clientEdits;
  };
  if (mount) {
    const [socketName, sessionName, paramsName] = mount.params;
    const removals: RangeEdit[] = [];
    const topics: string[] = [];
    // allowUpload → the component's `uploads` (README "Uploads")
    const uploadConfigs = mountUploads(mount.body, sf, socketName, localNames(mount, sf));
    removals.push(...uploadConfigs.removals);
    if (uploadConfigs.member) members.push(uploadConfigs.member);
    // mount runs on the server (first paint, not connected): the timers LiveViewJS's connected mount
    // started go to `connected`, which the browser runs when the page starts
    for (const poller of pollers) {
      if (!onlyUnderConnectedGuards(poller.statement, mount.body, socketName!)) {
        blockers.push({ code: "POLL_IN_MOUNT", message: `the "${poller.type}" timer starts under a condition of mount's own: start it in the component's connected(ctx) by hand`, pos: poller.statement.getStart(sf) });
        continue;
      }
      const guard = connectedGuard(poller.statement, socketName!);
      const target = guard ?? poller.statement;
      removals.push({ start: target.getFullStart(), end: target.end, text: "" });
      connectedStarts.push(everyCall(poller));
    }
    const walk = (node: ts.Node): void => {
      if (ts.isExpressionStatement(node) && pollers.some((p) => p.statement === node)) return;
      // `mount: (socket) => socket.assign({...})`: the body expression is the one statement
      const bodyExpression = node === mount.body && !ts.isBlock(node) ? (node as ts.Expression) : undefined;
      if (ts.isExpressionStatement(node) || bodyExpression) {
        const statementExpr = bodyExpression ?? (node as ts.ExpressionStatement).expression;
        const expr = ts.isAwaitExpression(statementExpr) ? statementExpr.expression : statementExpr;
        if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && ts.isIdentifier(expr.expression.expression) && expr.expression.expression.text === socketName) {
          const member = expr.expression.name.text;
          const arg = expr.arguments[0];
          // a literal, or a name whose string the analysis followed (plan.topicConstants)
          const topic = arg && (ts.isStringLiteralLike(arg) ? arg.text : ts.isIdentifier(arg) ? plan.topicConstants?.find((c) => c.name === arg.text)?.value : undefined);
          if (member === "subscribe" && topic !== undefined) {
            topics.push(topic);
            const guard = (bodyExpression ? undefined : connectedGuard(node as ts.Statement, socketName!));
            const target = guard ?? node;
            removals.push({ start: target.getFullStart(), end: target.end, text: "" });
            return;
          }
          if (member === "tempAssign" && arg && ts.isObjectLiteralExpression(arg) && arg.properties.every((p) => p.name)) {
            // the client keeps the list as ordinary state; actions prepend/append new items (below)
            for (const p of arg.properties) tempKeys.add(p.name!.getText(sf));
            removals.push({ start: node.getFullStart(), end: node.end, text: "" });
            return;
          }
          if (member === "assign" && arg && ts.isObjectLiteralExpression(arg) && !mountLoad) {
            const props = arg.properties;
            const removed = props.filter((p) => p.name && sharedKeys.has(p.name.getText(sf)));
            for (const property of removed) {
              const keyName = property.name!.getText(sf);
              if (!ts.isPropertyAssignment(property)) {
                blockers.push({ code: "SHARED_IN_MOUNT", message: `shared key ${keyName} is written from a local value: load it in a command`, pos: property.getStart(sf) });
                continue;
              }
              const locals = new Set([...localNames(mount, sf)].filter((n) => n !== sessionName));
              const used = identifiersIn(sf, [{ start: property.initializer.getStart(sf), end: property.initializer.end }]);
              if ([...used].some((n) => locals.has(n))) {
                blockers.push({ code: "SHARED_IN_MOUNT", message: `shared key ${keyName} is computed from mount's local values: move the computation into a loader command`, pos: property.getStart(sf) });
                continue;
              }
              const usesSession = sessionName !== undefined && used.has(sessionName);
              const loader = `load_${keyName}`;
              // a command reading this shared key recomputes it on the server (never trusts the browser's copy)
              if (!containsAwait(property.initializer) && !connectionHeld.has(keyName)) serverValues.set(keyName, usesSession ? replaceIdentifier(sf, property.initializer, sessionName!, "ctx.session") : property.initializer.getText(sf));
              commands.push(`async ${loader}(_params, ctx) {\n${usesSession ? `const ${sessionName} = ctx.session;\n` : ""}return ${property.initializer.getText(sf)};\n},`);
              shared.push(`${key(keyName)}: ${JSON.stringify(loader)},`);
              notes.push(`shared key ${keyName}: loaded by command ${loader}`);
            }
            if (removed.length === props.length && removed.length > 0) removals.push({ start: node.getFullStart(), end: node.end, text: "" });
            // (neighbours removed together: two removals of adjacent properties must not overlap)
            else removals.push(...removeProperties(arg, removed, sf));
            return;
          }
        }
      }
      if (ts.isFunctionLike(node) && node !== mount.fn) return;
      ts.forEachChild(node, walk);
    };
    if (ts.isBlock(mount.body)) ts.forEachChild(mount.body, walk);
    else walk(mount.body);
    if (mountLoad) {
      removals.push(...loadCommand("mount", mount, sessionName ? [sessionName] : [], [...removals]));
      for (const property of topLevelAssignProperties(mount)) {
        const keyName = property.name ? property.name.getText(sf) : "";
        const value = sharedKeys.has(keyName) ? serverValueOf(sf, mount, property) : undefined;
        // a command reading this shared key recomputes it on the server (never trusts the browser's copy)
        if (value !== undefined && !connectionHeld.has(keyName)) serverValues.set(keyName, value);
      }
      notes.push("mount's server part: command mount (load.mount), run in-process at first paint");
    }
    const mountText = bodyText(mount, sf, socketName, "client", blockers, removals);
    if (sessionName && new RegExp(`\\b${sessionName}\\b`).test(mountText)) {
      blockers.push({ code: "SESSION", message: "mount reads the session: compute these keys in a loader command (ctx.session) instead", pos: mount.property.getStart(sf) });
    }
    const paramsParam = paramsName && new RegExp(`\\b${paramsName}\\b`).test(mountText) ? paramsName : "_params";
    members.push(`${mount.isAsync ? "async " : ""}mount(ctx, ${paramsParam}) {${mountText}},`);
    const infoPart = view.parts.get("handleInfo");
    const infoSplit = infoPart ? splitHandler(infoPart, sf) : undefined;
    const undispatched = infoSplit !== undefined && !infoSplit.ok && infoSplit.noDispatch === true;
    for (const topic of topics) {
      const action = `sync_${topic.replace(/\W/g, "_")}`;
      sync.push(`${key(topic)}: ${JSON.stringify(action)},`);
      actions.push(undispatched
        ? `${key(action)}(event, ctx) {\n// a pubsub message: run handleInfo\nctx.send("handleInfo", event);\n},`
        : `${key(action)}(event, ctx) {\n// a pubsub message: run the handleInfo branch for its type\nctx.send(event.type, event);\n},`);
      notes.push(`subscribe("${topic}") + handleInfo → sync topic ${topic}`);
    }
  }

  const handleParams = view.parts.get("handleParams");
  if (handleParams) {
    const writesShared = plan.state.some((k) => k.class === "shared" && k.writes.some((w) => w.handler === "handleParams"));
    if (writesShared && !paramsLoad) blockers.push({ code: "SHARED_IN_PARAMS", message: "handleParams loads server data: move the load into a command the action calls", pos: handleParams.property.getStart(sf) });
    const [urlName = "url", socketName] = handleParams.params;
    // the ui part stays in the browser (instant on navigation); the server part is command handleParams (load.params)
    const paramsText = bodyText(handleParams, sf, socketName, "client", blockers, paramsLoad ? loadCommand("params", handleParams, [], []) : []);
    if (paramsLoad) notes.push("handleParams's server part: command handleParams (load.params), run after it on every navigation");
    if (!paramsLoad || paramsText.trim()) members.push(`${handleParams.isAsync && (!paramsLoad || /\bawait\b/.test(paramsText)) ? "async " : ""}handleParams(${urlName}, ctx) {${paramsText}},`);
  }

  if (isChild) {
    // A child's state starts as its props (mount sees them); the runtime has no loaders or sync for children.
    const at = (mount ?? view.parts.get("render"))?.property.getStart(sf) ?? view.statement.getStart(sf);
    if (shared.length > 0 || sync.length > 0) blockers.push({ code: "SHARED_IN_COMPONENT", message: "the live component loads server data or subscribes in mount: load it in the parent and pass it as a prop", pos: at });
    // update(socket) runs on each render by the parent; LiveViewJS gives it no new props (only the state it has)
    const update = view.parts.get("update");
    if (update) {
      const [socketName] = update.params;
      if (doesServerWork(update.body, { sf, socketName, sharedKeys, server: serverWork, handled: timerStarts })) blockers.push({ code: "SHARED_IN_COMPONENT", message: "update does server work: load the data in the parent and pass it as a prop", pos: update.property.getStart(sf) });
      members.push(`${update.isAsync ? "async " : ""}update(_props, ctx) {${bodyText(update, sf, socketName, "client", blockers)}},`);
    }
  }

  const renderPart = view.parts.get("render");
  const tempMode = /phx-update=["'](prepend|append)["']/.exec(renderPart?.property.getText(sf) ?? "")?.[1] as "prepend" | "append" | undefined;
  if (tempKeys.size > 0 && !tempMode) blockers.push({ code: "TEMP_ASSIGN", message: "temporary assign without a phx-update=\"prepend\"/\"append\" container: keep the list in client state by hand", pos: mount!.property.getStart(sf) });
  const clientExtra = tempMode ? tempAssignEdits(sf, view, tempKeys, tempMode) : [];
  // a timer (re)started by an event or a message, with this or another interval: ctx.every replaces the running one
  clientExtra.push(...handlerPollers.map((p) => ({ start: p.statement.getStart(sf), end: p.statement.end, text: everyCall(p) })));
  const cancelCalls = [...new Set(pollingTypes.map(pollTarget))].map((action) => `ctx.cancel(${JSON.stringify(action)});`).join("\n");
  clientExtra.push(...handlerStops.map((st) => ({ start: st.getStart(sf), end: st.end, text: cancelCalls })));
  const commandExtra = serverValueEdits(sf, view, serverValues);
  const names = new Set<string>();
  const effects = new Set<string>();
  const dispatchParts: { part?: FunctionPart; typeArg?: string; kind: "event" | "info" }[] = [];
  const handleEvent = view.parts.get("handleEvent");
  if (handleEvent || referenced.has("handleEvent")) dispatchParts.push({ part: handleEvent, typeArg: eventsType, kind: "event" });
  const handleInfo = view.parts.get("handleInfo");
  if (handleInfo || referenced.has("handleInfo")) dispatchParts.push({ part: handleInfo, typeArg: infosType, kind: "info" });
  // Each handler takes the finest path that prints without a blocker: an action per event (or message),
  // else the whole handler in the browser when every event is a client one, else the whole original
  // handler in one server command (runLiveHandler). Its shape never blocks the view.
  const serverHandlers: ("event" | "info")[] = [];
  for (const { part, typeArg, kind } of dispatchParts) {
    const mark = { blockers: blockers.length, actions: actions.length, commands: commands.length, notes: notes.length, members: members.length, names: new Set(names), effects: new Set(effects) };
    const rollback = () => {
      blockers.length = mark.blockers;
      actions.length = mark.actions;
      commands.length = mark.commands;
      notes.length = mark.notes;
      members.length = mark.members;
      names.clear();
      for (const n of mark.names) names.add(n);
      effects.clear();
      for (const e of mark.effects) effects.add(e);
    };
    const ok = part && perType(part, typeArg, kind);
    if (ok && blockers.length === mark.blockers) continue;
    rollback();
    if (part && wholeInBrowser(part, typeArg, kind) && blockers.length === mark.blockers) continue;
    rollback();
    serverHandlers.push(kind);
  }
  // uploaded files go up before the command that consumes them, and only an action that names them can
  // send them: a handler running whole cannot (the per-event path's UPLOAD marker says why)
  if (serverHandlers.length > 0 && /\b(consumeUploadedEntries|uploadedEntries)\b/.test(sf.text)) {
    const at = sf.text.search(/\b(consumeUploadedEntries|uploadedEntries)\b/);
    blockers.push({ code: "UPLOAD", message: "uploads read under a computed name: write the upload's name as a string literal, so the action knows which files to upload first", pos: at });
  }
  for (const kind of serverHandlers) wholeOnServer(kind);
  // the route of every message the view sends itself or receives (decided here, printed once): to a
  // handleInfo moved whole, to the one action of an undispatched handleInfo, or to the message's own action
  const wholeInfo = members.some((m) => /^(async )?handleInfo\(/.test(m));
  const infoAction = actions.some((a) => /^(async )?handleInfo\(/.test(a));
  const routed = plan.infos.map((i) => i.name).filter((n) => n !== "*" && n !== "?");
  const clash = routed.some((n) => plan.events.some((e) => e.name === n));
  if ((wholeInfo || infoAction || clash) && routed.length > 0) {
    members.push(`infos: {\n${routed.map((n) => `${key(n)}: ${JSON.stringify(wholeInfo ? "handleInfo" : infoAction ? "handleInfo" : n)},`).join("\n")}\n},`);
  }

  function wholeInBrowser(part: FunctionPart, typeArg: string | undefined, kind: "event" | "info"): boolean {
    const handlerName = kind === "event" ? "handleEvent" : "handleInfo";
    const clientOnly = kind === "event" ? plan.events.every((e) => e.placement === "client") : !writesSharedIn(plan, plan.infos.map((i) => i.name), sharedKeys);
    if (!clientOnly || doesServerWork(part.body, { sf, socketName: part.params[1], sharedKeys, server: serverWork, handled: timerStarts })) return false;
    const [eventName = "event", socketName] = part.params;
    const body = bodyText(part, sf, socketName, "client", blockers, clientExtra);
    const usesEvent = identifiersIn(sf, [{ start: part.body.getStart(sf), end: part.body.end }]).has(eventName);
    members.push(`${part.isAsync ? "async " : ""}${handlerName}(${usesEvent ? "rawEvent" : "_event"}, ctx) {\n${usesEvent ? castLine(eventName, typeArg, handlerName, "rawEvent") : ""}${body}\n},`);
    notes.push(`${handlerName}: moved whole to the browser (every ${kind === "event" ? "event" : "message"} it handles is client work)`);
    return true;
  }

  function wholeOnServer(kind: "event" | "info"): void {
    const handlerName = kind === "event" ? "handleEvent" : "handleInfo";
    // a command has no process to keep a timer in: the original handler cannot run whole there
    const part = view.parts.get(handlerName);
    if (part && startsTimer(part.body, sf)) blockers.push({ code: "SERVER_TIMER", message: `${handlerName} starts a timer that does more than ring the view's own doorbell: a stateless command cannot keep it; make it ctx.every polling in the browser by hand`, pos: part.property.getStart(sf) });
    const clientKeys = plan.state.filter((k) => k.class !== "shared").map((k) => k.key).sort();
    // mount rebuilds the shared keys for each command: a shared key this handler writes from what the
    // socket holds (its own value, other keys, the params, a literal) keeps a per-connection value no
    // rebuild gives back, so a later run that reads it would read mount's value instead (the browser's
    // copy of a shared key is never taken)
    // The analysis marks server work reading such keys (CONNECTION_STATE, merge.ts); run whole here, a
    // branch it placed in the browser reads them on the server too. A key written from store data or
    // a message is rebuilt by mount as the connection has it; one written only from what the socket
    // holds (its own value, other keys, the params, a literal) is not.
    const prefix = kind === "event" ? "handleEvent:" : "handleInfo:";
    const marked = new Set(plan.markers.filter((m) => m.code === "CONNECTION_STATE").map((m) => m.message.split(" ")[0]));
    for (const k of plan.state.filter((k) => k.class === "shared" && !marked.has(k.key) && k.reads.some((r) => r.in.startsWith(prefix)))) {
      const held = socketHeldWrite(k);
      if (held) blockers.push({ code: "CONNECTION_STATE", message: `${k.key} comes from the server, then ${held.handler.replace(/^handle(Event|Info):/, "")} writes it from what the socket holds (${held.expr}) and ${handlerName} reads it again: ${handlerName} runs whole in a command whose mount rebuilds ${k.key}, so it would read mount's value, not the one written; if the value is the browser's to hold, make ${k.key} a ui key (migrate.config.json views."${plan.name}".keys)`, pos: part?.property.getStart(sf) ?? view.statement.getStart(sf) });
    }
    const snapshot = `{ ${clientKeys.map((k) => `${key(k)}: ctx.state${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`).join(", ")} }`;
    members.push(`async ${handlerName}(message, ctx) {\n// the original ${handlerName} runs whole on the server (command ${handlerName}); ${RESULT_ACTION} applies its answer\nawait ctx.command(${JSON.stringify(handlerName)}, () => ({ message: { ...message }, state: ${snapshot} }), { onResult: ${JSON.stringify(RESULT_ACTION)}, serial: true });\n},`);
    for (const effect of ["putFlash", "pageTitle", "pushPatch", "pushRedirect", "pushEvent", "send", ...(isChild ? ["sendParentInfo"] : [])]) effects.add(effect);
    commands.push(`${handlerName}: {\n// the original ${handlerName}, unchanged: its mount rebuilds the server's state, the browser's ui/form keys are laid over it\nparams: z.object({ message: z.record(z.string(), z.unknown()), state: z.object({ ${stateFields(clientKeys, true)?.join(", ") ?? ""} }).passthrough() }),\nhandler: (input: { message: Record<string, unknown>; state: Record<string, unknown> }, ctx) => runLiveHandler(${ORIGINAL_VIEW}, ${JSON.stringify(kind)}, input, ${JSON.stringify(clientKeys)}, ctx),\n},`);
    notes.push(`${handlerName}: the original handler runs whole in command ${handlerName} (one round trip per ${kind === "event" ? "event" : "message"}, no per-tab process)`);
  }

  function perType(part: FunctionPart, typeArg: string | undefined, kind: "event" | "info"): boolean {
    const [eventName = "event", socketName] = part.params;
    const split = splitHandler(part, sf);
    let dispatch: SplitHandler | undefined = split.ok ? split.split : undefined;
    // a handleInfo that treats every message alike becomes one action, "handleInfo"
    if (!split.ok && split.noDispatch && kind === "info") dispatch = wholeBody(part, sf, "handleInfo");
    if (!dispatch) return false;
    const { preamble, branches } = dispatch;
    for (const branch of branches) {
      const branchRange = { start: branch.start, end: branch.end };
      let serverSide = kind === "event" ? branch.names.some((n) => placement.get(n) !== "client") : writesSharedIn(plan, branch.names, sharedKeys);
      // a message that carries its data (no effectful call, no await) is applied in the browser
      if (kind === "info" && serverSide && branch.statements.length > 0 && ![...branch.statements, ...(ts.isBlock(part.body) ? part.body.statements.filter((st) => st.getStart(sf) >= preamble.start && st.end <= preamble.end) : [])].some((st) => doesServerWork(st, { sf, socketName, sharedKeys: new Set(), server: serverWork, handled: timerStarts }))) {
        serverSide = false;
        notes.push(`message ${branch.names.join(", ")}: carries its data, applied by a client action`);
      }
      // a split event: its leading ui/form work runs in the browser, the rest in the command
      const cutInput = { sf, socketName, sharedKeys, server: serverWork, handled: timerStarts };
      const preambleStatements = part.body && ts.isBlock(part.body) ? part.body.statements.filter((st) => st.getStart(sf) >= preamble.start && st.end <= preamble.end) : [];
      const cut = serverSide && kind === "event" && branch.names.every((n) => placement.get(n) === "split") && !preambleStatements.some((st) => doesServerWork(st, cutInput)) ? cutClientPart({ ...cutInput, statements: branch.statements }) : undefined;
      if (cut && cut.server.length === 0) {
        serverSide = false;
        notes.push(`split event ${branch.names.join(", ")}: no server work in the handler itself (its messages carry it): a client action`);
      }
      for (const name of branch.names) {
        if (names.has(name)) blockers.push({ code: "NAME_CLASH", message: `an event and a message are both named ${name}: rename one`, pos: branch.start });
        names.add(name);
        const usesEvent = identifiersIn(sf, [preamble, branchRange]).has(eventName);
        const cast = usesEvent ? castLine(eventName, typeArg, name, serverSide ? "params" : "rawEvent") : "";
        const paramName = usesEvent ? (serverSide ? "params" : "rawEvent") : "_event";
        const branchEffects = new Set<string>();
        const extra = serverSide ? commandExtra : clientExtra;
        if (serverSide) blockTempWrites(sf, [preamble, branchRange], socketName, tempKeys, blockers);
        // a command reading the view's ui/form state gets it from the browser with the event
        const passed = serverSide && !cut ? passClientState(sf, [preamble, branchRange], socketName, plan, serverValues) : undefined;
        const bodyExtra = [...extra, ...(passed?.edits ?? [])];
        const body = serverSide && cut ? "" : (rangeText(sf, preamble.start, preamble.end, socketName, serverSide ? "command" : "client", blockers, bodyExtra, branchEffects) + rangeText(sf, branch.start, branch.end, socketName, serverSide ? "command" : "client", blockers, [...branch.edits, ...bodyExtra], branchEffects)).replace(/^\s*\n/, "");
        const stateLine = passed?.keys.length ? `const state = (params as { __state: ${ctxType ? `Pick<${ctxType}, ${passed.keys.map((k) => JSON.stringify(k)).join(" | ")}>` : "any"} }).__state;\n` : "";
        const stateArg = passed?.keys.length ? `, __state: { ${passed.keys.map((k) => `${key(k)}: ctx.state${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`).join(", ")} }` : "";
        const commandParamName = usesEvent || stateLine ? "params" : "_event";
        for (const effect of branchEffects) effects.add(effect);
        if (serverSide && cut) {
          const lastClient = cut.client[cut.client.length - 1];
          const serverStart = cut.server[0]!.getFullStart();
          const commandRange = { start: serverStart, end: branch.end };
          const clientEffects = new Set<string>();
          const clientPart = (rangeText(sf, preamble.start, preamble.end, socketName, "client", blockers, clientExtra, clientEffects) + (lastClient ? rangeText(sf, branch.start, lastClient.end, socketName, "client", blockers, [...branch.edits, ...clientExtra], clientEffects) : "")).replace(/^\s*\n/, "");
          const assignNow = cut.assignProps.length > 0 ? `\nctx.assign({ ${cut.assignProps.map((p) => rangeText(sf, p.getStart(sf), p.end, socketName, "client", blockers, clientExtra)).join(", ")} });` : "";
          blockTempWrites(sf, [preamble, commandRange], socketName, tempKeys, blockers);
          const clientUsesEvent = identifiersIn(sf, [preamble, { start: branch.start, end: lastClient?.end ?? branch.start }, ...cut.assignProps.map((p) => ({ start: p.getStart(sf), end: p.end }))]).has(eventName);
          // the command repeats the client part's declarations and checks (a guard like `if (!valid) return`
          // must hold on the server too); only its plain state/effect calls are the browser's alone
          const declarations = cut.client.filter((st) => keptInCommand(st, socketName));
          // ui/form state the command reads goes with the event, as the browser had it when the event fired
          const cutPassed = passClientState(sf, [preamble, ...declarations.map((st) => ({ start: st.getStart(sf), end: st.end })), commandRange], socketName, plan, serverValues);
          const cutExtra = [...commandExtra, ...(cutPassed?.edits ?? [])];
          const cutState = cutPassed?.keys.length ? cutPassed.keys : undefined;
          const commandEffects = new Set<string>();
          const commandBody = (rangeText(sf, preamble.start, preamble.end, socketName, "command", blockers, cutExtra, commandEffects) + declarations.map((st) => rangeText(sf, st.getFullStart(), st.end, socketName, "command", blockers, [...branch.edits, ...cutExtra], commandEffects)).join("") + rangeText(sf, commandRange.start, commandRange.end, socketName, "command", blockers, [...branch.edits, ...cut.removals, ...cutExtra], commandEffects)).replace(/^\s*\n/, "");
          for (const effect of [...clientEffects, ...commandEffects]) effects.add(effect);
          const commandUsesEvent = identifiersIn(sf, [preamble, commandRange, ...declarations.map((st) => ({ start: st.getStart(sf), end: st.end }))]).has(eventName);
          const commandParam = commandUsesEvent || cutState ? "params" : "_event";
          const commandCast = (commandUsesEvent ? castLine(eventName, typeArg, name, "params") : "") + (cutState ? `const state = (params as { __state: ${ctxType ? `Pick<${ctxType}, ${cutState.map((k) => JSON.stringify(k)).join(" | ")}>` : "any"} }).__state;\n` : "");
          const withEffects = commandEffects.size > 0;
          commands.push(commandMember(name, commandParam, withEffects
            ? `${commandCast}const patch: Record<string, unknown> = {};\nconst effects: [string, ...unknown[]][] = [];\n${commandBody.replaceAll(RETURN_PLACEHOLDER, "{ patch, effects }")}\nreturn { patch, effects };`
            : `${commandCast}const patch: Record<string, unknown> = {};\n${commandBody.replaceAll(RETURN_PLACEHOLDER, "patch")}\nreturn patch;`, stateFields(cutState), commandUsesEvent ? eventFields(name, kind) : undefined));
          const actionParam = clientUsesEvent ? "rawEvent" : "event";
          const call = `await ctx.command(${JSON.stringify(name)}, { ...${actionParam}${cutState ? ", __state" : ""} }${commandOptions(withEffects ? RESULT_ACTION : undefined, consumedUploads(sf, [preamble, commandRange], socketName))});`;
          const snapshot = cutState ? `const __state = { ${cutState.map((k) => `${key(k)}: ctx.state${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`).join(", ")} };\n` : "";
          actions.push(`async ${key(name)}(${actionParam}, ctx) {\n${clientUsesEvent ? castLine(eventName, typeArg, name, "rawEvent") : ""}${snapshot}${clientPart}${assignNow}\n// the shared part runs in the ${JSON.stringify(name)} command; ${withEffects ? `${RESULT_ACTION} applies its answer` : "its answer is assigned to state"}\n${call}\n},`);
          notes.push(`split event ${name}: ui/form part runs in the browser at once, shared part in command ${name}`);
        } else if (!serverSide) {
          actions.push(`${part.isAsync ? "async " : ""}${key(name)}(${paramName}, ctx) {\n${cast}${body}\n},`);
        } else if (branchEffects.size > 0) {
          commands.push(commandMember(name, commandParamName, `${cast}${stateLine}const patch: Record<string, unknown> = {};\nconst effects: [string, ...unknown[]][] = [];\n${body.replaceAll(RETURN_PLACEHOLDER, "{ patch, effects }")}\nreturn { patch, effects };`, stateFields(passed?.keys), usesEvent ? eventFields(name, kind) : undefined));
          actions.push(`async ${key(name)}(event, ctx) {\n// server work runs in the ${JSON.stringify(name)} command; ${RESULT_ACTION} applies its answer\nawait ctx.command(${JSON.stringify(name)}, { ...event${stateArg} }${commandOptions(RESULT_ACTION, consumedUploads(sf, [preamble, branchRange], socketName))});\n},`);
          notes.push(`${kind} ${name}: client action calling command ${name} (flash/title/navigation replayed in the browser)`);
        } else {
          commands.push(commandMember(name, commandParamName, `${cast}${stateLine}const patch: Record<string, unknown> = {};\n${body.replaceAll(RETURN_PLACEHOLDER, "patch")}\nreturn patch;`, stateFields(passed?.keys), usesEvent ? eventFields(name, kind) : undefined));
          actions.push(`async ${key(name)}(event, ctx) {\n// server work runs in the ${JSON.stringify(name)} command; its result is assigned to state\nawait ctx.command(${JSON.stringify(name)}, { ...event${stateArg} }${commandOptions(undefined, consumedUploads(sf, [preamble, branchRange], socketName))});\n},`);
          notes.push(`${kind} ${name}: client action calling command ${name}`);
        }
      }
    }
    return true;
  }

  const render = view.parts.get("render");
  if (!render) {
    blockers.push({ code: "NO_RENDER", message: "the view has no render function the tool can move", pos: view.statement.getStart(sf) });
    return undefined;
  }
  // a class method's parameter types name liveviewjs types (LiveViewMeta<Events>): the component's own typing replaces them
  members.push(view.isClass ? `${render.isAsync ? "async " : ""}render(${render.params.join(", ")}) ${render.body.getText(sf)},` : `${render.property.getText(sf)},`);

  if (loads.length > 0) {
    // one onResult for both: when either queues flash/title/navigation, both answer { patch, effects }
    const loadEffects = loads.some((l) => l.effects.size > 0);
    for (const l of loads) for (const effect of l.effects) effects.add(effect);
    const loadName = (kind: "mount" | "params") => (kind === "mount" ? "mount" : "handleParams");
    // the runtime runs `load` for routed components only
    if (isChild) blockers.push({ code: "SHARED_IN_COMPONENT", message: "the live component loads server data in mount: load it in the parent and pass it as a prop", pos: loads[0]!.part.property.getStart(sf) });
    for (const l of [...loads].reverse()) {
      if (names.has(loadName(l.kind))) blockers.push({ code: "NAME_CLASH", message: `an event is named ${loadName(l.kind)}, like the command of ${l.part.name}'s server part: rename the event`, pos: l.part.property.getStart(sf) });
      commands.unshift(loadCommandText(l.kind, loadName(l.kind), l.part, l.body, loadEffects, RETURN_PLACEHOLDER));
    }
    members.push(`load: { ${loads.map((l) => `${l.kind}: ${JSON.stringify(loadName(l.kind))}`).join(", ")}${loadEffects ? `, onResult: ${JSON.stringify(RESULT_ACTION)}` : ""}${plan.mountWrites ? ", rerunOnConnect: true" : ""} },`);
  } else if (plan.mountWrites && (shared.length > 0 || mountLoad)) members.push(`load: { rerunOnConnect: true },`);
  // LiveViewJS's connected mount (its second run) writes again: the browser re-runs the server part when it connects
  if (plan.mountWrites && (shared.length > 0 || loads.length > 0)) notes.push(`mount writes server state (${plan.mountWrites}): its server part runs again when the page connects, as LiveViewJS's second mount did`);
  if (connectedStarts.length > 0) members.push(`connected(ctx) {\n// what LiveViewJS's connected mount started: run in the browser when the page starts\n${connectedStarts.join("\n")}\n},`);
  if (effects.size > 0) actions.push(resultAction(effects));
  if (shared.length > 0) members.push(`shared: {\n${shared.join("\n")}\n},`);
  if (sync.length > 0) members.push(`sync: {\n${sync.join("\n")}\n},`);
  members.push(`actions: {\n${actions.join("\n")}\n},`);
  return assembleFiles({ plan, view, sf, blockers, componentFile, commandsFile, members, effects, notes, exportEdits, isChild, ctxType, serverOnly, serverWhy, liveviewjsVia, packageVia, children: input.children, render, commands, runsOriginal: serverHandlers.length > 0 });
}

/**
 * A view whose keys are made at run time (plan.migration.strategy "carried"): every handler runs
 * unchanged on the server (runtime runCarried) against the state the browser carries sealed; the
 * component keeps the render, and sends each event, message and navigation to its command.
 */
function carriedParts(plan: ViewPlan, view: LocatedView, sf: ts.SourceFile, blockers: Blocker[], originalView: string, render: FunctionPart, referenced: ReadonlySet<string>, pollers: Poller[]) {
  const members: string[] = [];
  const actions: string[] = [];
  const commands: string[] = [];
  const notes: string[] = ["its state keys are made at run time: every handler runs on the server, the browser carries the state sealed (one round trip per event, no per-tab process)"];
  const effects = new Set(["putFlash", "pageTitle", "pushPatch", "pushRedirect", "pushEvent", "send"]);
  if (plan.kind === "component") blockers.push({ code: "DYNAMIC_KEYS", message: "a live component whose keys are made at run time: its state cannot be carried through its parent; list its keys by hand", pos: view.statement.getStart(sf) });
  // No process holds a timer between calls. The polling timers LiveViewJS's connected mount started
  // (behind `socket.connected`, which the carried mount never is) ring in the browser instead: each
  // tick is a message for the handleInfo command. Any other timer stays a marker.
  const mount = view.parts.get("mount");
  const mountSocket = mount?.params[0];
  const ringing = pollers.filter((p) => mount && mountSocket && onlyUnderConnectedGuards(p.statement, mount.body, mountSocket));
  const pollerStatements = new Set<ts.Node>(ringing.map((p) => p.statement));
  for (const name of ["mount", "handleParams", "handleEvent", "handleInfo"]) {
    const part = view.parts.get(name);
    const stray = part && (name === "mount" ? statementsWhere(part.body, (st) => startsTimer(st, sf)).find((st) => !pollerStatements.has(st)) : startsTimer(part.body, sf) ? part.property : undefined);
    if (stray) blockers.push({ code: "SERVER_TIMER", message: `${name} starts a timer, and this view's state is carried by the browser (its keys are made at run time): no server process keeps the timer; make it ctx.every polling by hand`, pos: stray.getStart(sf) });
  }
  if (ringing.length > 0) {
    members.push(`connected(ctx) {\n// the timers LiveViewJS's connected mount started: each tick runs handleInfo on the server\n${ringing.map((p) => `ctx.every(${p.ms}, "handleInfo", { type: ${JSON.stringify(p.type)} });`).join("\n")}\n},`);
    notes.push(`mount's polling: ctx.every in the browser, each tick a handleInfo command`);
  }
  if (/\b(allowUpload|consumeUploadedEntries|uploadedEntries)\b/.test(sf.text.slice(view.statement.getStart(sf), view.statement.end))) blockers.push({ code: "UPLOAD", message: "uploads in a view whose keys are made at run time: the carried state has no upload channel; list its keys by hand", pos: view.statement.getStart(sf) });
  // the keys render reads are all the browser holds ("all" when it reads keys by name at run time)
  const visible = renderedKeys(render, sf);
  const visibleText = visible === "all" ? `"all"` : JSON.stringify(visible);
  const run = (part: string, input: string) => `(input: ${input}, ctx) => runCarried(${originalView}, ${JSON.stringify(part)}, input, ${visibleText}, ctx)`;
  const sealedInput = "__sealed: z.string()";
  const loads = [`mount: ${JSON.stringify("mount")}`];
  commands.push(`mount: {\n// the original mount, unchanged; the state it builds is sealed for the browser to carry\nparams: z.object({ params: z.record(z.string(), z.string()).optional() }),\nhandler: ${run("mount", "{ params?: Record<string, string> }")},\n},`);
  if (view.parts.get("handleParams")) {
    loads.push(`params: ${JSON.stringify("handleParams")}`);
    commands.push(`handleParams: {\n// the original handleParams, on every navigation\nparams: z.object({ url: z.string(), ${sealedInput} }),\nhandler: ${run("params", "{ url: string; __sealed: string }")},\n},`);
  }
  members.push(`carried: true,`);
  members.push(`load: { ${loads.join(", ")}, onResult: ${JSON.stringify(RESULT_ACTION)}${plan.mountWrites ? ", rerunOnConnect: true" : ""} },`);
  for (const kind of ["event", "info"] as const) {
    const handlerName = kind === "event" ? "handleEvent" : "handleInfo";
    if (!view.parts.get(handlerName) && !referenced.has(handlerName)) continue;
    members.push(`async ${handlerName}(message, ctx) {\n// the original ${handlerName} runs on the server (command ${handlerName}) with the state this page carries\nawait ctx.command(${JSON.stringify(handlerName)}, { message: { ...message } }, { onResult: ${JSON.stringify(RESULT_ACTION)}, serial: true });\n},`);
    commands.push(`${handlerName}: {\nparams: z.object({ message: z.record(z.string(), z.unknown()), ${sealedInput} }),\nhandler: ${run(kind, "{ message: Record<string, unknown>; __sealed: string }")},\n},`);
  }
  // pubsub messages come through the sync stream; every message goes to handleInfo
  const hasInfo = !!view.parts.get("handleInfo") || referenced.has("handleInfo");
  // the topics the analysis saw subscribed (helpers followed); one through a name is the string the name holds
  const topicValue = (name: string) => plan.topicConstants?.find((c) => c.name === name)?.value ?? name;
  const subscribed = plan.infos.flatMap((i) => (i.origin.startsWith("subscribe:") ? i.origin.slice("subscribe:".length).split(",").map(topicValue) : []));
  // a subscription whose topic is neither a string nor a name the analysis followed cannot be followed
  const unnamed = subscribeCalls(view).find((arg) => !ts.isStringLiteralLike(arg) && !(ts.isIdentifier(arg) && plan.topicConstants?.some((c) => c.name === arg.text)));
  if (unnamed) blockers.push({ code: "SUBSCRIBE", message: "the view subscribes to a topic made at run time: name it with a string constant", pos: unnamed.getStart(sf) });
  // …and those the view's own code names (a message type the analysis did not list still arrives)
  const named = subscribeCalls(view).flatMap((arg) => (ts.isStringLiteralLike(arg) ? [arg.text] : ts.isIdentifier(arg) && plan.topicConstants?.some((c) => c.name === arg.text) ? [topicValue(arg.text)] : []));
  const topics = [...new Set([...subscribed, ...named])].sort();
  if (hasInfo && topics.length > 0) {
    members.push(`sync: {\n${topics.map((t) => `${key(t)}: ${JSON.stringify(`sync_${t.replace(/\W/g, "_")}`)},`).join("\n")}\n},`);
    for (const t of topics) actions.push(`${key(`sync_${t.replace(/\W/g, "_")}`)}(event, ctx) {\n// a pubsub message: run handleInfo\nctx.send("handleInfo", event);\n},`);
  }
  if (subscribeCalls(view).length > 0 && hasInfo && topics.length === 0) blockers.push({ code: "SUBSCRIBE", message: "the view subscribes to a topic the analysis cannot name: name it with a string constant", pos: view.statement.getStart(sf) });
  const routed = plan.infos.map((i) => i.name).filter((n) => n !== "*" && n !== "?");
  if (hasInfo && routed.length > 0) members.push(`infos: {\n${routed.map((n) => `${key(n)}: "handleInfo",`).join("\n")}\n},`);
  actions.push(resultAction(effects));
  members.push(view.isClass ? `${render.isAsync ? "async " : ""}render(${render.params.join(", ")}) ${render.body.getText(sf)},` : `${render.property.getText(sf)},`);
  members.push(`actions: {\n${actions.join("\n")}\n},`);
  return { members, commands, effects, notes };
}

/**
 * The first arguments of `socket.subscribe(arg)` in the view's parts, the socket being each part's own
 * socket parameter (an RxJS `.subscribe(fn)` or another object's is not a pubsub topic).
 */
function subscribeCalls(view: LocatedView): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const [name, part] of view.parts) {
    const socketName = part.params[name === "mount" ? 0 : 1];
    if (!socketName) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "subscribe" && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === socketName && n.arguments[0]) out.push(n.arguments[0]);
      ts.forEachChild(n, visit);
    };
    visit(part.body);
  }
  return out;
}

/** The keys render reads from its state parameter, or "all" when it reads them by name at run time (or hands the state on). */
function renderedKeys(render: FunctionPart, sf: ts.SourceFile): string[] | "all" {
  const param = render.fn.parameters[0]?.name;
  if (!param) return [];
  if (ts.isObjectBindingPattern(param)) {
    if (param.elements.some((e) => e.dotDotDotToken || (e.propertyName && !ts.isIdentifier(e.propertyName) && !ts.isStringLiteral(e.propertyName)))) return "all";
    return param.elements.map((e) => ((e.propertyName ?? e.name) as ts.Identifier | ts.StringLiteral).text).sort();
  }
  if (!ts.isIdentifier(param)) return "all";
  const keys = new Set<string>();
  let dynamic = false;
  const visit = (node: ts.Node): void => {
    if (dynamic) return;
    if (ts.isIdentifier(node) && node.text === param.text && node !== param) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) keys.add(parent.name.text);
      else if (!(ts.isPropertyAccessExpression(parent) && parent.name === node) && !(ts.isPropertyAssignment(parent) && parent.name === node)) dynamic = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(render.body);
  return dynamic ? "all" : [...keys].sort();
}

interface AssembleInput {
  plan: ViewPlan;
  view: LocatedView;
  sf: ts.SourceFile;
  blockers: Blocker[];
  componentFile: string;
  commandsFile: string;
  /** The component's members, actions included. */
  members: string[];
  /** Browser-side effects a command's answer may carry (the result type is declared when any). */
  effects: Set<string>;
  notes: string[];
  exportEdits: TextEdit[];
  isChild: boolean;
  ctxType: string | undefined;
  serverOnly: ReadonlySet<string>;
  serverWhy: Map<string, string>;
  liveviewjsVia: Map<string, string>;
  packageVia: Map<string, { from: string; name: string }>;
  children: MigrateViewInput["children"];
  render: FunctionPart;
  commands: string[];
  /** A handler runs whole on the server: the commands module imports the original view. */
  runsOriginal: boolean;
  /** The runtime's function that runs it (runLiveHandler, runCarried). */
  runner?: string;
}

/** The component file, and the commands file when there are commands: imports, copied declarations, checks. */
function assembleFiles(a: AssembleInput): Generated | undefined {
  const { plan, view, sf, blockers, componentFile, commandsFile, members, effects, notes, exportEdits, isChild, ctxType, serverOnly, serverWhy, liveviewjsVia, packageVia, render, commands, runsOriginal } = a;
  const input = { children: a.children };
  const files: NewFile[] = [];
  const exportName = plan.name;
  // An interface has no index signature, so it does not satisfy the runtime's State on its own.
  const needsState = ctxType !== undefined && /^[A-Za-z_$][\w$]*$/.test(ctxType) && !isTypeAlias(sf, ctxType);
  // An untyped (.js) view's state is `any` as it was in JavaScript: the moved code compiles as it ran.
  const ctxGeneric = ctxType ? `<${needsState ? `${ctxType} & State` : ctxType}>` : "<Record<string, any>>";
  const defineWith = (declared: string[]) => `defineComponent${ctxGeneric}({\n${orderMembers([...members, ...declared]).join("\n")}\n})`;
  let definition = defineWith([]);

  let componentDeps = collectDependencies(sf, definition, [view.statement], RUNTIME_CLIENT, needsState ? ["State"] : [], new Map(), serverOnly, liveviewjsVia, packageVia);
  const clientText = [...componentDeps.declarations, definition].join("\n");
  // what the runtime cannot read off the definition's other keys: declared, so the page's bundle
  // brings the child-component machinery and the JS command runner only where used (client/features.ts)
  const declared: string[] = [];
  if (/\blive_component\b/.test(clientText)) {
    // each rendered live component: import its migrated version, or keep the view on LiveViewJS
    const children = childRedirects(sf, plan, clientText, input.children, render.property.getStart(sf));
    blockers.push(...children.blockers);
    if (children.redirects.size > 0) componentDeps = collectDependencies(sf, definition, [view.statement], RUNTIME_CLIENT, needsState ? ["State"] : [], children.redirects, serverOnly, liveviewjsVia, packageVia);
    if (children.redirects.size > 0) declared.push(`components: [${[...children.redirects.keys()].join(", ")}],`);
  }
  // built with the runtime's JS, or written out: a phx-* binding whose value is a command list (`[[…`),
  // which the browser runs as JS commands (bindings.ts) as Phoenix's client does
  if (componentDeps.runtimeValues.includes("JS") || /\bphx-[\w-]+\s*=\s*(?:\\?["']|&quot;)?\s*\[\s*\[/.test(clientText)) declared.push("jsCommands: true,");
  definition = defineWith(declared);
  for (const u of componentDeps.unsupported) blockers.push({ code: "UNSUPPORTED_IMPORT", message: `${u.name} from liveviewjs has no runtime equivalent`, pos: u.pos });
  // server state never leaves the server: a browser component that would need it is not generated
  for (const b of componentDeps.serverBindings) blockers.push({ code: "SERVER_STATE_IN_COMPONENT", message: `the browser code would need ${b.name}, which is server work (${serverWhy.get(b.name) ?? "it has server effects"}): keep what reads it on the server`, pos: b.statement.getStart(sf) });
  if (blockers.length > 0) return undefined;

  const header = (role: string) => `${GENERATED_HEADER} from ./${posix.basename(plan.file)} (${plan.name}). ${role}\n`;
  const runtimeImport = `import { defineComponent } from ${JSON.stringify(RUNTIME_CLIENT)};`;
  const imports = mergeRuntimeImport(componentDeps.imports, runtimeImport);
  const resultType = effects.size > 0 ? ["type CommandResult = { patch: Record<string, unknown>; effects: [string, ...unknown[]][] };", ""] : [];
  const componentText = [
    header(`${isChild ? `${CHILD_COMPONENT_NOTE} ` : ""}${commands.length > 0 ? `Runs in the browser; its server work is in ./${posix.basename(commandsFile)}.` : "Runs in the browser."}`),
    ...imports,
    "",
    componentDeps.declarations.join("\n\n"),
    "",
    ...resultType,
    exportName === "default" ? `export default ${definition};` : `export const ${exportName} = ${definition};`,
    "",
  ].join("\n");
  files.push({ file: componentFile, text: componentText });
  if (commands.length > 0) {
    const commandsObject = `{\n${commands.join("\n")}\n}`;
    const commandDeps = collectDependencies(sf, commandsObject, [view.statement], RUNTIME_TEMPLATE, [], new Map(), serverOnly, liveviewjsVia, packageVia);
    // server bindings declared in the view's file: one instance, imported from there (exported if it was not)
    const fromOriginal = commandDeps.serverBindings.filter((b) => !b.imported);
    for (const b of fromOriginal) if (!hasExportModifier(b.statement)) exportEdits.push({ file: plan.file, start: b.statement.getStart(sf), end: b.statement.getStart(sf), text: "export " });
    for (const u of commandDeps.unsupported) blockers.push({ code: "UNSUPPORTED_IMPORT", message: `${u.name} from liveviewjs has no runtime equivalent`, pos: u.pos });
    if (blockers.length > 0) return undefined;
    if (fromOriginal.some((b) => ts.canHaveModifiers(b.statement) && ts.getModifiers(b.statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword))) blockers.push({ code: "SERVER_STATE_IN_COMPONENT", message: "a default export holds server state the commands need: name it", pos: fromOriginal[0]!.statement.getStart(sf) });
    if (runsOriginal && !isExported(sf, view, plan.name)) blockers.push({ code: "VIEW_NOT_EXPORTED", message: "a handler runs whole on the server, which imports the original view: export it", pos: view.statement.getStart(sf) });
    if (blockers.length > 0) return undefined;
    // in the style the view's own relative imports are written (no extension, `.js`, or `.ts`)
    const style = sf.statements.find((st): st is ts.ImportDeclaration => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text.startsWith("."));
    const originalSpecifier = specifierInStyle(commandsFile, plan.file, style ? (style.moduleSpecifier as ts.StringLiteral).text : plan.file.endsWith(".ts") ? "./x" : `./x${posix.extname(plan.file)}`);
    const originalNames = [...new Set([...(runsOriginal && plan.name !== "default" ? [plan.name] : []), ...fromOriginal.flatMap((b) => declaredNames(b.statement))])].sort();
    const originalDefault = runsOriginal && plan.name === "default" ? (view.isClass ? "OriginalView" : "originalView") : undefined;
    const originalImport = originalNames.length === 0 && !originalDefault ? [] : [`import ${[originalDefault, originalNames.length ? `{ ${originalNames.join(", ")} }` : undefined].filter(Boolean).join(", ")} from ${JSON.stringify(originalSpecifier)};`];
    const commandsText = [
      header("Runs on the server only: the view's server work, as the original wrote it."),
      `import { defineCommands${runsOriginal ? `, ${a.runner ?? "runLiveHandler"}` : ""} } from ${JSON.stringify(RUNTIME_SERVER)};`,
      // load commands and commands reading browser state validate their input with zod: the project's
      // own (apply adds it to package.json; LiveViewJS apps have it through liveviewjs), so the runtime
      // a production app installs carries no schema library
      ...(COMMAND_SCHEMA.test(commandsObject) && !commandDeps.imports.some((i) => /^import (z\b|\* as z\b|\{([^}]*[\s,])?z\s*[,}]|\{[^}]*\bas z\b)/.test(i)) ? [`import { z } from "zod";`] : []),
      ...originalImport,
      ...commandDeps.imports,
      "",
      commandDeps.declarations.join("\n\n"),
      "",
      `export default defineCommands(${commandsObject});`,
      "",
    ].join("\n");
    files.push({ file: commandsFile, text: commandsText });
    notes.push(`server work in ${commandsFile}`);
  }
  return { files, notes, edits: exportEdits };
}

/** A generated zod schema in a commands object (load commands, commands reading browser state). */
const COMMAND_SCHEMA = /^params: z\.object\(/m;

/** A command member. The event's fields (type-schemas.ts) and the browser state it reads (`__state`) are
 *  declared, so a request without them or with wrong types is a 422 with a message instead of a crash in
 *  the handler. The values are the browser's: validate them like input. */
function commandMember(name: string, param: string, body: string, stateFields?: string[], event?: EventFields): string {
  const eventFields = event === "text" ? [] : event;
  if (!stateFields?.length && !eventFields?.length && event !== "text") return `async ${key(name)}(${param}, ctx) {\n${body}\n},`;
  const shape = [...(eventFields ?? []), ...(stateFields?.length ? [`__state: z.object({ ${stateFields.join(", ")} })`] : [])].join(", ");
  // an event only the template's plain bindings send carries text in every field (Phoenix's client)
  return `${key(name)}: {\nparams: z.object({ ${shape} }).${event === "text" ? "catchall(z.string())" : "passthrough()"},\nasync handler(${param}, ctx) {\n${body}\n},\n},`;
}

/** An event's fields from its type, "text" when it has no readable type but only plain bindings send it (every field text). */
type EventFields = string[] | "text" | undefined;

function mergeRuntimeImport(imports: string[], defineImport: string): string[] {
  const runtime = imports.findIndex((i) => i.endsWith(`from ${JSON.stringify(RUNTIME_CLIENT)};`));
  if (runtime < 0) return [defineImport, ...imports];
  const merged = imports[runtime]!.replace("import { ", "import { defineComponent, ");
  return imports.map((i, n) => (n === runtime ? merged : i));
}

/** name, shared, sync, uploads, components, mount, handleParams, actions, render: the order a reader expects. */
function orderMembers(members: string[]): string[] {
  const rank = (m: string) => ["name:", "carried:", "shared:", "load:", "sync:", "uploads:", "components:", "jsCommands:", "mount(", "async mount(", "update(", "async update(", "handleParams(", "async handleParams(", "actions:"].findIndex((p) => m.startsWith(p));
  return [...members].sort((a, b) => (rank(a) < 0 ? 99 : rank(a)) - (rank(b) < 0 ? 99 : rank(b)));
}

/** Is the view exported under its plan name (`export const x`, `export default`, `export { x }`)? */
function isExported(sf: ts.SourceFile, view: LocatedView, name: string): boolean {
  if (view.exported || name === "default") return true;
  return sf.statements.some((s) => ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause) && s.exportClause.elements.some((e) => e.name.text === name && !e.propertyName));
}


function hasExportModifier(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function componentName(plan: ViewPlan): string {
  return posix.basename(plan.file).replace(/\.[^.]+$/, "").replace(/[^\w-]/g, "_");
}

function castLine(eventName: string, typeArg: string | undefined, name: string, from: string): string {
  if (!typeArg) return `const ${eventName} = ${from} as any;\n`;
  // a handleInfo without a dispatch on type runs for every message: it gets the whole union
  if (name === "handleInfo" || name === "handleEvent") return `const ${eventName} = ${from} as unknown as ${typeArg};\n`;
  return `const ${eventName} = ${from} as unknown as Extract<${typeArg}, { type: ${JSON.stringify(name)} }>;\n`;
}

function writesSharedIn(plan: ViewPlan, names: string[], sharedKeys: Set<string>): boolean {
  const infos = plan.infos.filter((i) => names.includes(i.name));
  if (infos.length === 0) return true; // unknown message: keep its work on the server
  return infos.some((i) => i.writes.some((w) => sharedKeys.has(w)) || i.origin !== "sendInfo");
}

/** Statements of a body (not in nested functions) that `test` holds for: those that clear or start a timer, themselves or through a helper. */
function statementsWhere(body: ts.Node, test: (statement: ts.Node) => boolean): ts.Node[] {
  // an arrow's expression body is its one statement
  if (!ts.isBlock(body)) return test(body) ? [body] : [];
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node)) {
      if (test(node)) out.push(node);
      return;
    }
    if (ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return out;
}

/** Between the statement and the function body: only blocks and `if (socket.connected)` without an else. */
function onlyUnderConnectedGuards(statement: ts.Statement, body: ts.Node, socketName: string): boolean {
  for (let n: ts.Node = statement.parent; n !== body; n = n.parent) {
    if (ts.isBlock(n)) continue;
    const test = ts.isIfStatement(n) && !n.elseStatement ? n.expression : undefined;
    if (!test || !ts.isPropertyAccessExpression(test) || !ts.isIdentifier(test.expression) || test.expression.text !== socketName || test.name.text !== "connected") return false;
  }
  return true;
}

function connectedGuard(statement: ts.Statement, socketName: string): ts.IfStatement | undefined {
  const block = statement.parent;
  // `if (socket.connected) statement;` without braces: the if is the statement's parent
  const guard = ts.isIfStatement(block) && block.thenStatement === statement ? block : ts.isBlock(block) && block.statements.length === 1 ? block.parent : undefined;
  if (!guard) return undefined;
  if (!ts.isIfStatement(guard) || guard.elseStatement) return undefined;
  const test = guard.expression;
  return ts.isPropertyAccessExpression(test) && ts.isIdentifier(test.expression) && test.expression.text === socketName && test.name.text === "connected" ? guard : undefined;
}

function localNames(part: FunctionPart, sf: ts.SourceFile): Set<string> {
  const names = new Set(part.params);
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name)) names.add(node.name.text);
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && (ts.isObjectBindingPattern(node.name) || ts.isArrayBindingPattern(node.name))) {
      for (const id of identifiersIn(sf, [{ start: node.name.getStart(sf), end: node.name.end }])) names.add(id);
    }
    ts.forEachChild(node, visit);
  };
  visit(part.body);
  return names;
}

function isTypeAlias(sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some((s) => ts.isTypeAliasDeclaration(s) && s.name.text === name);
}

/** The node's text with every reference to `name` replaced (e.g. the mount's session → ctx.session). */
function replaceIdentifier(sf: ts.SourceFile, node: ts.Node, name: string, by: string): string {
  const start = node.getStart(sf);
  const hits: number[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) hits.push(n.getStart(sf));
    ts.forEachChild(n, visit);
  };
  visit(node);
  let out = node.getText(sf);
  for (const at of hits.sort((a, b) => b - a)) out = out.slice(0, at - start) + by + out.slice(at - start + name.length);
  return out;
}

/** Handler parts whose bodies are moved (the edits below are limited to them). */
function movedParts(view: LocatedView): FunctionPart[] {
  return ["handleEvent", "handleInfo"].flatMap((n) => (view.parts.get(n) ? [view.parts.get(n)!] : []));
}

/** `socket.assign({ entries: X })` of a temporary key → `entries: [...(X), ...ctx.state.entries]` (prepend). */
function tempAssignEdits(sf: ts.SourceFile, view: LocatedView, tempKeys: Set<string>, mode: "prepend" | "append"): RangeEdit[] {
  const edits: RangeEdit[] = [];
  for (const part of movedParts(view)) {
    const socketName = part.params[1];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === socketName && n.expression.name.text === "assign" && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) {
        for (const p of n.arguments[0].properties) {
          if (!p.name || !tempKeys.has(p.name.getText(sf))) continue;
          const keyName = p.name.getText(sf);
          if (ts.isPropertyAssignment(p) && ts.isArrayLiteralExpression(p.initializer)) {
            // `[item]` → `[item, ...ctx.state.entries]`: the new items, then the list the browser holds
            const list = p.initializer;
            const rest = `...ctx.state.${keyName}`;
            const lastElement = list.elements[list.elements.length - 1];
            if (mode === "prepend") edits.push(lastElement ? { start: lastElement.end, end: lastElement.end, text: `, ${rest}` } : { start: list.end - 1, end: list.end - 1, text: rest });
            else edits.push({ start: list.getStart(sf) + 1, end: list.getStart(sf) + 1, text: list.elements.length > 0 ? `${rest}, ` : rest });
          } else if (ts.isPropertyAssignment(p)) {
            const value = p.initializer;
            edits.push(mode === "prepend" ? { start: value.getStart(sf), end: value.getStart(sf), text: "[...(" } : { start: value.getStart(sf), end: value.getStart(sf), text: `[...ctx.state.${keyName}, ...(` });
            edits.push(mode === "prepend" ? { start: value.end, end: value.end, text: `), ...ctx.state.${keyName}]` } : { start: value.end, end: value.end, text: ")]" });
          } else if (ts.isShorthandPropertyAssignment(p)) {
            edits.push({ start: p.end, end: p.end, text: mode === "prepend" ? `: [...${keyName}, ...ctx.state.${keyName}]` : `: [...ctx.state.${keyName}, ...${keyName}]` });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(part.body);
  }
  return edits;
}

/** In a command, `socket.context.<shared key>` → the key's loader expression (recomputed on the server). */
function serverValueEdits(sf: ts.SourceFile, view: LocatedView, values: Map<string, string>): RangeEdit[] {
  const edits: RangeEdit[] = [];
  if (values.size === 0) return edits;
  for (const part of movedParts(view)) {
    const socketName = part.params[1];
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && values.has(n.name.text) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "context" && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === socketName) {
        edits.push({ start: n.getStart(sf), end: n.end, text: `(${values.get(n.name.text)})` });
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(part.body);
  }
  return edits;
}

/** A command cannot extend a list only the browser holds: a temporary key written there stays a marker. */
function blockTempWrites(sf: ts.SourceFile, ranges: { start: number; end: number }[], socketName: string | undefined, tempKeys: Set<string>, blockers: Blocker[]): void {
  if (tempKeys.size === 0 || !socketName) return;
  const visit = (n: ts.Node): void => {
    if (!ranges.some((r) => n.end > r.start && n.getStart(sf) < r.end)) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === socketName && n.expression.name.text === "assign" && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) {
      for (const p of n.arguments[0].properties) if (p.name && tempKeys.has(p.name.getText(sf))) blockers.push({ code: "TEMP_ASSIGN", message: "server code adds to a temporary list: return the new items and prepend them in the action that applies the answer", pos: p.getStart(sf) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

/**
 * `socket.context` read in a command: ui/form keys come from the browser with the event (`__state`),
 * they are the browser's anyway; a shared key is recomputed on the server when its loader can be
 * (serverValues), otherwise it stays a marker (the server must not trust the browser's copy).
 */
function passClientState(sf: ts.SourceFile, ranges: { start: number; end: number }[], socketName: string | undefined, plan: ViewPlan, serverValues: Map<string, string>): { keys: string[]; edits: RangeEdit[] } | undefined {
  if (!socketName) return undefined;
  const classes = new Map(plan.state.map((k) => [k.key, k.class]));
  const keys = new Set<string>();
  const edits: RangeEdit[] = [];
  let unknownRead: number | undefined;
  const visit = (n: ts.Node): void => {
    if (!ranges.some((r) => n.end > r.start && n.getStart(sf) < r.end)) return;
    if (ts.isPropertyAccessExpression(n) && n.name.text === "context" && ts.isIdentifier(n.expression) && n.expression.text === socketName) {
      const parent = n.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === n) {
        if (serverValues.has(parent.name.text)) return; // recomputed on the server (serverValueEdits)
        keys.add(parent.name.text);
      } else if (ts.isVariableDeclaration(parent) && parent.initializer === n && ts.isObjectBindingPattern(parent.name) && parent.name.elements.every((e) => !e.dotDotDotToken && (e.propertyName ?? e.name).kind === ts.SyntaxKind.Identifier)) {
        for (const element of parent.name.elements) keys.add(((element.propertyName ?? element.name) as ts.Identifier).text);
      } else {
        unknownRead = n.getStart(sf);
        return;
      }
      edits.push({ start: n.getStart(sf), end: n.end, text: "state" });
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (unknownRead !== undefined) return undefined; // the rewrite marks it (CLIENT_STATE_IN_COMMAND)
  const shared = [...keys].filter((k) => classes.get(k) !== "ui" && classes.get(k) !== "form" && !serverValues.has(k));
  // a shared key the server cannot recompute: the rewrite marks each read (CLIENT_STATE_IN_COMMAND)
  if (shared.length > 0) return undefined;
  // destructured shared keys with a server value: the state object carries them too
  const clientKeys = [...keys].filter((k) => !serverValues.has(k)).sort();
  // the destructuring rewrite goes first: it replaces the same `socket.context` as the plain one
  return { keys: clientKeys, edits: [...serverValueDestructure(sf, ranges, socketName, clientKeys.length > 0, serverValues), ...edits] };
}

/** `const { userName, theme } = socket.context` with userName recomputable on the server: read it from there, never from the browser's copy. */
function serverValueDestructure(sf: ts.SourceFile, ranges: { start: number; end: number }[], socketName: string, withState: boolean, serverValues: Map<string, string>): RangeEdit[] {
  const edits: RangeEdit[] = [];
  const visit = (n: ts.Node): void => {
    if (!ranges.some((r) => n.end > r.start && n.getStart(sf) < r.end)) return;
    if (ts.isVariableDeclaration(n) && n.initializer && ts.isPropertyAccessExpression(n.initializer) && n.initializer.name.text === "context" && ts.isIdentifier(n.initializer.expression) && n.initializer.expression.text === socketName && ts.isObjectBindingPattern(n.name)) {
      const fromServer = n.name.elements.filter((e) => serverValues.has(((e.propertyName ?? e.name) as ts.Identifier).text));
      if (fromServer.length > 0) {
        // `{ ...state, userName: <server> }`: the browser's copy of a shared key is never used
        edits.push({ start: n.initializer.getStart(sf), end: n.initializer.end, text: `{ ${withState ? "...state, " : ""}${fromServer.map((e) => { const k = ((e.propertyName ?? e.name) as ts.Identifier).text; return `${k}: ${serverValues.get(k)}`; }).join(", ")} }` });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return edits;
}


