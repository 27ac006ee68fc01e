/**
 * Remembers the results of a pure function of a string for the most recent `capacity` inputs.
 * For what every request derives from its session cookie (the session id's SHA-256, the CSRF
 * and offline keys' HMACs): three hashes per request were a few per cent of a cached page's
 * time, and the same few thousand live sessions ask again and again.
 */
export function memoizeRecent<R>(fn: (input: string) => R, capacity = 10_000): (input: string) => R {
  const results = new Map<string, R>();
  return (input) => {
    const known = results.get(input);
    if (known !== undefined) return known;
    const result = fn(input);
    // Dropping the oldest insertion is enough here: a live session is re-added soon after.
    if (results.size >= capacity) results.delete(results.keys().next().value as string);
    results.set(input, result);
    return result;
  };
}
