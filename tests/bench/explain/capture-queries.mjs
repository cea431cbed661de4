// Preloaded into the production server by `npm run bench:explain` (node --import): every query
// the app sends through `pg` is appended to RUNCLEAR_QUERY_LOG as one JSON line, so the EXPLAIN
// runner sees exactly what a page asks of the database. Never loaded by the app itself.
import fs from "node:fs";
import { createRequire } from "node:module";

const file = process.env.RUNCLEAR_QUERY_LOG;
if (file) {
  const pg = createRequire(import.meta.url)("pg");
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const text = typeof config === "string" ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (typeof text === "string" && !/^\s*(begin|commit|rollback|set |select set_config|savepoint|release)/i.test(text)) {
      fs.appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`);
    }
    return query.call(this, config, values, callback);
  };
}
