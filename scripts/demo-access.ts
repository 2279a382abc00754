import { DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed/demo-accounts';

export function printDemoAccess(url: string) {
  const roleOf = (u: (typeof DEMO_USERS)[number]) => u.cpoRole ?? u.memberships.map((m) => `${m.role} @ ${m.tenant}`).join(', ');
  console.log(`\nOpen ${url}/login and sign in with any of these (password: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(28)} ${roleOf(u)}`);
  console.log('\nAPI keys (customer_admin, one per tenant):');
  for (const k of DEMO_API_KEYS) console.log(`  ${k.tenant.padEnd(20)} ${k.secret}`);
  console.log(`\nTry: curl -H "Authorization: Bearer ${DEMO_API_KEYS[2]!.secret}" ${url}/api/v2/locations\n`);
}
