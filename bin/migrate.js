#!/usr/bin/env node
// A checkout's `migrate`: the TypeScript sources through tsx's loader (tests and development need no
// build), with the `@liveview-migrate/source` condition so the packages' own names (the runtime that
// generated code imports) resolve to src/ as well. The installed package's executable is the compiled
// dist/cli/bin.js (package.json `bin`).
import { register as registerHooks } from "node:module";
import { register } from "tsx/esm/api";

const SOURCE_CONDITION = "@liveview-migrate/source";
registerHooks(
  "data:text/javascript," +
    encodeURIComponent(`export function resolve(specifier, context, next) {
  return next(specifier, context.conditions.includes(${JSON.stringify(SOURCE_CONDITION)}) ? context : { ...context, conditions: [...context.conditions, ${JSON.stringify(SOURCE_CONDITION)}] });
}`),
);
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
