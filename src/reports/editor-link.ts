// Report links open the file at the line in an editor (issue 16). The template comes from the config's
// `report.editorLink` or `--editor-link`: `{file}` is the file's absolute path with forward slashes,
// always starting with "/" (`/home/me/app/src/x.ts`, `/C:/app/src/x.ts`), each segment URL-encoded;
// `{line}` is the 1-based line. `file://{file}` opens the file in the browser instead.

import { isAbsolute, join } from "node:path";

export const DEFAULT_EDITOR_LINK = "vscode://file{file}:{line}";

/** The template with `{file}` filled in for one root-relative file; `{line}` is left for the page. */
export function editorLinkForFile(template: string, root: string, file: string): string {
  const absolute = (isAbsolute(file) ? file : join(root, file)).replace(/\\/g, "/");
  const path = (absolute.startsWith("/") ? absolute : `/${absolute}`)
    .split("/")
    // a drive letter's colon stays as it is (`/C:/…`); anything else that is not a plain path character is encoded
    .map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join("/");
  return template.split("{file}").join(path);
}

/** One link: what the page does with a file's link and a line. */
export function editorLink(template: string, root: string, file: string, line: number): string {
  return editorLinkForFile(template, root, file).split("{line}").join(String(line));
}
