// verify's defaults, in a module of their own: the CLI's help names them without loading the verifier.

/** Time limit per view in ms: a view over it is not verifiable (TIMEOUT). */
export const DEFAULT_VIEW_TIMEOUT_MS = 60_000;
