// The Prisma CLI's view of the project. DATABASE_URL picks the provider, so
// `prisma migrate deploy` and `prisma studio` work against either database.
import 'dotenv/config';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/claimtrack.db';
const provider = /^postgres(ql)?:/.test(url) ? 'postgres' : 'sqlite';

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
