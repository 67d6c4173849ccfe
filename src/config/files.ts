// The config file names, in the order they are looked for: on their own so that finding a project's
// root (every command's default folder, before `--help` returns) does not load the config schema.
export const CONFIG_FILES = ["migrate.config.ts", "migrate.config.js", "migrate.config.json"] as const;
