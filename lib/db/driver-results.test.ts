import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

// postgres.js 3.4.9 counted the rows of a result on the connection and reset the count only at
// CommandComplete: after a query that failed between its rows, the next query on the connection
// resolved with holes before its rows (`[row] = result` read undefined), and after a terminated
// session the stale 57P01 rejected the query that opened the next one. patches/postgres+3.4.9.patch
// resets both; these run on a connection of their own (max: 1) and end only their own backend.
const clients: postgres.Sql[] = [];
const connection = () => {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  clients.push(sql);
  return sql;
};

afterAll(async () => {
  await Promise.all(clients.map((sql) => sql.end({ timeout: 1 })));
});

/** A query that sends two rows, then fails (`failure`): the client has seen rows but no CommandComplete. */
const failingAfterTwoRows = (sql: postgres.Sql, failure: 'row error' | 'terminated') =>
  (failure === 'row error'
    ? sql`select i, 1 / (3 - i) as n from generate_series(1, 10) i`
    : sql`select i, case when i = 3 then pg_terminate_backend(pg_backend_pid()) end as n from generate_series(1, 10) i`
  ).then(
    () => {
      throw new Error('expected the query to fail');
    },
    (error: { code?: string }) => error.code,
  );

describe('postgres.js results after a query failed between its rows', () => {
  it('answers the next query on the connection with its rows only', async () => {
    const sql = connection();
    expect(await failingAfterTwoRows(sql, 'row error')).toBe('22012');
    const rows = await sql`select x from generate_series(1, 2) x`;
    expect(rows.length).toBe(2);
    expect([...rows]).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('answers the queries of the next connection after the server terminated the session', async () => {
    const sql = connection();
    expect(['57P01', 'CONNECTION_CLOSED']).toContain(await failingAfterTwoRows(sql, 'terminated'));
    // The first query opens a new connection; neither it nor the next may see the ended session.
    for (let n = 0; n < 2; n += 1) {
      const rows = await sql`select x from generate_series(1, 1) x`;
      expect([...rows]).toEqual([{ x: 1 }]);
    }
  });
});
