// Parses a campaign file with momoa so every later problem can point at a line and column. A syntax
// error becomes one Problem at the parser's position with a message about the likely slip (trailing
// comma, missing comma, unquoted key), because "Unexpected token RBrace" helps nobody.
import { parse, type DocumentNode, type MemberNode, type ObjectNode, type ValueNode } from "@humanwhocodes/momoa";
import type { Problem } from "../errors.js";
import { didYouMean, suggest } from "./suggest.js";

export type ParseResult = { ok: true; document: DocumentNode } | { ok: false; problem: Problem };

interface Position {
  line: number;
  column: number;
}

/** `file` is the path as shown to the user; `example` shows what the file should hold. */
export function parseJsonFile(text: string, file: string, example = '{ "locale": "de", … }'): ParseResult {
  const at = (pos: Position, message: string): ParseResult => ({
    ok: false,
    problem: { severity: "error", file, line: pos.line, column: pos.column, pointer: "", message },
  });
  if (text.trim() === "") return at({ line: 1, column: 1 }, `the file is empty; it must hold a JSON object: ${example}`);
  let document: DocumentNode;
  try {
    document = parse(text.replace(/^\uFEFF/, " "), { mode: "json" });
  } catch (error) {
    const e = error as { line?: unknown; column?: unknown; offset?: unknown; message?: unknown };
    if (typeof e.line !== "number" || typeof e.column !== "number" || typeof e.offset !== "number") throw error;
    // momoa places a premature end of input inconsistently (sometimes at 1:1, sometimes at the last
    // comma); the place to add what is missing is right after the last written character.
    const end = text.trimEnd().length;
    const atEnd = String(e.message).startsWith("Unexpected end of input") || (e.offset === end - 1 && "{[,:".includes(text[e.offset] ?? ""));
    if (atEnd) return at(positionAt(text, end), explainSyntaxError(text, end));
    return at({ line: e.line, column: e.column }, explainSyntaxError(text, e.offset));
  }
  const control = scan(text, text.length).controlCharacter;
  if (control) return at(control, "a line break or tab inside a text must be written as \\n or \\t");
  if (document.body.type !== "Object") {
    return at(document.body.loc.start, `the file must hold one JSON object: ${example}`);
  }
  const duplicate = findDuplicateKey(document.body);
  if (duplicate) {
    const [first, second] = duplicate;
    return at(
      second.name.loc.start,
      `"${keyOf(second)}" appears twice in this object (first on line ${first.name.loc.start.line}); only the last one would count — remove one`,
    );
  }
  return { ok: true, document };
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export function keyOf(member: MemberNode): string {
  return member.name.type === "String" ? member.name.value : member.name.name;
}

function findDuplicateKey(node: ValueNode): [MemberNode, MemberNode] | undefined {
  if (node.type === "Array") {
    for (const element of node.elements) {
      const found = findDuplicateKey(element.value);
      if (found) return found;
    }
  }
  if (node.type !== "Object") return undefined;
  const seen = new Map<string, MemberNode>();
  for (const member of (node as ObjectNode).members) {
    const first = seen.get(keyOf(member));
    if (first) return [first, member];
    seen.set(keyOf(member), member);
    const found = findDuplicateKey(member.value);
    if (found) return found;
  }
  return undefined;
}

type Expect = "key" | "colon" | "value" | "comma";

interface ScanState {
  /** Open brackets, innermost last, with what the parser expects next inside each. */
  open: { char: string; pos: Position; expect: Expect }[];
  /** Last character outside whitespace before the offset, and where it is. */
  previous?: { char: string; pos: Position };
  /** Start of a string that is still open at the offset. */
  openString?: Position;
  /** First raw line break or tab inside a string. */
  controlCharacter?: Position;
}

// A small string-aware pass over the text up to the error; momoa's error only says where it stopped.
function scan(text: string, end: number): ScanState {
  const state: ScanState = { open: [] };
  const afterValue = () => {
    const top = state.open.at(-1);
    if (top) top.expect = top.expect === "key" ? "colon" : "comma";
  };
  let line = 1;
  let column = 1;
  let inString = false;
  for (let i = 0; i < end; i++) {
    const char = text[i]!;
    const pos = { line, column };
    if (inString) {
      if (char === "\\") {
        i++;
        column++;
      } else if (char === '"') {
        inString = false;
        state.openString = undefined;
        afterValue();
      } else if ((char === "\n" || char === "\t" || char === "\r") && !state.controlCharacter) {
        state.controlCharacter = pos;
      }
    } else if (char === '"') {
      inString = true;
      state.openString = pos;
    } else if (char === "{" || char === "[") {
      state.open.push({ char, pos, expect: char === "{" ? "key" : "value" });
    } else if (char === "}" || char === "]") {
      state.open.pop();
      afterValue();
    } else if (char === ":") {
      if (state.open.at(-1)) state.open.at(-1)!.expect = "value";
    } else if (char === ",") {
      const top = state.open.at(-1);
      if (top) top.expect = top.char === "{" ? "key" : "value";
    } else if (!/\s/.test(char) && state.open.at(-1)?.expect === "value") {
      afterValue();
    }
    if (!/\s/.test(char)) state.previous = { char, pos };
    if (char === "\n") {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return state;
}

const where = (pos: Position) => `line ${pos.line}, column ${pos.column}`;
const CLOSER: Record<string, string> = { "{": "}", "[": "]" };

function explainSyntaxError(text: string, offset: number): string {
  const state = scan(text, offset);
  const char = text[offset] ?? "";
  const previous = state.previous;
  const innermost = state.open.at(-1);
  const found = char === '"' ? "text" : `'${/^[A-Za-z_$][\w$-]*/.exec(text.slice(offset))?.[0] ?? char}'`;

  if (text.slice(offset).trim() === "") {
    if (state.openString) return `unexpected end of file — the text starting at ${where(state.openString)} has no closing '"'`;
    if (innermost) {
      return `unexpected end of file — the '${innermost.char}' at ${where(innermost.pos)} is never closed; is a '${CLOSER[innermost.char]}' missing?`;
    }
    return "unexpected end of file — is the file cut off?";
  }
  if (char === "'") return "unexpected \"'\" — JSON needs double quotes (\") around keys and texts";
  if (char === "/") return "unexpected '/' — JSON does not allow comments";
  if ((char === "}" || char === "]") && previous?.char === ",") {
    return `unexpected '${char}' — is there a trailing comma after the last entry? Remove the ',' at ${where(previous.pos)}`;
  }
  if ((char === "}" || char === "]") && innermost && CLOSER[innermost.char] !== char && innermost.expect === "comma") {
    return `unexpected '${char}' — the '${innermost.char}' at ${where(innermost.pos)} must be closed with '${CLOSER[innermost.char]}' first`;
  }
  switch (innermost?.expect) {
    case "colon":
      return `unexpected ${found} — is a ':' missing after the key?`;
    case "comma":
      return `unexpected ${found} — is a comma missing after the previous entry (${where(previous!.pos)})?`;
    case "key":
      if (char === ",") return "unexpected ',' — one comma too many?";
      if (found !== `'${char}'` || /[A-Za-z_$]/.test(char)) return `unexpected ${found} — keys must be in double quotes: "${found.slice(1, -1)}"`;
      break;
    case "value": {
      const word = found.slice(1, -1);
      if (/^(true|false|null)$/i.test(word)) return `unexpected ${found} — write true, false and null in lower case`;
      if (suggest(word, ["true", "false", "null"])) return `unexpected ${found}${didYouMean(word, ["true", "false", "null"])}`;
      if (/^[A-Za-z_$]/.test(word)) return `unexpected ${found} — texts must be in double quotes: "${word}"`;
      if (/[-\d.]/.test(char)) return `unexpected '${char}' — not a valid number (no leading zeros or '+', a '.' for decimals)`;
      if (char === ",") return "unexpected ',' — an entry is missing or there is one comma too many";
      if (previous?.char === ":") return `unexpected ${found} — a value is missing after the ':' at ${where(previous.pos)}`;
      break;
    }
    case undefined:
      if (previous) return `unexpected ${found} — there must be nothing after the closing '}' of the file`;
  }
  return `unexpected ${found}`;
}
