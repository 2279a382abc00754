import { observeStatements } from '@/lib/db/client';

/** Runs `fn` and returns its result with every statement the pool sent meanwhile, in order. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = observeStatements((statement) => statements.push(statement));
  try {
    return { result: await fn(), statements };
  } finally {
    stop();
  }
}

/** The statements among `statements` that insert into, update or delete from one of `tables`. */
export function writesTo(statements: string[], tables: string[]): string[] {
  const names = tables.join('|');
  const write = new RegExp(`^\\s*(insert\\s+into|update|delete\\s+from)\\s+"?(${names})"?[\\s(]`, 'i');
  return statements.filter((s) => write.test(s));
}
