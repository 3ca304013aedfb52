// The parts of Eleventy 3 and eleventy-img that mitreden uses. Neither package ships TypeScript
// declarations; these follow their JSDoc and source (src/Eleventy.js, src/UserConfig.js, img.js).

declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    data: string;
    layouts?: string;
  }

  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: "build" | "serve" | "watch";
    outputMode: "fs" | "json" | "ndjson";
  }

  /** The `eleventyConfig` a plugin receives (UserConfig). */
  export interface UserConfig {
    addGlobalData(name: string, data: unknown): void;
    addPlugin<O>(plugin: (eleventyConfig: UserConfig, options: O) => void, options: O): void;
    addFilter(name: string, filter: (this: unknown, ...args: never[]) => unknown): void;
    addNunjucksGlobal(name: string, value: unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    /** Eleventy renders with this library instance instead of making its own (our page environment). */
    setLibrary(engine: "njk", library: unknown): void;
    setTemplateFormats(formats: string | string[]): void;
    setUseGitIgnore(enabled: boolean): void;
    setQuietMode(quiet: boolean): void;
    addWatchTarget(target: string): void;
    /** A template language, or (with `key` set to a built-in one) options for it; `this.defaultRenderer` is the built-in's compiled template. */
    addExtension(
      extension: string,
      options: { key?: string; compileOptions?: { cache?: boolean; permalink?: boolean | "raw" }; compile?: (this: { defaultRenderer: (data: unknown) => Promise<string> }, content: string, inputPath: string) => unknown },
    ): void;
    on(event: "eleventy.before" | "eleventy.after", handler: (args: EleventyEventArgs) => unknown): void;
    on(event: "eleventy.ignores", handler: (ignores: string[]) => void): void;
    on(event: "eleventy.engine.njk", handler: (args: { nunjucks: unknown; environment: NunjucksEnvironment }) => void): void;
    ignores: Set<string>;
    /** Internal; present in 3.x. */
    benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
    dir: Partial<EleventyDirectories>;
  }

  export interface NunjucksEnvironment {
    loaders: { searchPaths?: string[] }[];
  }

  export interface EleventyOptions {
    source?: "cli" | "script";
    runMode?: "build" | "serve" | "watch";
    /** A path, or "" to read no configuration file at all. */
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: UserConfig) => void | Promise<void>;
  }

  export interface TemplateResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<[unknown[], TemplateResult[]]>;
    disableLogger(): void;
  }
}

declare module "@11ty/eleventy-img" {
  namespace Image {
    interface Entry {
      format: string;
      width: number;
      height: number;
      url: string;
      sourceType: string;
      srcset: string;
      filename: string;
      outputPath: string;
      size: number;
    }
    type Metadata = Record<string, Entry[]>;
    interface Options {
      widths?: (number | "auto" | null)[];
      formats?: string[];
      outputDir?: string;
      urlPath?: string;
      svgShortCircuit?: boolean | "size";
      sharpAvifOptions?: Record<string, unknown>;
      sharpWebpOptions?: Record<string, unknown>;
      dryRun?: boolean;
    }
  }
  function Image(src: string, options?: Image.Options): Promise<Image.Metadata>;
  export default Image;
}
