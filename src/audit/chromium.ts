// Finding the browser for audits and end-to-end tests. No test tool may download its own browser
// here, so we use the system's Chromium and say how to install it when it is missing.
import { accessSync, constants } from "node:fs";
import { MissingPrerequisiteError } from "../errors.js";
import { settings } from "../settings.js";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** Flags that keep headless Chromium from calling home (this machine has no network, and privacy reviewers read the traffic). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export function findChromium(): string {
  const configured = settings().chromiumPath;
  for (const candidate of configured ? [configured] : CANDIDATES) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new MissingPrerequisiteError(
    configured
      ? `CHROMIUM_PATH is set to ${configured}, but no executable is there. Fix the path or unset it.`
      : "Chromium is needed for the accessibility audit and browser tests, but was not found.\n" +
          "Install it with:  apt-get update && apt-get install -y chromium\n" +
          "or point CHROMIUM_PATH at a Chrome/Chromium executable.",
  );
}
