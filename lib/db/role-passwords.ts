import { Client } from 'pg';

/** Gives the least-privilege roles their passwords (for servers that do not trust local clients). */
export async function setRolePasswords(connectionString: string, passwords: { web?: string; consumer?: string }): Promise<string[]> {
  const roles = Object.entries({ bikestream_web: passwords.web, bikestream_consumer: passwords.consumer }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  if (roles.length === 0) return [];
  const client = new Client({ connectionString });
  await client.connect();
  try {
    for (const [role, password] of roles) {
      const literal = (await client.query<{ quoted: string }>('SELECT quote_literal($1::text) AS quoted', [password])).rows[0]?.quoted;
      await client.query(`ALTER ROLE ${role} PASSWORD ${literal}`);
    }
  } finally {
    await client.end();
  }
  return roles.map(([role]) => role);
}
