// New files are formatted with prettier using the analyzed project's own config (resolveConfig
// looks from the new file's path up). Existing files are never reformatted: their edits are text ranges.

import { basename } from "node:path";
import * as prettier from "prettier";
import { isJavaScriptFile, stripTypes } from "./strip-types.ts";

export async function formatNewFile(absolutePath: string, text: string): Promise<string> {
  const config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  if (isJavaScriptFile(absolutePath)) text = stripTypes(text);
  // Templates move unchanged: prettier must not reformat the html inside `html\`...\`` (whitespace is rendered).
  return prettier.format(text, { ...config, filepath: basename(absolutePath), embeddedLanguageFormatting: "off" });
}
