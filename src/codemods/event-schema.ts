// A params schema for a command that runs an event's server work, read from the view's own event
// type (`createLiveView<Ctx, Events>`): a field of the wrong kind is a 422 with a message, not a
// TypeError inside the command. The schema accepts what a browser sends for the declared type (forms
// and phx-value-* send strings, hooks send JSON), never more precisely than the original checked at
// run time: a union of string literals accepts any string, as LiveViewJS did.

import { ts } from "ts-morph";

/** `z.object({ … }).passthrough()` fields for the event named `name`, or undefined when its type cannot be read here. */
export function eventSchemaFields(sf: ts.SourceFile, typeName: string | undefined, name: string): string[] | undefined {
  const members = typeName ? unionMembers(sf, typeName) : undefined;
  if (!members) return undefined;
  const fields = new Map<string, string>();
  let found = false;
  for (const member of members) {
    const literals = literalParts(member);
    const typeProperty = literals.flatMap((l) => l.members).find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && propertyName(m) === "type");
    if (!typeProperty?.type || !typeLiterals(typeProperty.type).includes(name)) continue;
    found = true;
    for (const literal of literals) {
      for (const m of literal.members) {
        if (!ts.isPropertySignature(m)) continue;
        const key = propertyName(m);
        if (key === undefined || key === "type") continue;
        // every field may be missing, as in LiveViewJS (an unchecked checkbox is absent whatever the type says):
        // what is checked is the kind of value a field holds when it is there
        fields.set(key, `${JSON.stringify(key)}: ${zodFor(m.type)}.optional()`);
      }
    }
  }
  return found ? [...fields.values()] : undefined;
}

/** The members of a union type alias declared in this file (one member for a plain object type). */
function unionMembers(sf: ts.SourceFile, typeName: string): ts.TypeNode[] | undefined {
  const alias = sf.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === typeName && !s.typeParameters);
  if (alias) return flattenUnion(alias.type);
  const iface = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === typeName && !s.typeParameters && !s.heritageClauses);
  return iface ? [ts.factory.createTypeLiteralNode(iface.members)] : undefined;
}

function flattenUnion(node: ts.TypeNode): ts.TypeNode[] {
  if (ts.isParenthesizedTypeNode(node)) return flattenUnion(node.type);
  return ts.isUnionTypeNode(node) ? node.types.flatMap(flattenUnion) : [node];
}

/** The object literal types of a member: itself, or the literal parts of an intersection (`{…} & Record<string, string>`). */
function literalParts(node: ts.TypeNode): ts.TypeLiteralNode[] {
  if (ts.isParenthesizedTypeNode(node)) return literalParts(node.type);
  if (ts.isTypeLiteralNode(node)) return [node];
  if (ts.isIntersectionTypeNode(node)) return node.types.flatMap(literalParts);
  return [];
}

function propertyName(m: ts.PropertySignature): string | undefined {
  return ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : undefined;
}

function typeLiterals(node: ts.TypeNode): string[] {
  if (ts.isParenthesizedTypeNode(node)) return typeLiterals(node.type);
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return [node.literal.text];
  if (ts.isUnionTypeNode(node)) return node.types.flatMap(typeLiterals);
  return [];
}

/** What a browser may send for a field of this declared type. */
function zodFor(node: ts.TypeNode | undefined): string {
  if (!node) return "z.unknown()";
  if (ts.isParenthesizedTypeNode(node)) return zodFor(node.type);
  if (ts.isUnionTypeNode(node)) {
    const kinds = new Set(node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)).map(zodFor));
    const nullable = node.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
    const one = kinds.size === 1 ? [...kinds][0]! : "z.unknown()";
    return nullable && one !== "z.unknown()" ? `${one}.nullable()` : one;
  }
  if (node.kind === ts.SyntaxKind.StringKeyword || ts.isTemplateLiteralTypeNode(node) || (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))) return "z.string()";
  // a number or a boolean comes from a form as its text, from a hook as itself
  if (node.kind === ts.SyntaxKind.NumberKeyword || (ts.isLiteralTypeNode(node) && ts.isNumericLiteral(node.literal))) return "z.union([z.number(), z.string()])";
  if (node.kind === ts.SyntaxKind.BooleanKeyword || (ts.isLiteralTypeNode(node) && (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword))) return "z.union([z.boolean(), z.string()])";
  if (ts.isArrayTypeNode(node) && zodFor(node.elementType) === "z.string()") return "z.array(z.string())";
  return "z.unknown()";
}
