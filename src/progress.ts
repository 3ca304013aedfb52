// Progress of long work on an interactive terminal: one line per step that counts up in place
// ("  pages 3/12"), then stays as "✓ pages 12 (7.5 s)"; work that runs side by side counts each
// part ("pictures 3/4 · share cards 10/30 · social-media kits 0/2"). In CI logs (no TTY) it prints
// nothing: there the one summary line that follows is what a reader wants.

/** A step of long work and how far it is (a total of 0: not known). */
export interface Progress {
  step: string;
  done: number;
  total: number;
  /** Work that runs side by side, each with its own count (a total of 0: not known yet). */
  parts?: { name: string; done: number; total: number }[];
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressPrinter {
  (progress: Progress): void;
  /** Ends the last step's line; call before printing the summary. */
  finish(): void;
}

export function terminalProgress(stream: ProgressStream = process.stdout, clock: () => number = () => performance.now()): ProgressPrinter | undefined {
  if (!stream.isTTY) return undefined;
  let current: Progress | undefined;
  let since = 0;
  const tally = (done: number, total: number) => (total ? `${done}/${total}` : done ? String(done) : "…");
  const counted = (p: Progress) => (p.parts ? p.parts.map((part) => `${part.name} ${tally(part.done, part.total)}`).join(" · ") : tally(p.done, p.total));
  const close = () => {
    if (!current) return;
    const count = current.parts ? `: ${current.parts.map((part) => `${part.name} ${part.done}`).join(", ")}` : current.total || current.done ? ` ${current.done}` : "";
    stream.write(`\r\x1b[K  ✓ ${current.step}${count} (${((clock() - since) / 1000).toFixed(1)} s)\n`);
  };
  const printer = ((p: Progress) => {
    if (p.step !== current?.step) {
      close();
      since = clock();
    }
    current = p;
    stream.write(`\r\x1b[K    ${p.step} ${counted(p)}`);
  }) as ProgressPrinter;
  printer.finish = () => {
    close();
    current = undefined;
  };
  return printer;
}
