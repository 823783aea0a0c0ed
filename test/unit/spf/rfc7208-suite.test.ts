import assert from "node:assert/strict";
import { test } from "node:test";
import { spfQuery } from "../../../src/standards/spf/index.js";
import { loadSuite, suiteResolver } from "./rfc7208-zone.js";

const suite = loadSuite();
const FIXED_NOW = () => new Date("2014-04-01T00:00:00Z");

test("the OpenSPF RFC 7208 suite passes entirely: results and explanations", async (t) => {
  assert.equal(suite.length, 203, "the suite file holds 203 tests");
  let passed = 0;
  const failures: string[] = [];
  for (const c of suite) {
    await t.test(`${c.scenario} / ${c.name}`, async () => {
      const r = await spfQuery(
        { ip: c.host, sender: c.mailfrom, helo: c.helo },
        { dns: suiteResolver(c.zone), now: FIXED_NOW },
      );
      const why = `${c.name} (spec ${c.spec ?? "?"}): got ${r.result}${r.reason ? ` (${r.reason})` : ""}, explanation ${JSON.stringify(r.explanation)}`;
      try {
        assert.ok(c.results.includes(r.result), `${why}; expected ${c.results.join(" or ")}`);
        if (c.explanation !== undefined)
          assert.equal(
            r.explanation,
            c.explanation,
            `${why}; expected explanation ${JSON.stringify(c.explanation)}`,
          );
        passed++;
      } catch (err) {
        failures.push(why);
        throw err;
      }
    });
  }
  t.diagnostic(`RFC 7208 suite: ${passed}/${suite.length} passed`);
  console.log(`RFC 7208 suite: ${passed}/${suite.length} passed`);
  assert.deepEqual(failures, [], `${failures.length} of ${suite.length} failed`);
  assert.equal(passed, 203);
});
