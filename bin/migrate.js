#!/usr/bin/env node
// The CLI is written in TypeScript; tsx's loader lets the package run its sources directly.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
