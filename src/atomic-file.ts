// One way to write a file that others may be reading at the same moment (a preview server, a
// second build sharing the cache, a crash half-way): write-file-atomic writes a temporary file in
// the same folder, fsyncs it and renames it over the target, and removes it again on error. A
// reader sees the old bytes or the new ones, never half a stylesheet, font or PNG. The rename also
// gives the file a new inode, so a site's hard link to a cache entry (linkOrCopy) keeps its bytes.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";

/** Writes `content` to `file` atomically, creating its folder when needed. */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const data = typeof content === "string" || Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  await writeFileAtomic(file, data);
}
