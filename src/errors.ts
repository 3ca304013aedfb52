// One base error; small named subclasses where they are thrown. The CLI prints the message chain
// once (a stack only with DEBUG=mitreden) and sets process.exitCode instead of exiting.

export class MitredenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A problem found in a campaign file, reported as `file:line:col  /pointer  message`. */
export interface Problem {
  severity: "error" | "warning";
  /** Path of the file as the user sees it (relative to the working directory). */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** JSON pointer into the merged campaign (site.json + campaign.json), "" for the whole file. */
  pointer: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const label = p.severity === "warning" ? "warning: " : "";
  return `${where}  ${p.pointer || "/"}  ${label}${p.message}`;
}

export class CampaignValidationError extends MitredenError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    super(
      `${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the campaigns:\n` +
        errors.map(formatProblem).join("\n"),
    );
    this.problems = problems;
  }
}

/** A prerequisite the machine lacks (Chromium, a database); the message says how to install it. */
export class MissingPrerequisiteError extends MitredenError {}

/** Wrong command-line use; the message says the right one. */
export class UsageError extends MitredenError {}
