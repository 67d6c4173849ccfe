// Nesting limit (issue 17: "the analyzer never loses a file"). The TypeScript parser recurses once per
// level of brackets, template `${`, arrow bodies, ternaries, `else if`, prefix operators, `**` and type
// arguments: past a few hundred levels it runs out of stack, and where that happens depends on the
// thread (worker threads have another stack size) and on the JIT. So the nesting is measured first,
// from the tokens, with an explicit limit: the same text gives the same answer on every thread.
// A part nested past the limit is cut out (blanked, keeping every offset and line) before parsing; the
// views that contain it are left out and the file gets a TOO_DEEP error naming the line. Long
// left-nested chains (`a + b + …`, `x.then().then()…`, `a.b.c…`) are built by the parser in a loop:
// they do not count here, the passes walk them without recursion (walkTree in ast.ts).

import { ts } from "ts-morph";

/** Levels of nesting the analysis accepts; the parser's own limit is ~540 objects deep on the main thread. */
export const MAX_NESTING = 200;

// Costs in quarter levels: a bracket is a level; chained `=>` half of one; `?`, `=`, `**`, `else`,
// a nested `if` or a run of prefix operators a quarter (each costs the parser that much less stack,
// measured on the main thread: objects ~540 deep, arrow chains ~1,100, `!` runs ~3,000, ternaries ~8,700).
const UNITS = 4;
const BRACKET = 4;
const ARROW = 2;
const CHAIN = 1;
const LIMIT = MAX_NESTING * UNITS;

export interface DeepRegion {
  /** Where the nesting first passed the limit (the line named in the error). */
  at: number;
  /** The inside of the innermost bracket within the limit that holds it: what is blanked out. */
  start: number;
  end: number;
  /** Replacement for the first character, so that the blanked bracket still parses ("" = all blanks). */
  filler: "" | "0";
}

export interface NestingScan {
  regions: DeepRegion[];
  /** Set when the limit is passed outside any bracket (nothing to cut out): the offset where. */
  unrecoverable?: number;
}

interface Frame {
  kind: ts.SyntaxKind;
  /** Cost of the levels up to and including this bracket. */
  base: number;
  /** Right-nested chain at this level since the last `,` `;` or statement start. */
  chain: number;
  /** Open `<` at this level (type arguments). */
  angle: number;
  /** Offset just after the opening token. */
  start: number;
  /** The token before the opening one (decides what keeps a blanked `(…)` parseable). */
  before: ts.SyntaxKind;
}

const K = ts.SyntaxKind;
const OPERAND_END = new Set<ts.SyntaxKind>([
  K.Identifier, K.PrivateIdentifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.NoSubstitutionTemplateLiteral,
  K.TemplateTail, K.RegularExpressionLiteral, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken, K.PlusPlusToken,
  K.MinusMinusToken, K.ThisKeyword, K.SuperKeyword, K.TrueKeyword, K.FalseKeyword, K.NullKeyword,
]);
/** Keywords after which an expression (or a type) starts: `/` begins a regular expression, an operator is a prefix. */
const EXPRESSION_KEYWORDS = new Set<ts.SyntaxKind>([
  K.ReturnKeyword, K.TypeOfKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword, K.InKeyword, K.OfKeyword, K.NewKeyword,
  K.DeleteKeyword, K.VoidKeyword, K.ThrowKeyword, K.YieldKeyword, K.AwaitKeyword, K.InstanceOfKeyword, K.ExtendsKeyword,
  K.KeyOfKeyword, K.ReadonlyKeyword, K.UniqueKeyword, K.InferKeyword,
]);
const STATEMENT_KEYWORDS = new Set<ts.SyntaxKind>([
  K.ForKeyword, K.WhileKeyword, K.DoKeyword, K.ReturnKeyword, K.ConstKeyword, K.LetKeyword, K.VarKeyword, K.SwitchKeyword,
  K.TryKeyword, K.ThrowKeyword, K.CaseKeyword, K.DefaultKeyword, K.ImportKeyword, K.ExportKeyword, K.BreakKeyword, K.ContinueKeyword,
]);
const PREFIX = new Set<ts.SyntaxKind>([
  K.ExclamationToken, K.TildeToken, K.PlusToken, K.MinusToken, K.PlusPlusToken, K.MinusMinusToken, K.TypeOfKeyword,
  K.VoidKeyword, K.DeleteKeyword, K.AwaitKeyword, K.NewKeyword, K.YieldKeyword, K.DotDotDotToken, K.KeyOfKeyword,
]);
/** Tokens after which `(` opens arguments or parameters. */
const CALLEE_END = new Set<ts.SyntaxKind>([
  K.Identifier, K.PrivateIdentifier, K.CloseParenToken, K.CloseBracketToken, K.GreaterThanToken, K.FunctionKeyword, K.SuperKeyword,
  K.ImportKeyword, K.AsyncKeyword, K.GetKeyword, K.SetKeyword, K.ConstructorKeyword, K.QuestionDotToken,
]);
const CLOSER: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = { [K.CloseParenToken]: K.OpenParenToken, [K.CloseBracketToken]: K.OpenBracketToken };

function endsOperand(kind: ts.SyntaxKind): boolean {
  return OPERAND_END.has(kind) || (kind >= K.FirstKeyword && kind <= K.LastKeyword && !EXPRESSION_KEYWORDS.has(kind));
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= K.FirstAssignment && kind <= K.LastAssignment;
}

/** One pass over the tokens (no parsing, no recursion): the parts nested past MAX_NESTING. */
export function scanNesting(text: string, path: string): NestingScan {
  const jsx = /\.[jt]sx$/.test(path);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const file: Frame = { kind: K.SourceFile, base: 0, chain: 0, angle: 0, start: 0, before: K.Unknown };
  const frames: Frame[] = [file];
  const regions: DeepRegion[] = [];
  /** The bracket being cut out, and where the limit was passed inside it. */
  let cutting: { frame: Frame; at: number } | undefined;
  let prev: ts.SyntaxKind = K.Unknown;
  /** The previous token ends an operand (a name, a literal, a closing bracket, a postfix `!`): what follows is an operator. */
  let afterOperand = false;
  let prevPrefix = false;

  const top = () => frames[frames.length - 1]!;
  const cost = (f: Frame) => f.base + f.chain + f.angle * BRACKET;
  const reset = (f: Frame) => {
    f.chain = 0;
    f.angle = 0;
  };
  const close = (opener: ts.SyntaxKind, end: number): void => {
    let index = frames.length - 1;
    while (index > 0 && frames[index]!.kind !== opener) index--;
    // A stray closer (broken code, or a `/` taken for division): nothing to match.
    if (index <= 0) return;
    const closed = frames.splice(index);
    if (cutting && closed.includes(cutting.frame)) {
      const f = cutting.frame;
      // `f(…)`, `function g(…)`, `(…) =>`: empty brackets parse; elsewhere `(…)` is an expression and needs one.
      const keepsCall = f.kind === K.OpenParenToken && (CALLEE_END.has(f.before) || /^\s*=>/.test(text.slice(end + 1, end + 40)));
      regions.push({ at: cutting.at, start: f.start, end, filler: f.kind === K.OpenBraceToken || keepsCall ? "" : "0" });
      cutting = undefined;
    }
  };

  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    const pos = scanner.getTokenStart();
    if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && !afterOperand) kind = scanner.reScanSlashToken();
    let f = top();
    // A line break between an operand and a name starts a new statement (code without semicolons).
    if (scanner.hasPrecedingLineBreak() && afterOperand && (kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword && !EXPRESSION_KEYWORDS.has(kind) && kind !== K.AsKeyword && kind !== K.SatisfiesKeyword))) reset(f);
    const prefix = PREFIX.has(kind) && !afterOperand;
    let pushed = false;
    switch (kind) {
      case K.OpenParenToken:
      case K.OpenBracketToken:
      case K.OpenBraceToken:
      case K.TemplateHead:
        frames.push({ kind: kind === K.TemplateHead ? K.TemplateHead : kind, base: cost(f) + BRACKET, chain: 0, angle: 0, start: scanner.getTokenEnd(), before: prev });
        pushed = true;
        break;
      case K.CloseParenToken:
      case K.CloseBracketToken:
        close(CLOSER[kind]!, pos);
        break;
      case K.CloseBraceToken:
        if (f.kind === K.TemplateHead) {
          // The `}` of a `${…}`: the template goes on (middle) or ends (tail).
          kind = scanner.reScanTemplateToken(false);
          if (kind === K.TemplateTail) close(K.TemplateHead, pos);
          else reset(f);
        } else close(K.OpenBraceToken, pos);
        break;
      case K.SemicolonToken:
        reset(f);
        break;
      case K.CommaToken:
        f.chain = 0;
        break;
      case K.EqualsGreaterThanToken:
        f.chain += ARROW;
        break;
      case K.QuestionToken:
      case K.AsteriskAsteriskToken:
      case K.ElseKeyword:
        f.chain += CHAIN;
        break;
      case K.IfKeyword:
        // `if (a) if (b)` nests; an `if` after `else` was counted there; any other starts a statement.
        if (prev === K.CloseParenToken) f.chain += CHAIN;
        else if (prev !== K.ElseKeyword) reset(f);
        break;
      case K.LessThanToken:
        f.angle++;
        break;
      case K.GreaterThanToken:
        if (f.angle > 0) f.angle--;
        break;
      default:
        if (isAssignment(kind)) f.chain += CHAIN;
        else if (prefix && prevPrefix) f.chain += CHAIN;
        else if (STATEMENT_KEYWORDS.has(kind)) reset(f);
    }
    prev = kind;
    prevPrefix = prefix;
    // `a!!` (non-null) and `a++` are postfix: still after an operand.
    afterOperand = endsOperand(kind) || (afterOperand && kind === K.ExclamationToken);
    if (cutting) continue;
    f = top();
    if (cost(f) <= LIMIT) continue;
    // Cut out the inside of the innermost bracket still within the limit.
    const holder = pushed ? frames[frames.length - 2]! : f;
    if (holder === file) return { regions, unrecoverable: pos };
    cutting = { frame: holder, at: pos };
  }
  // A bracket being cut out that never closes: nothing well-formed is left to cut.
  if (cutting) return { regions, unrecoverable: cutting.at };
  return { regions };
}

/** 1-based line of an offset (line breaks as TypeScript counts them), without parsing. */
export function lineAt(text: string, pos: number): number {
  return text.slice(0, pos).split(/\r\n|[\n\r\u2028\u2029]/).length;
}

/** The text with each region blanked (line breaks kept, so every offset and line stays where it was). */
export function blankRegions(text: string, regions: readonly DeepRegion[]): string {
  let out = "";
  let from = 0;
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    let inside = text.slice(region.start, region.end).replace(/[^\n\r\u2028\u2029]/g, " ");
    if (region.filler) inside = inside.replace(" ", region.filler);
    out += text.slice(from, region.start) + inside;
    from = region.end;
  }
  return out + text.slice(from);
}
