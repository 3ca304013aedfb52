// The middle value of a bench's runs: the figure the benches compare, since one run on a shared
// machine can differ from the next by a fifth.
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
