// pg-cursor 2.x ships no types; only what postgres.ts uses is declared.
declare module "pg-cursor" {
  import type { Connection, Submittable } from "pg";
  export default class Cursor<Row = unknown> implements Submittable {
    /** rowMode "array": each row as an array of its columns, as pg's own queries can. */
    constructor(text: string, values?: unknown[], config?: { rowMode?: "array" });
    submit(connection: Connection): void;
    /** The next `rows` rows; an empty array once the result is read to its end. */
    read(rows: number): Promise<Row[]>;
    close(): Promise<void>;
  }
}
