// Adversarial checks through the built package (issue 21): what a hostile or careless
// caller can do must end in an answer or a GuestPassError with a code, never in freed or
// foreign memory, a raw TypeError or a poisoned instance. Each `describe` block belongs to
// one part of the work; keep them separate.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { Directory, GuestPassError, PeopleIndex, Session } from "guestpass";

/** wasm-bindgen's raw glue, as a hostile caller would import it. */
const glue = await import(pathToFileURL(new URL("../../pkg/guestpass.js", import.meta.url).pathname).href);

const fixture = () =>
  JSON.parse(readFileSync(new URL("../fixtures/world.json", import.meta.url), "utf8"));

/** The GuestPassError `call` throws (it must throw one). */
function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof GuestPassError, `${error?.constructor?.name}: ${error?.message}`);
    return error;
  }
  assert.fail("expected a GuestPassError");
}

describe("issue 21.2-21.4: ambiguous addresses, limits, duplicate keys (world JSON)", () => {
  const bob = () => fixture().users.find((u) => u.id === "bob");
  const member = (id, upn, mail) => ({ ...bob(), id, userPrincipalName: upn, mail });

  test("an address that is the mail of two users signs in nobody, whatever the history", () => {
    const first = member("ann1", "ann1@contoso.com", "ann@contoso.com");
    const second = member("ann2", "ann2@contoso.com", "Ann@Contoso.com");
    for (const pair of [[first, second], [second, first]]) {
      const world = fixture();
      world.users.push(...pair);
      const dir = Directory.fromJSON(world);
      const err = thrown(() => dir.signIn({ tenantId: "contoso", user: "ann@contoso.com" }));
      assert.equal(err.code, "AMBIGUOUS_USER");
      assert.deepEqual(err.details, { user: "ann@contoso.com", tenantId: "contoso" });
      assert.match(err.message, /object id or userPrincipalName/);
      const again = Directory.fromJSON(dir.toJSON());
      assert.equal(thrown(() => again.signIn({ tenantId: "contoso", user: "ann@contoso.com" })).code, "AMBIGUOUS_USER");
      dir.upsertUser({ ...pair[0], displayName: "Renamed" });
      assert.equal(thrown(() => dir.signIn({ tenantId: "contoso", user: "ann@contoso.com" })).code, "AMBIGUOUS_USER");
      assert.equal(dir.signIn({ tenantId: "contoso", user: "ann1" }).whoami().userId, "ann1");
      assert.equal(dir.signIn({ tenantId: "contoso", user: "ann2@contoso.com" }).whoami().userId, "ann2");
      dir.upsertUser({ ...second, mail: "ann.two@contoso.com" });
      assert.equal(dir.signIn({ tenantId: "contoso", user: "ann@contoso.com" }).whoami().userId, "ann1");
    }
  });

  /** `LIMIT_EXCEEDED` from loading `world`, naming `path`. */
  function limitAt(world, path) {
    const err = thrown(() => Directory.fromJSON(world));
    assert.equal(err.code, "LIMIT_EXCEEDED", err.message);
    assert.ok(err.details.what.startsWith(path), `${err.details.what} should name ${path}`);
  }

  test("licences, groupTypes, enabledClouds and partners are bounded, named by their path", () => {
    const huge = "x".repeat(10_000_000);
    let world = fixture();
    world.users.find((u) => u.id === "bob").licenses = ["office365", huge];
    limitAt(world, "users[bob].licenses[1]");
    world = fixture();
    world.groups[0].groupTypes = Array(9).fill("Unified");
    limitAt(world, "groups[sales].groupTypes");
    world = fixture();
    world.groups[0].groupTypes = [huge];
    limitAt(world, "groups[sales].groupTypes[0]");
    world = fixture();
    world.tenants[0].settings.enabledClouds = Array(1000).fill("global");
    limitAt(world, "tenants[contoso].settings.enabledClouds");
    world = fixture();
    world.tenants[0].settings.crossTenantAccess.partners = Object.fromEntries(
      Array.from({ length: 100_001 }, (_, i) => [`p${i}`, {}]),
    );
    limitAt(world, "tenants[contoso].settings.crossTenantAccess.partners");
    world = fixture();
    world.tenants[0].settings.crossTenantAccess.partners = { ["k".repeat(100_000)]: {} };
    limitAt(world, "a key of tenants[contoso].settings.crossTenantAccess.partners");
  });

  test("a partner naming no tenant is a DANGLING_REFERENCE, and an upsert changes nothing", () => {
    const world = fixture();
    world.tenants[0].settings.crossTenantAccess.partners.atlantis = { inbound: true };
    assert.equal(thrown(() => Directory.fromJSON(world)).code, "DANGLING_REFERENCE");
    const dir = Directory.fromJSON(fixture());
    const before = dir.toJSONString();
    const contoso = dir.toJSON().tenants.find((t) => t.id === "contoso");
    contoso.settings.crossTenantAccess.partners.atlantis = {};
    const err = thrown(() => dir.upsertTenant(contoso));
    assert.equal(err.code, "DANGLING_REFERENCE");
    assert.deepEqual(err.details, { from: "contoso", field: "settings.crossTenantAccess.partners", to: "atlantis" });
    assert.equal(dir.toJSONString(), before);
  });

  test("a key written twice in world JSON is refused with its path", () => {
    const text = JSON.stringify(fixture()).replace(
      '"partners":{',
      '"partners":{"woodgrove":{"inbound":false},"woodgrove":{"inbound":true},',
    );
    const err = thrown(() => Directory.fromJSON(text));
    assert.equal(err.code, "INVALID_INPUT");
    assert.equal(err.details.field, "tenants[0].settings.crossTenantAccess.partners.woodgrove");
    assert.match(err.message, /duplicate key `woodgrove`/);
    const field = JSON.stringify(fixture()).replace('"id":"bob",', '"id":"bob","id":"bob2",');
    const again = thrown(() => Directory.fromJSON(field));
    assert.equal(again.details.field, "users[2].id");
  });

  test("a people-index text over the limit is LIMIT_EXCEEDED, as in the directory", () => {
    const index = PeopleIndex.from([]);
    const err = thrown(() => index.upsert({ id: "a", displayName: "x".repeat(1025) }));
    assert.equal(err.code, "LIMIT_EXCEEDED");
    assert.ok(err.details.what.startsWith("records[0].displayName"), err.details.what);
    assert.equal(thrown(() => index.upsert({ id: "i".repeat(257), displayName: "I" })).code, "LIMIT_EXCEEDED");
    assert.equal(index.size, 0);
  });
});

const coded = (code, check) => (error) => {
  assert.ok(error instanceof GuestPassError, `not a GuestPassError: ${error?.constructor?.name}: ${error?.message}`);
  assert.equal(error.code, code, error.message);
  check?.(error);
  return true;
};

describe("handles: copies, foreign `this` and freed objects never reach WebAssembly memory (21.1, 21.7)", () => {
  test("a copied session has no handle: it cannot act as whoever signs in next", () => {
    const dir = Directory.sample({ users: 200 });
    const g = dir.signIn({ tenantId: "contoso", user: "alice-at-contoso" });
    const copy = Object.assign(Object.create(Object.getPrototypeOf(g)), g);
    g.free();
    const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
    assert.throws(() => copy.whoami(), coded("INVALID_VALUE", (e) => assert.equal(e.details.field, "this")));
    assert.throws(
      () => copy.share("invoice-flow", { principal: "alice-at-contoso", role: "coOwner" }),
      coded("INVALID_VALUE"),
    );
    assert.throws(() => g.whoami(), coded("OBJECT_FREED", (e) => assert.equal(e.details.member, "whoami()")));
    assert.equal(bob.whoami().userId, "bob");
    bob.free();
    dir.free();
  });

  test("a method called on a foreign `this` is refused before WebAssembly", () => {
    const dir = Directory.sample({ users: 200 });
    const s = dir.signIn({ tenantId: "contoso", user: "bob" });
    assert.throws(() => Directory.prototype.stats.call(s), coded("INVALID_VALUE", (e) => assert.equal(e.details.object, "Directory")));
    assert.throws(() => Session.prototype.whoami.call(dir), coded("INVALID_VALUE"));
    assert.throws(() => Session.prototype.check.call({}, "run", "invoice-flow"), coded("INVALID_VALUE"));
    assert.throws(() => Directory.prototype.free.call(7), coded("INVALID_VALUE"));
    assert.throws(() => PeopleIndex.prototype.search.call(dir, "a"), coded("INVALID_VALUE"));
    assert.throws(() => Object.getOwnPropertyDescriptor(Session.prototype, "userId").get.call(dir), coded("INVALID_VALUE"));
    assert.throws(() => new Session(), coded("INVALID_INPUT"));
    assert.equal(s.whoami().userId, "bob");
    s.free();
    dir.free();
  });

  test("the raw glue refuses stale, made-up and foreign handles, and the instance keeps working", () => {
    const dir = Directory.sample({ users: 200 });
    const s = dir.signIn({ tenantId: "contoso", user: "alice-at-contoso" });
    // Handles a hostile caller could try: freed ones, made-up numbers, another kind's.
    const freedDir = glue.directorySample({ users: 50 });
    const freedSession = glue.directorySignIn(freedDir, { tenantId: "contoso", user: "bob" });
    glue.release(freedSession);
    glue.release(freedDir);
    // (index 0 generation 1, 2 ** 24, is left out: it may be a live object of another test.)
    for (const handle of [freedDir, freedSession, 0, 1, -1, 2 ** 53, NaN, 1.5, freedSession + 2 ** 24]) {
      assert.throws(() => glue.directoryStats(handle), coded("OBJECT_FREED"), `directoryStats(${handle})`);
      assert.throws(() => glue.sessionWhoami(handle), coded("OBJECT_FREED"), `sessionWhoami(${handle})`);
      assert.throws(() => glue.sessionCheck(handle, "run", "invoice-flow"), coded("OBJECT_FREED"));
      assert.throws(() => glue.peopleIndexSize(handle), coded("OBJECT_FREED"));
      glue.release(handle); // harmless
    }
    // A live session's handle where a directory's is expected, and the other way round.
    const liveDir = glue.directorySample({ users: 50 });
    const liveSession = glue.directorySignIn(liveDir, { tenantId: "contoso", user: "bob" });
    assert.throws(() => glue.directoryStats(liveSession), coded("INVALID_VALUE"));
    assert.throws(() => glue.sessionWhoami(liveDir), coded("INVALID_VALUE"));
    assert.throws(() => glue.peopleIndexSize(liveDir), coded("INVALID_VALUE"));
    glue.release(liveSession);
    glue.release(liveDir);
    // Nothing was poisoned: the package's own objects and a fresh directory still answer.
    assert.equal(s.whoami().userId, "alice-at-contoso");
    assert.ok(Directory.sample({ users: 100 }).stats().users > 0);
    s.free();
    dir.free();
  });

  test("many free/sign-in cycles with copies around never make a copy act as someone else", () => {
    const dir = Directory.sample({ users: 300 });
    const copies = [];
    for (let i = 0; i < 2000; i++) {
      const s = dir.signIn({ tenantId: "contoso", user: i % 2 ? "bob" : "alice-at-contoso" });
      copies.push(Object.assign(Object.create(Session.prototype), s));
      s.free();
    }
    for (const copy of copies.slice(-50)) assert.throws(() => copy.whoami(), coded("INVALID_VALUE"));
    dir.free();
  });

  test("PeopleIndex after free(): free() and [Symbol.dispose]() do nothing, the rest says OBJECT_FREED", () => {
    const people = PeopleIndex.from([{ id: "1", displayName: "Ann Lee" }]);
    people.free();
    people.free();
    people[Symbol.dispose]();
    assert.throws(() => people.size, coded("OBJECT_FREED", (e) => assert.equal(e.details.object, "PeopleIndex")));
    assert.throws(() => people.search("ann"), coded("OBJECT_FREED"));
    assert.throws(() => people.upsert({ id: "2", displayName: "Bo" }), coded("OBJECT_FREED"));
    assert.throws(() => people.get("1"), coded("OBJECT_FREED"));
    assert.throws(() => people.remove("1"), coded("OBJECT_FREED"));
    assert.throws(() => people.heapBytes(), coded("OBJECT_FREED"));
  });

  test("freeing a session inside its own checkMany or search callback neither throws nor leaks", () => {
    const dir = Directory.sample({ users: 200 });
    const before = glue.liveObjects();
    for (let i = 0; i < 50; i++) {
      const s = dir.signIn({ tenantId: "contoso", user: "bob" });
      const item = { id: 1, action: "run", get flowId() { s.free(); return "invoice-flow"; } };
      const answers = s.checkMany([item, { id: 2, action: "run", flowId: "invoice-flow" }]);
      assert.equal(answers.length, 2);
      assert.throws(() => s.whoami(), coded("OBJECT_FREED"));
    }
    for (let i = 0; i < 50; i++) {
      const s = dir.signIn({ tenantId: "contoso", user: "bob" });
      const answer = s.search("a", { get limit() { return 5; }, toJSON() { s.free(); return { limit: 5 }; } });
      assert.ok(Array.isArray(answer.items));
      assert.throws(() => s.search("a"), coded("OBJECT_FREED"));
    }
    assert.equal(glue.liveObjects(), before, "every session freed in its own callback was released");
    dir.free();
  });

  test("a directory freed by a getter read during its own signIn answers, then is gone", () => {
    const dir = Directory.sample({ users: 200 });
    const before = glue.liveObjects();
    const s = dir.signIn({ tenantId: "contoso", get user() { dir.free(); return "bob"; } });
    assert.equal(s.userId, "bob");
    assert.throws(() => dir.stats(), coded("OBJECT_FREED"));
    s.free();
    assert.equal(glue.liveObjects(), before - 1);
  });
});

describe("errors that are GuestPassErrors (21.7)", () => {
  test("fromBytes of a detached buffer is INVALID_VALUE, not a TypeError", () => {
    const dir = Directory.sample({ users: 100 });
    const bytes = dir.toBytes();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const view = new Uint8Array(buffer);
    structuredClone(buffer, { transfer: [buffer] }); // detaches `buffer` and `view`
    assert.equal(buffer.byteLength, 0);
    assert.throws(() => Directory.fromBytes(buffer), coded("INVALID_VALUE", (e) => assert.match(e.message, /detached/)));
    assert.throws(() => Directory.fromBytes(view), coded("INVALID_VALUE"));
    dir.free();
  });

  test("an onProgress that throws rejects loadFromGraph with a GuestPassError whose cause is what it threw", async () => {
    const thrown = new Error("progress bar gone");
    const page = (value) => new Response(JSON.stringify({ value }), { status: 200, headers: { "content-type": "application/json" } });
    const fetch = async (url) => {
      if (url.includes("/organization")) return page([{ id: "t1", displayName: "T", verifiedDomains: [{ name: "t.example", isInitial: true }] }]);
      return page([]);
    };
    await assert.rejects(
      Directory.loadFromGraph({ tenantIds: ["t1"], fetch, onProgress: () => { throw thrown; } }),
      coded("INVALID_VALUE", (e) => {
        assert.equal(e.details.field, "onProgress");
        assert.equal(e.cause, thrown);
      }),
    );
  });
});

describe("wrong types refused (21.8)", () => {
  const dir = Directory.sample({ users: 200 });
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });

  test("fromJSON and sample refuse an array where an object is expected", () => {
    assert.throws(() => Directory.sample([5, 1]), coded("INVALID_INPUT", (e) => assert.match(e.message, /array/)));
    assert.throws(() => Directory.fromJSON([[], []]), coded("INVALID_INPUT"));
    assert.throws(() => Directory.fromJSON("[[], []]"), coded("INVALID_INPUT"));
  });

  test("an object nested at any depth and given as an array is INVALID_INPUT at its path", () => {
    // serde reads a struct from an array of its fields in order: `[]` was a tenant's
    // default settings, `["t", "T"]` the start of a tenant.
    const atPath = (path) => coded("INVALID_INPUT", (e) => {
      assert.equal(e.details.field, path);
      assert.match(e.message, /invalid type: array, expected an object/);
    });
    const cases = [
      ["tenants[0]", (w) => (w.tenants[0] = ["contoso", "Contoso"])],
      ["tenants[0].settings", (w) => (w.tenants[0].settings = [])],
      ["tenants[0].settings.crossTenantAccess", (w) => (w.tenants[0].settings.crossTenantAccess = [])],
      ["tenants[0].settings.crossTenantAccess.default", (w) => (w.tenants[0].settings.crossTenantAccess.default = [true, true])],
      ["tenants[0].settings.crossTenantAccess.default.inboundTargets", (w) => (w.tenants[0].settings.crossTenantAccess.default.inboundTargets = [])],
      ["tenants[0].settings.crossTenantAccess.partners.tailspin", (w) => (w.tenants[0].settings.crossTenantAccess.partners.tailspin = [false])],
      ["users[1]", (w) => (w.users[1] = [])],
      ["groups[0]", (w) => (w.groups[0] = [])],
      ["apps[0].selfService", (w) => (w.apps[0].selfService = [])],
      ["flows[0]", (w) => (w.flows[0] = [])],
      ["connectors[0]", (w) => (w.connectors[0] = [])],
      ["approvals[0]", (w) => (w.approvals[0] = [])],
      ["joinRequests[0]", (w) => (w.joinRequests = [[]])],
    ];
    for (const [path, change] of cases) {
      const world = fixture();
      change(world);
      assert.throws(() => Directory.fromJSON(world), atPath(path), path);
      assert.throws(() => Directory.fromJSON(JSON.stringify(world)), atPath(path), `${path} as text`);
    }
    const dir = Directory.fromJSON(fixture());
    const before = dir.toJSON();
    const contoso = fixture().tenants[0];
    assert.throws(() => dir.upsertTenant({ ...contoso, settings: [] }), atPath("settings"));
    assert.throws(() => dir.upsertApproval({ ...fixture().approvals[0], responses: [["bob", "Approve"]] }), atPath("responses[0]"));
    assert.deepEqual(dir.toJSON(), before);
    // homeFacts is a field of an argument, so its wrong type is INVALID_VALUE naming it, as
    // for each of its own fields (home-facts.test.mjs).
    assert.throws(
      () => dir.signIn({ tenantId: "contoso", user: "alice-at-contoso", homeFacts: [] }),
      coded("INVALID_VALUE", (e) => {
        assert.equal(e.details.field, "homeFacts");
        assert.match(e.message, /invalid type: array, expected an object/);
      }),
    );
    assert.throws(() => Directory.fromGraph({ tenants: [[]] }), atPath("tenants[0]"));
    assert.throws(() => Directory.fromSources({ graph: [] }), atPath("graph"));
    assert.throws(() => Directory.fromSources({ powerAutomate: [["contoso", "Default-contoso"]] }), atPath("powerAutomate[0]"));
    assert.throws(() => Directory.fromSources({ dataverse: [[]] }), atPath("dataverse[0]"));
    dir.free();
  });

  test("fromBytes takes a Uint8Array or an ArrayBuffer only", () => {
    for (const wrong of [["327"], [1.5], [-185], [1, 2, 3], "abc"]) {
      assert.throws(() => Directory.fromBytes(wrong), coded("INVALID_VALUE"), JSON.stringify(wrong));
    }
    const bytes = dir.toBytes();
    assert.equal(Directory.fromBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).stats().users, dir.stats().users);
  });

  test("a search limit that is not a whole number from 1 to 100 is INVALID_VALUE naming the range", () => {
    const people = PeopleIndex.from([{ id: "1", displayName: "Ann Lee" }]);
    for (const limit of [NaN, Infinity, -Infinity, "5", -1, 0, 1.5, 101]) {
      const range = (e) => {
        assert.equal(e.details.field, "limit");
        assert.match(e.message, /1 to 100|1–100/);
      };
      assert.throws(() => bob.search("a", { limit }), coded("INVALID_VALUE", range), `session limit ${limit}`);
      assert.throws(() => people.search("a", { limit }), coded("INVALID_VALUE", range), `index limit ${limit}`);
    }
    assert.equal(bob.search("a", { limit: 100 }).items.length <= 100, true);
    people.free();
  });

  test("search options given as JSON text are refused", () => {
    assert.throws(() => bob.search("a", '{"limit":5}'), coded("INVALID_VALUE", (e) => assert.equal(e.details.field, "options")));
    assert.throws(() => bob.search("a", [5]), coded("INVALID_VALUE"));
  });

  test("search exclude is bounded in count and id length (LIMIT_EXCEEDED naming it)", () => {
    const people = PeopleIndex.from([{ id: "1", displayName: "Ann Lee" }]);
    const many = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    const long = ["x".repeat(257)];
    const namesExclude = (e) => assert.match(e.details.what, /exclude/);
    assert.throws(() => bob.search("a", { exclude: many }), coded("LIMIT_EXCEEDED", namesExclude));
    assert.throws(() => bob.search("a", { exclude: long }), coded("LIMIT_EXCEEDED", namesExclude));
    assert.throws(() => people.search("a", { exclude: many }), coded("LIMIT_EXCEEDED", namesExclude));
    assert.throws(() => people.search("a", { exclude: long }), coded("LIMIT_EXCEEDED", namesExclude));
    assert.ok(bob.search("a", { exclude: many.slice(0, 1000) }).items.length > 0);
    people.free();
  });
});

describe("approvals that cannot be (issue 21, defect 5)", () => {
  const world = readFileSync(new URL("../fixtures/approvals.json", import.meta.url), "utf8");
  const refusedAtLoad = (text) => {
    assert.notEqual(text, world, "the case must change the fixture");
    assert.throws(
      () => Directory.fromJSON(text),
      (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE",
    );
  };
  const refusedAtUpsert = (change) => {
    const dir = Directory.fromJSON(world);
    const done = dir.toJSON().approvals.find((a) => a.id === "c-done");
    const before = dir.toJSONString();
    assert.throws(
      () => dir.upsertApproval(change(structuredClone(done))),
      (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE",
    );
    assert.equal(dir.toJSONString(), before);
  };

  test("a response from someone who is not an approver, even the only one of a completed approval", () => {
    refusedAtLoad(world.replace('{ "approverId": "dave", "response": "Approve"', '{ "approverId": "ann", "response": "Approve"'));
    refusedAtUpsert((a) => ({ ...a, responses: [{ ...a.responses[0], approverId: "ann" }] }));
  });

  test("a firstToRespond approval still pending after a response", () => {
    refusedAtLoad(world.replace('"status": "completed", "outcome": "Approve",', ""));
    refusedAtUpsert((a) => {
      delete a.outcome;
      return { ...a, status: "pending" };
    });
  });

  test("a respondedAt before createdAt", () => {
    refusedAtLoad(world.replace('"respondedAt": "2026-11-10T10:00:00Z"', '"respondedAt": "2026-11-10T08:59:59Z"'));
    refusedAtUpsert((a) => ({ ...a, responses: [{ ...a.responses[0], respondedAt: "2026-11-01T00:00:00Z" }] }));
  });
});
