// Exit codes (DESIGN.md, docs/cli.md). 64 is EX_USAGE from sysexits.h; 70 is EX_SOFTWARE (a bug).
export const EXIT_OK = 0;
/** Some files could not be analyzed (or applied); the rest were. */
export const EXIT_FILES_FAILED = 1;
/** `apply` finished but left @migrate-todo markers. */
export const EXIT_MARKERS_LEFT = 2;
export const EXIT_USAGE = 64;
export const EXIT_INTERNAL = 70;
