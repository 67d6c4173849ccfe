import { describe, expect, it } from "vitest";
import { applyEdits, detectEol, OverlappingEditsError } from "../../src/apply/edits.ts";
import { findMarkers, markerComment } from "../../src/apply/markers.ts";
import { markerEdits } from "../../src/codemods/insert-markers.ts";

const file = "a.ts";

describe("applyEdits", () => {
  it("keeps every byte outside the edited ranges", () => {
    const original = "const a = 1; // keep me\nconst b = 2;\n";
    const out = applyEdits(original, [{ file, start: 10, end: 11, text: "42" }]);
    expect(out).toBe("const a = 42; // keep me\nconst b = 2;\n");
  });

  it("applies edits given in any order in one pass, insertions at one offset in given order", () => {
    const out = applyEdits("abc", [
      { file, start: 3, end: 3, text: "!" },
      { file, start: 0, end: 0, text: "1" },
      { file, start: 0, end: 0, text: "2" },
      { file, start: 1, end: 2, text: "B" },
    ]);
    expect(out).toBe("12aBc!");
  });

  it("treats overlapping ranges as a bug", () => {
    expect(() => applyEdits("abcdef", [{ file, start: 0, end: 3, text: "x" }, { file, start: 2, end: 4, text: "y" }])).toThrow(OverlappingEditsError);
  });

  it("writes inserted text with the file's line ending and keeps a BOM and a missing EOF newline", () => {
    const original = "\uFEFFa\r\nb";
    expect(detectEol(original)).toBe("\r\n");
    expect(applyEdits(original, [{ file, start: 1, end: 1, text: "// x\n" }])).toBe("\uFEFF// x\r\na\r\nb");
  });
});

describe("markers", () => {
  it("go on their own line above the construct, indented like it, and are not added twice", () => {
    const text = "function f() {\n  socket.tempAssign({ a: [] });\n}\n";
    const pos = text.indexOf("socket");
    const first = markerEdits(file, text, [{ code: "TEMP_ASSIGN", message: "keep the list in client state", pos }]);
    const once = applyEdits(text, first.edits);
    expect(once).toBe("function f() {\n  // @migrate-todo(TEMP_ASSIGN): keep the list in client state\n  socket.tempAssign({ a: [] });\n}\n");
    expect(first.rows).toEqual([{ file, line: 2, code: "TEMP_ASSIGN", message: "keep the list in client state" }]);
    const again = markerEdits(file, once, [{ code: "TEMP_ASSIGN", message: "keep the list in client state", pos: once.indexOf("socket") }]);
    expect(again.edits).toEqual([]);
    expect(findMarkers(file, once)).toEqual([{ file, line: 2, code: "TEMP_ASSIGN", message: "keep the list in client state" }]);
  });

  it("has one format", () => {
    expect(markerComment("UPLOAD", "use  a client\nfile input")).toBe("// @migrate-todo(UPLOAD): use a client file input");
  });
});
