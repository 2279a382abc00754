/** An ILIKE pattern matching `q` anywhere, with LIKE wildcards in `q` taken literally. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
