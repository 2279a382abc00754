import net from 'node:net';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { freeLoopbackPort } from '@/test/postgres-server';
import { getDb } from './client';
import { databaseFault, retryOnce } from './faults';

// Every error below is produced by a real server (the test database) or a real socket.
const url = process.env.DATABASE_URL!;
const clients: postgres.Sql[] = [];
const client = (options: postgres.Options<Record<string, never>> = {}) => {
  const sqlClient = postgres(url, { max: 1, onnotice: () => {}, ...options });
  clients.push(sqlClient);
  return sqlClient;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

const table = `fault_probe_${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  await client().unsafe(`create table ${table} (id int primary key, n int not null)`);
  await client().unsafe(`insert into ${table} values (1, 0), (2, 0)`);
});

afterAll(async () => {
  await client().unsafe(`drop table if exists ${table}`);
  await Promise.all(clients.map((c) => c.end({ timeout: 1 })));
});

describe('databaseFault', () => {
  it('classifies a terminated backend as a connection fault', async () => {
    const victim = client();
    const [row] = await victim<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pid = row!.pid;
    const inFlight = failure(victim`select pg_sleep(5)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client()`select pg_terminate_backend(${pid})`;
    const error = (await inFlight) as { code: string };
    expect(['57P01', 'CONNECTION_CLOSED']).toContain(error.code);
    expect(databaseFault(error)).toBe('connection');
  });

  it('classifies a refused connection and a server that never answers the startup', async () => {
    const refused = await failure(client({ port: await freeLoopbackPort(), host: '127.0.0.1' })`select 1`);
    expect((refused as { code: string }).code).toBe('ECONNREFUSED');
    expect(databaseFault(refused)).toBe('connection');

    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const timedOut = await failure(client({ host: '127.0.0.1', port, connect_timeout: 0.2 })`select 1`);
    silent.close();
    expect((timedOut as { code: string }).code).toBe('CONNECT_TIMEOUT');
    expect(databaseFault(timedOut)).toBe('connection');
  });

  it('classifies statement_timeout and lock_timeout as timeouts', async () => {
    const slow = await failure(
      client().begin(async (tx) => {
        await tx`set local statement_timeout = 50`;
        await tx`select pg_sleep(2)`;
      }),
    );
    expect((slow as { code: string }).code).toBe('57014');
    expect(databaseFault(slow)).toBe('timeout');

    const holder = client();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holding = holder.begin(async (tx) => {
      await tx.unsafe(`select * from ${table} where id = 1 for update`);
      locked();
      await held;
    });
    await lockTaken;
    const waited = await failure(
      client().begin(async (tx) => {
        await tx`set local lock_timeout = 50`;
        await tx.unsafe(`update ${table} set n = n + 1 where id = 1`);
      }),
    );
    release();
    await holding;
    expect((waited as { code: string }).code).toBe('55P03');
    expect(databaseFault(waited)).toBe('timeout');
  });

  it('classifies a deadlock and a serialization failure as conflicts', async () => {
    const [a, b] = [client(), client()];
    let bothLocked!: () => void;
    let count = 0;
    const ready = new Promise<void>((resolve) => (bothLocked = resolve));
    const crosswise = (tx: postgres.TransactionSql, first: number, second: number) =>
      (async () => {
        await tx.unsafe(`update ${table} set n = n + 1 where id = ${first}`);
        if (++count === 2) bothLocked();
        await ready;
        await tx.unsafe(`update ${table} set n = n + 1 where id = ${second}`);
      })();
    const outcomes = await Promise.allSettled([a.begin((tx) => crosswise(tx, 1, 2)), b.begin((tx) => crosswise(tx, 2, 1))]);
    const deadlock = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason;
    expect(deadlock.code).toBe('40P01');
    expect(databaseFault(deadlock)).toBe('conflict');

    const [c, d] = [client(), client()];
    const serialization = await failure(
      c.begin('isolation level serializable', async (first) => {
        await first.unsafe(`select sum(n) from ${table}`);
        await d.begin('isolation level serializable', async (second) => {
          await second.unsafe(`select sum(n) from ${table}`);
          await second.unsafe(`update ${table} set n = n + 1 where id = 1`);
        });
        await first.unsafe(`update ${table} set n = n + 1 where id = 2`);
      }),
    );
    expect((serialization as { code: string }).code).toBe('40001');
    expect(databaseFault(serialization)).toBe('conflict');
  });

  it('sees through drizzle’s wrapper, and leaves every other error alone', async () => {
    const wrapped = await failure(getDb().execute(sql`select pg_terminate_backend(pg_backend_pid())`));
    expect(wrapped).not.toHaveProperty('code');
    expect(databaseFault(wrapped)).toBe('connection');

    const duplicate = await failure(client().unsafe(`insert into ${table} values (1, 0)`));
    expect((duplicate as { code: string }).code).toBe('23505');
    expect(databaseFault(duplicate)).toBeNull();
    expect(databaseFault(await failure(client()`select 1/0`))).toBeNull();
    expect(databaseFault(Object.assign(new Error('no such file'), { code: 'ENOENT', syscall: 'open' }))).toBeNull();
    expect(databaseFault('CONNECTION_CLOSED')).toBeNull();
  });
});

describe('retryOnce', () => {
  const terminateOwnBackend = (tx: Pick<ReturnType<typeof getDb>, 'execute'>) =>
    tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);

  it('runs a read again after its connection was dropped', async () => {
    let attempts = 0;
    const result = await retryOnce(async () => {
      attempts += 1;
      if (attempts === 1) await terminateOwnBackend(getDb());
      return (await getDb().execute<{ one: number }>(sql`select 1 as one`))[0]!.one;
    }, 'reads');
    expect({ attempts, result }).toEqual({ attempts: 2, result: 1 });
  });

  it('runs a write again when its transaction died before COMMIT, and the row is there once', async () => {
    let attempts = 0;
    await retryOnce(
      () =>
        writeTransaction(async (tx) => {
          attempts += 1;
          await tx.execute(sql.raw(`update ${table} set n = n + 100 where id = 2`));
          if (attempts === 1) await terminateOwnBackend(tx);
        }),
      'writes',
    );
    const [row] = await client().unsafe(`select n from ${table} where id = 2`);
    expect(attempts).toBe(2);
    expect(row!.n % 1000).toBeGreaterThanOrEqual(100);
    expect(row!.n % 1000).toBeLessThan(200);
  });

  it('does not run a write again once one of its transactions committed, nor a fault outside a transaction', async () => {
    let attempts = 0;
    const afterCommit = await failure(
      retryOnce(async () => {
        attempts += 1;
        await writeTransaction((tx) => tx.execute(sql.raw(`update ${table} set n = n + 1000 where id = 1`)));
        await terminateOwnBackend(getDb());
      }, 'writes'),
    );
    expect(databaseFault(afterCommit)).toBe('connection');
    expect(attempts).toBe(1);

    const outside = await failure(
      retryOnce(async () => {
        attempts += 1;
        await terminateOwnBackend(getDb());
      }, 'writes'),
    );
    expect(databaseFault(outside)).toBe('connection');
    expect(attempts).toBe(2);
  });

  it('does not retry a timeout', async () => {
    let attempts = 0;
    const error = await failure(
      retryOnce(async () => {
        attempts += 1;
        await getDb().transaction(async (tx) => {
          await tx.execute(sql`set local statement_timeout = 20`);
          await tx.execute(sql`select pg_sleep(1)`);
        });
      }, 'reads'),
    );
    expect(databaseFault(error)).toBe('timeout');
    expect(attempts).toBe(1);
  });
});
