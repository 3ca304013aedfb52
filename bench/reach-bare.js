// The baseline for npm run bench:reach: a bare Fastify route that answers every request with the
// same 302 a short link gives — no lookup, no counting, no security headers. Its own process, like
// the real collector.
import Fastify from "fastify";

const app = Fastify({ logger: false });
const location = "/marktplatz/umfrage/?utm_source=mastodon&utm_medium=social&utm_campaign=marktplatz&utm_content=endspurt";
app.get("/l/:code", async (_request, reply) => reply.code(302).header("location", location).send());
await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`listening on http://127.0.0.1:${app.server.address().port}`);
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
