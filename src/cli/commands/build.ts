// `migrate build [dir]`: builds the browser bundles of the migrated views ahead of time (esbuild, the
// same build the runtime's server makes at run time in development) into build/client/: hashed files
// and a manifest.json the server reads at start instead of building. A production server needs it.

import { join } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../io.ts";
import { projectDirFrom } from "../../discovery/root.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("build")
    .description("build the migrated views' browser bundles ahead of time (build/client/ with a manifest.json)")
    .argument("[dir]", "the app's folder, where its package.json is (default: the project the current folder is in)")
    .option("--out <dir>", "where to write, relative to the app's folder; the server looks in build/client", join("build", "client"))
    .option("--no-minify", "keep the bundles readable")
    .action(async (given: string | undefined, options: { out: string; minify: boolean }) => {
      io.setExitCode(await (await import("../run/build.ts")).runBuild(given ?? projectDirFrom(io.cwd), options, io));
    });
}
