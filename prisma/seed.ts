// `npm run db:seed`: adds the demo organization to the database at DATABASE_URL (idempotent).
import { db } from "../src/server/db";
import { seedDemo } from "./seed-demo";

const prisma = db();
try {
  const { created, incidents } = await seedDemo(prisma);
  console.log(
    created || incidents
      ? `Demo data: created ${created} rows and ${incidents} incidents.`
      : "Demo data: already present, nothing to do.",
  );
} finally {
  await prisma.$disconnect();
}
