// Route patterns like "/volunteers/:id": literal segments, `:name` params, and a trailing `*`.

export interface CompiledPath {
  pattern: string;
  match(pathname: string): Record<string, string> | undefined;
}

export function compilePath(pattern: string): CompiledPath {
  const segments = split(pattern);
  const wildcard = segments[segments.length - 1] === "*";
  if (wildcard) segments.pop();
  return {
    pattern,
    match(pathname) {
      const parts = split(pathname);
      if (wildcard ? parts.length < segments.length : parts.length !== segments.length) return undefined;
      const params: Record<string, string> = Object.create(null);
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        let part: string;
        try {
          part = decodeURIComponent(parts[i]);
        } catch {
          return undefined;
        }
        if (segment.startsWith(":")) params[segment.slice(1)] = part;
        else if (segment !== part) return undefined;
      }
      if (wildcard) params["*"] = parts.slice(segments.length).join("/");
      return params;
    },
  };
}

function split(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}
