// What a command may touch of the outside world: two output streams, the environment and the
// working directory. Tests pass their own; `processIo()` is the real one. Commands report their
// exit code through `setExitCode` (commander ignores action return values).

import pc from "picocolors";
import type { Colors } from "picocolors/types";

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  /** Relative paths on the command line resolve against this. */
  cwd: string;
  setExitCode(code: number): void;
  /** --quiet / --verbose (set from the command line before a command runs; "normal" when absent). */
  verbosity?: Verbosity;
}

export type Verbosity = "quiet" | "normal" | "verbose";

/**
 * Informational output on stdout (summaries, per-view lines, where files were written): not with
 * --quiet. What a command was asked for (--json, a dry run's diff, check's markers, explain) is
 * written directly, and errors and warnings go to stderr whatever the verbosity.
 */
export function say(io: CliIo, text: string): void {
  if (io.verbosity !== "quiet") io.stdout.write(text);
}

/** More detail, only with --verbose (each view's notes, timings). */
export function detail(io: CliIo, text: string): void {
  if (io.verbosity === "verbose") io.stdout.write(text);
}

const EPIPE_HANDLED = Symbol("liveview-migrate EPIPE handler");

export function processIo(setExitCode: (code: number) => void): CliIo {
  // `migrate analyze . --json | head`: a reader that stops early is not an error worth a stack trace.
  // (installed whatever else listens: a loader may have its own listener on stdout)
  for (const stream of [process.stdout, process.stderr] as (NodeJS.WriteStream & { [EPIPE_HANDLED]?: true })[]) {
    if (stream[EPIPE_HANDLED]) continue;
    stream[EPIPE_HANDLED] = true;
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), setExitCode };
}

/** Colours only on a terminal, never with NO_COLOR (https://no-color.org) or TERM=dumb. */
export function colorEnabled(stream: OutputStream, env: CliIo["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  // FORCE_COLOR (as Node and most tools read it): colours on a pipe too; "0" or "false" turns them off
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

export function colorsFor(stream: OutputStream, env: CliIo["env"]): Colors {
  return pc.createColors(colorEnabled(stream, env));
}
