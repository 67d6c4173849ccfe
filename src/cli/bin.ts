#!/usr/bin/env node
// The installed executable (`migrate`, compiled to dist/cli/bin.js): plain Node, no loader. A checkout
// runs the sources through bin/migrate.js instead.
import { main } from "./main.ts";

process.exitCode = await main(process.argv);
