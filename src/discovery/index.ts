// Project discovery: which files make up the project, and which of them can be read as source text.
export { DEFAULT_EXCLUDES, DEFAULT_MAX_FILE_BYTES, SOURCE_EXTENSIONS, isSourceFileName } from "./defaults.ts";
export { discoverFiles, type DiscoverOptions, type DiscoveredFile, type Discovery } from "./walk.ts";
export { readSourceFile, sha256, formatBytes, type ReadOptions, type ReadOutcome } from "./read.ts";
export { checkRoot, noSourceFilesProblem, type RootProblem } from "./root.ts";
