// Values that are slow to make and asked for on every page (Intl objects, names of languages):
// made once per key and process.

/** `make`, remembered by its argument. For small, fixed sets of keys (locales, time zones). */
export function memoize<R>(make: (key: string) => R): (key: string) => R {
  const made = new Map<string, R>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}
