// The rehearsal clock (docs/adr/008-rehearsal-clock.md): `--now <instant>` makes a build, a preview
// and the collector act as on that day. Without it, now is now; with it, the clock starts there and
// runs on, so a submission made a minute later is a minute later.
import { UsageError } from "./errors.js";

export type Clock = () => Date;

export function rehearsalClock(start?: Date): Clock {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** `--now` as written on the command line; undefined when it was not given. */
export function parseInstant(value: string | undefined, option = "--now"): Date | undefined {
  if (value === undefined) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new UsageError(`${option} must be an ISO instant like 2027-03-15T12:00:00+01:00, not "${value}".`);
  return instant;
}
