// The baseline for npm run bench:collector: a bare Fastify route that stores the same row through
// the same SQLite store (WAL, synchronous=FULL, group commit) — without parsing forms, abuse checks
// or validation. Started as its own process, like the real collector.
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { openStore } from "../dist/collector/store/index.js";

const [file] = process.argv.slice(2);
const store = await openStore({ file });
const app = Fastify({ logger: false });
app.post("/bare", async (request, reply) => {
  const body = request.body;
  await store.insertResponse({
    id: body._id ?? randomUUID(),
    campaign: "marktplatz",
    page: "umfrage",
    locale: "de",
    answers: body.answers,
    receivedAt: new Date().toISOString(),
    channel: "script",
    verified: false,
  });
  return reply.code(201).send({ id: body._id });
});
await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`listening on http://127.0.0.1:${app.server.address().port}`);
const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
