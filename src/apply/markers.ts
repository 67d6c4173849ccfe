// `// @migrate-todo(CODE): message` markers: what the tool could not migrate safely, left in the
// source for a person. One format, written by codemods and found again by `migrate check`.

export const MARKER_PATTERN = /\/\/\s*@migrate-todo\(([A-Z0-9_]+)\):\s*(.*)$/;

export function markerComment(code: string, message: string): string {
  return `// @migrate-todo(${code}): ${message.replace(/\s+/g, " ").trim()}`;
}

export interface FoundMarker {
  file: string;
  line: number;
  code: string;
  message: string;
}

export function findMarkers(file: string, text: string): FoundMarker[] {
  const found: FoundMarker[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const match = MARKER_PATTERN.exec(line);
    if (match) found.push({ file, line: index + 1, code: match[1]!, message: match[2]!.trim() });
  });
  return found;
}
