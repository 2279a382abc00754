import { inject } from 'vitest';

// Each test worker talks to the database the global setup created for this run.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
