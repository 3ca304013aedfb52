// A password for `mitreden user add|password`: from standard input (--password-stdin, for scripts:
// `printf '%s\n' "$PW" | mitreden user add anna --role admin --password-stdin`), or typed at a
// prompt that does not echo it, twice. Never an argument: arguments end up in the shell history
// and the process list.
import { UsageError } from "./errors.js";

export async function readPassword(options: { fromStdin: boolean; input?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): void }; output?: NodeJS.WritableStream }): Promise<string> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  if (options.fromStdin) {
    let text = "";
    for await (const chunk of input) text += String(chunk);
    // One line: the line break a shell adds is not part of the password.
    return text.replace(/\r?\n$/, "");
  }
  if (!input.isTTY || !input.setRawMode) throw new UsageError("No terminal to ask for the password. Pipe it in with --password-stdin.");
  const first = await prompt(input, output, "Password: ");
  const second = await prompt(input, output, "Again: ");
  if (first !== second) throw new UsageError("The two passwords differ; nothing was changed.");
  return first;
}

function prompt(input: NodeJS.ReadableStream & { setRawMode?(raw: boolean): void }, output: NodeJS.WritableStream, question: string): Promise<string> {
  output.write(question);
  input.setRawMode!(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === "\r" || ch === "\n") {
          done();
          resolve(typed);
          return;
        }
        if (ch === "\u0003") {
          done();
          reject(new UsageError("Cancelled."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    const done = () => {
      input.removeListener("data", onData);
      input.setRawMode!(false);
      input.pause();
      output.write("\n");
    };
    input.on("data", onData);
  });
}
