import { openStore } from "../../src/collector/store/index.js";
import { startPostgres } from "./helpers/postgres.js";
import { describeStore } from "./store-suite.js";

describeStore("PostgreSQL", async () => {
  const server = await startPostgres();
  return { open: () => openStore({ databaseUrl: server.url, schema: server.schema }), cleanup: () => server.stop() };
});
