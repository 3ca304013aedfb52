// `serve` rebuilds when anything under the campaigns folder changes. chokidar (as Eleventy itself
// uses) watches each folder rather than each file, so a file saved by replacing it (`sed -i`, most
// editors' atomic save: write a temporary file, rename it over) is seen every time, and so are new
// campaigns, deleted files and changed pictures. Node 20's own recursive fs.watch lost track of a
// replaced file after the first save and stopped rebuilding without a word.
import path from "node:path";
import { watch } from "chokidar";

export interface RebuildOnChangeOptions {
  /** Quiet time after the last change before a rebuild starts, so one save is one rebuild (default 150 ms). */
  delayMs?: number;
  /** Paths never to react to (e.g. the output folder when it lies inside the watched one). */
  ignore?: string[];
  /** Where watcher errors go (e.g. too many watched files). */
  onError?: (error: Error) => void;
}

export interface RebuildWatcher {
  /** Stops watching, then waits for a rebuild that is running. */
  close(): Promise<void>;
}

/**
 * Calls `rebuild` with the changed files after they settled, one rebuild at a time. A change that
 * arrives while a rebuild runs schedules exactly one more, which sees every file changed meanwhile.
 * `rebuild` reports its own failures; it should not throw (a throw is passed to onError).
 */
export async function rebuildOnChange(dir: string, rebuild: (changed: string[]) => Promise<void>, options: RebuildOnChangeOptions = {}): Promise<RebuildWatcher> {
  const delay = options.delayMs ?? 150;
  const onError = options.onError ?? ((error: Error) => console.error(error.message));
  const root = path.resolve(dir);
  const ignored = (options.ignore ?? []).map((p) => path.resolve(p));
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const start = () => {
    timer = undefined;
    if (running) return; // the running rebuild schedules the next one when it ends
    const files = [...changed].sort();
    changed.clear();
    running = rebuild(files)
      .catch((error: Error) => onError(error))
      .finally(() => {
        running = undefined;
        if (changed.size > 0) schedule();
      });
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(start, delay);
  };

  const watcher = watch(dir, {
    ignoreInitial: true,
    // Editor leftovers (.campaign.json.swp, campaign.json~) and anything below an ignored path.
    ignored: (file: string) => {
      const absolute = path.resolve(file);
      if (absolute === root) return false;
      const name = path.basename(absolute);
      if (name.startsWith(".") || name.endsWith("~")) return true;
      return ignored.some((p) => absolute === p || absolute.startsWith(p + path.sep));
    },
  });
  watcher.on("all", (_event, file) => {
    changed.add(file);
    schedule();
  });
  watcher.on("error", (error) => onError(error as Error));
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
