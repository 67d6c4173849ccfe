// What `migrate explain` is asked about: "<file>[:<view>[:<key>]]". (Where it analyzes from when
// --root is not given is the project the file belongs to: findProjectRoot in discovery/root.ts.)

/** "<file>[:<view>[:<key>]]": the file part may not contain ":" (POSIX paths; a drive letter is kept). */
export function parseExplainTarget(text: string): { file: string; view?: string; key?: string } {
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? text.slice(0, 2) : "";
  const [file, view, key, ...rest] = text.slice(drive.length).split(":");
  if (rest.length) throw new Error(`expected <file>[:<view>[:<key>]], got "${text}"`);
  return { file: drive + file!, ...(view ? { view } : {}), ...(key ? { key } : {}) };
}
