// Apply lists the packages migrated code brings (the runtime, zod for command schemas) in the
// package.json nearest each generated file, keeping the file's layout; what a project lists stays.
import { describe, expect, it } from "vitest";
import { dependencyChanges, importedPackages, withDependencies } from "../../src/codemods/package-dependencies.ts";

const needed = new Map([
  ["@liveview-migrate/runtime", "^0.1.0"],
  ["zod", "^3.25.0"],
]);

describe("withDependencies", () => {
  it("adds in name order when the project's dependencies were in name order, keeping a 4-space indent", () => {
    const before = `{\n    "name": "app",\n    "dependencies": {\n        "express": "^4.19.2",\n        "liveviewjs": "^0.8.1"\n    }\n}\n`;
    expect(withDependencies(before, needed)).toBe(
      `{\n    "name": "app",\n    "dependencies": {\n        "@liveview-migrate/runtime": "^0.1.0",\n        "express": "^4.19.2",\n        "liveviewjs": "^0.8.1",\n        "zod": "^3.25.0"\n    }\n}\n`,
    );
  });

  it("appends after dependencies the project did not keep in order, and keeps CRLF and a missing final newline", () => {
    const before = `{\r\n  "dependencies": {\r\n    "liveviewjs": "^0.8.1",\r\n    "express": "^4.19.2"\r\n  }\r\n}`;
    expect(withDependencies(before, needed)).toBe(`{\r\n  "dependencies": {\r\n    "liveviewjs": "^0.8.1",\r\n    "express": "^4.19.2",\r\n    "@liveview-migrate/runtime": "^0.1.0",\r\n    "zod": "^3.25.0"\r\n  }\r\n}`);
  });

  it("leaves a package the project lists in any dependency field with its own range", () => {
    const before = `{\n  "devDependencies": { "zod": "3.22.4" },\n  "peerDependencies": { "@liveview-migrate/runtime": "*" }\n}\n`;
    expect(withDependencies(before, needed)).toBeNull();
    expect(JSON.parse(withDependencies(`{"devDependencies":{"zod":"3.22.4"}}`, needed)!)).toEqual({ devDependencies: { zod: "3.22.4" }, dependencies: { "@liveview-migrate/runtime": "^0.1.0" } });
  });
});

describe("dependencyChanges", () => {
  const files: Record<string, string> = {
    "package.json": `{ "name": "monorepo", "private": true }`,
    "apps/web/package.json": `{\n  "name": "web",\n  "dependencies": {}\n}\n`,
    "apps/broken/package.json": `{ "name": `,
  };
  const read = async (file: string) => files[file] ?? null;

  it("goes to the nearest package.json, only for the packages the changed code imports", async () => {
    const result = await dependencyChanges(
      [
        { file: "apps/web/src/views/a.component.ts", after: `import { mount } from "@liveview-migrate/runtime";\nimport { html } from "@liveview-migrate/runtime/template";` },
        { file: "apps/web/src/views/a.commands.ts", after: `import { defineCommands } from "@liveview-migrate/runtime/server";\nimport { z } from "zod";\nimport express from "express";` },
        { file: "tools/b.component.ts", after: `import { mount } from "@liveview-migrate/runtime";` },
        { file: "apps/web/src/views/a.ts", after: `import { createLiveView } from "liveviewjs";` },
      ],
      read,
    );
    expect(result.warnings).toEqual([]);
    expect(result.changes.map((c) => c.file).sort()).toEqual(["apps/web/package.json", "package.json"]);
    expect(JSON.parse(result.changes.find((c) => c.file === "apps/web/package.json")!.after).dependencies).toEqual({ "@liveview-migrate/runtime": expect.stringMatching(/^\^\d/), zod: expect.any(String) });
    expect(JSON.parse(result.changes.find((c) => c.file === "package.json")!.after).dependencies).toEqual({ "@liveview-migrate/runtime": expect.any(String) });
  });

  it("warns, naming what to add, when the package.json does not parse or there is none", async () => {
    const broken = await dependencyChanges([{ file: "apps/broken/x.commands.ts", after: `import { z } from "zod";` }], read);
    expect(broken.changes).toEqual([]);
    expect(broken.warnings).toEqual([expect.stringMatching(/^apps\/broken\/package\.json is not valid JSON .*add zod to its dependencies by hand$/)]);
    const none = await dependencyChanges([{ file: "src/x.component.ts", after: `import { mount } from "@liveview-migrate/runtime";` }], async () => null);
    expect(none.warnings).toEqual([expect.stringMatching(/^no package\.json holds the migrated files: add @liveview-migrate\/runtime@\^\d/)]);
  });

  it("reads imports of every form, bare package names only", () => {
    expect([...importedPackages(`import type { A } from "@liveview-migrate/runtime/server";\nexport { z } from "zod";\nconst m = await import("morphdom");\nimport "./local.ts";\nimport fs from "node:fs";`)].sort()).toEqual(["@liveview-migrate/runtime", "fs", "morphdom", "zod"]);
  });
});
