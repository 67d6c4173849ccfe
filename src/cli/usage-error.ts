// A mistake in how the tool was called (bad option, missing folder): the message is for a person,
// main() prints it and exits 64. Thrown from command actions so they can stop at once.
export class UsageError extends Error {
  readonly code: string;
  constructor(message: string, code = "USAGE") {
    super(message);
    this.name = "UsageError";
    this.code = code;
  }
}
