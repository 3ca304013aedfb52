// pg-cursor 2.x ships no types; only what postgres.ts uses is declared.
declare module "pg-cursor" {
  import type { Connection, Submittable } from "pg";
  export default class Cursor<Row = unknown> implements Submittable {
    constructor(text: string, values?: unknown[]);
    submit(connection: Connection): void;
    /** The next `rows` rows; an empty array once the result is read to its end. */
    read(rows: number): Promise<Row[]>;
    close(): Promise<void>;
  }
}
