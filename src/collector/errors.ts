// The collector's one HTTP error type (as in unjs/h3): a status code, the issues as data, and a
// JSON body that names each field and the reason. A failed validation is a 400, never a 500.
import { STATUS_CODES } from "node:http";
import { MitredenError } from "../errors.js";
import type { FieldIssue } from "../forms/issues.js";

/** An issue as the collector sends it: the field, the machine-readable reason, and a sentence for people. */
export interface ReportedIssue extends FieldIssue {
  message: string;
}

export interface HttpErrorData {
  issues: ReportedIssue[];
  /** Seconds until a rate-limited client may try again. */
  retryAfter?: number;
}

export class HttpError extends MitredenError {
  readonly statusCode: number;
  readonly data: HttpErrorData;

  constructor(statusCode: number, message: string, data: HttpErrorData, options?: { cause?: unknown }) {
    super(message, options);
    this.statusCode = statusCode;
    this.data = data;
  }

  toJSON(): { statusCode: number; error: string; message: string; data: HttpErrorData } {
    return { statusCode: this.statusCode, error: STATUS_CODES[this.statusCode] ?? "Error", message: this.message, data: this.data };
  }
}
