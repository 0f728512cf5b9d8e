// Runs every journey of journeys.mjs in one engine, each against its own server on 127.0.0.1
// (so a journey's request log is its own), and fails a journey on any uncaught error, console
// error or policy violation its tabs reported. A journey that an engine's driver cannot take at
// all calls `skip` with the reason, and returns.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { serveDist } from "../serve-dist.mjs";
import { journeys } from "./journeys.mjs";

const DIST = process.env.DIST ?? "dist";

/** Declares the suite for the engine that `launch` starts. */
export function runSuite(name, launch) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await launch();
    });
    after(async () => {
      await engine?.close();
    });
    for (const journey of journeys) {
      test(journey.name, async (t) => {
        const server = await serveDist(DIST, 0);
        const base = `http://127.0.0.1:${server.port}/`;
        try {
          await journey.run(engine, { base, server, dist: DIST, skip: (reason) => t.skip(reason) });
          assert.deepEqual(await engine.endJourney(), [], "the pages reported problems");
        } finally {
          await engine.endJourney().catch(() => {});
          server.close();
          server.closeAllConnections();
        }
      });
    }
  });
}
