// A module loaded on first use. The public API (index.ts) and so the command line load Eleventy,
// Sass, image libraries, a browser or the collector only for the command that needs them:
// `mitreden validate` starts in a tenth of the time that loading everything takes.

/** An async stand-in for `module[name]` that imports the module on its first call. */
export function lazy<M extends Record<K, (...args: never[]) => unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: Parameters<M[K]>): Promise<Awaited<ReturnType<M[K]>>> => {
    const module = await load();
    return (await module[name](...args)) as Awaited<ReturnType<M[K]>>;
  };
}
