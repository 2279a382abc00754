import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

// postgres.js 3.4.9 counted the rows of a result on the connection and reset the count only at
// CommandComplete: after a query that failed between its rows, the next query on the connection
// resolved with holes before its rows (`[row] = result` read undefined). And the dead query of a
// terminated session stayed current, so an error while the next connection started was never
// answered. patches/postgres+3.4.9.patch resets both; these run on connections of their own
// (max: 1) and end only their own backends.
const clients: postgres.Sql[] = [];
const connection = (url = process.env.DATABASE_URL!) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
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
    // The 57P01 of the ended session may still reject the query that opens the next connection
    // (a connection fault, retried); what is answered carries its own rows only.
    await sql`select 1`.catch((error: { code?: string }) => expect(error.code).toBe('57P01'));
    const rows = await sql`select x from generate_series(1, 1) x`;
    expect([...rows]).toEqual([{ x: 1 }]);
  });

  it('rejects the query that opens the next connection when the server refuses it', async () => {
    const admin = connection();
    const name = `driver_refused_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`create database ${name}`);
    try {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const sql = connection(url.toString());
      expect(['57P01', 'CONNECTION_CLOSED']).toContain(await failingAfterTwoRows(sql, 'terminated'));
      await admin.unsafe(`alter database ${name} allow_connections false`);
      const refused = await sql`select 1`.then(
        () => 'resolved',
        (error: { code?: string }) => error.code,
      );
      expect(refused).toBe('55000'); // database is not currently accepting connections
    } finally {
      await admin.unsafe(`drop database ${name} with (force)`);
    }
  }, 10_000);
});
