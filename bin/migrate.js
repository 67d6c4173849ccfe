#!/usr/bin/env node
// A checkout's `migrate`: the TypeScript sources through tsx's loader (tests and development need no
// build). The installed package's executable is the compiled dist/cli/bin.js (package.json `bin`).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
