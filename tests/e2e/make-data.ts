// Data of a spec's own, made through the demo seed's own functions (prisma/seed-demo.ts,
// prisma/seed-incidents.ts): run by tests/e2e/support.ts under tsx with the react-server
// condition (the services are server-only), it prints what it made as one line of JSON.
//   make-data.ts organization [<story>:<phase>]  a copy of the demo organization (its clients and
//                                                tagged accounts), with one incident if asked
//   make-data.ts incident <story>:<phase>        one incident in the demo organization
// <story> is the index of a demo story (0 is the ransomware), <phase> where it is walked to.
import { randomUUID } from "node:crypto";
import { db } from "../../src/server/db";
import { PHASES, type Phase } from "../../src/domain/incident/types";
import { DEMO_CLIENTS, DEMO_ORGANIZATION } from "../../prisma/demo-data";
import { seedDemo } from "../../prisma/seed-demo";
import { seedDemoIncident } from "../../prisma/seed-incidents";

function parseIncident(arg: string | undefined): { story: number; phase: Phase } | undefined {
  if (arg === undefined) return undefined;
  const [story, phase] = arg.split(":");
  const found = PHASES.find((p) => p === phase);
  if (!/^\d+$/.test(story ?? "") || !found) throw new Error(`make-data: "${arg}" is not <story index>:<phase>`);
  return { story: Number(story), phase: found };
}

const [what, incidentArg] = process.argv.slice(2);
const prisma = db();
try {
  const tag = randomUUID().slice(0, 8);
  let slug = DEMO_ORGANIZATION.slug;
  if (what === "organization") {
    slug = `e2e-${tag}`;
    await seedDemo(prisma, { incidents: false, copy: { slug, name: `${DEMO_ORGANIZATION.name} (e2e ${tag})`, tag } });
  } else if (what !== "incident" || incidentArg === undefined) {
    throw new Error("make-data: usage: organization [<story>:<phase>] | incident <story>:<phase>");
  }
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const clients = await prisma.client.findMany({ where: { organizationId: org.id }, select: { id: true, name: true } });
  const clientIds = new Map(
    DEMO_CLIENTS.flatMap((c) => clients.filter((x) => x.name === c.name).map((x) => [c.key, x.id] as const)),
  );
  const wanted = parseIncident(incidentArg);
  let incident: { id: string; reference: string; title: string } | undefined;
  if (wanted) {
    const id = await seedDemoIncident(prisma, org, clientIds, { ...wanted, titleSuffix: ` (e2e ${tag})` });
    incident = await prisma.incident.findUniqueOrThrow({
      where: { id },
      select: { id: true, reference: true, title: true },
    });
  }
  console.log(JSON.stringify({ slug, tag, organizationId: org.id, incident }));
} finally {
  await prisma.$disconnect();
}
// the hot reads' pool keeps idle connections for a while; nothing is left to wait for
process.exit(0);
