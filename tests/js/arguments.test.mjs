// Arguments of the wrong type: every method of `Directory`, `Session` and `PeopleIndex`,
// and every static constructor, given numbers, objects, arrays, booleans, symbols, null
// or undefined where it expects text (or anything else), either answers or throws a
// GuestPassError with a code. Never a WebAssembly `RuntimeError` (wasm-bindgen's glue
// traps inside the allocator when a `&str` parameter gets a non-string) and never a bare
// `TypeError`; and the directory is unchanged and still answers afterwards.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory, GuestPassError, PeopleIndex, sampleWorld } from "guestpass";

const WRONG = [42, {}, [], true, null, undefined, Symbol("x"), 10n];
const describe = (v) => (typeof v === "symbol" ? "a symbol" : typeof v === "bigint" ? `${v}n` : JSON.stringify(v) ?? "undefined");

/** Calls `call`, and says how it ended: "answered", or the error's code. */
function outcome(call, what) {
  try {
    call();
    return "answered";
  } catch (error) {
    assert.ok(
      error instanceof GuestPassError,
      `${what} threw ${error?.constructor?.name}: ${error?.message} (not a GuestPassError)`,
    );
    assert.match(error.code, /^[A-Z_]+$/, what);
    assert.ok(error.message.length > 0, what);
    return error.code;
  }
}

/** The methods of a prototype (not getters, not `free`, not wasm-bindgen's own). */
function methods(proto) {
  return Object.getOwnPropertyNames(proto).filter((name) => {
    if (name === "constructor" || name === "free" || name.startsWith("__")) return false;
    return typeof Object.getOwnPropertyDescriptor(proto, name).value === "function";
  });
}

/** Each argument list to try on a method taking up to `arity` arguments. */
function argumentLists(arity) {
  const lists = [];
  for (const wrong of WRONG) {
    // The wrong value in every position at once, and in each position alone after
    // plausible text, so a check of the first argument cannot hide the second's.
    lists.push(Array.from({ length: Math.max(arity, 1) }, () => wrong));
    for (let at = 0; at < arity; at++) {
      lists.push(Array.from({ length: arity }, (_, i) => (i === at ? wrong : i < at ? "contoso" : undefined)));
    }
  }
  return lists;
}

function fixture() {
  const dir = Directory.sample({ users: 200, seed: 3 });
  const world = dir.toJSON();
  const bob = world.users.find((u) => u.tenantId === "contoso" && u.userType === "Member");
  return { dir, world, session: dir.signIn({ tenantId: "contoso", user: bob.id }) };
}

test("every Directory and Session method refuses arguments of the wrong type with a GuestPassError", () => {
  const { dir, session } = fixture();
  const before = JSON.stringify(dir.toJSON());
  const tried = [];
  for (const [name, target, proto] of [
    ["Directory", dir, Object.getPrototypeOf(dir)],
    ["Session", session, Object.getPrototypeOf(session)],
  ]) {
    for (const method of methods(proto)) {
      const arity = Math.max(proto[method].length, 3);
      for (const args of argumentLists(arity)) {
        const what = `${name}.${method}(${args.map(describe).join(", ")})`;
        outcome(() => target[method](...args), what);
        tried.push(what);
      }
    }
  }
  assert.ok(tried.length > 500, `only ${tried.length} calls tried`);
  assert.equal(JSON.stringify(dir.toJSON()), before, "the directory changed");
  assert.ok(session.search("a").items.length > 0, "the session still answers");
});

test("the static constructors refuse arguments of the wrong type with a GuestPassError", () => {
  for (const wrong of WRONG) {
    for (const [what, call] of [
      ["Directory.fromJSON", () => Directory.fromJSON(wrong)],
      ["Directory.fromBytes", () => Directory.fromBytes(wrong)],
      ["Directory.fromGraph", () => Directory.fromGraph(wrong)],
      ["Directory.sample", () => Directory.sample(wrong)],
      ["sampleWorld", () => sampleWorld(wrong)],
      ["PeopleIndex.from", () => PeopleIndex.from(wrong)],
    ]) {
      const code = outcome(call, `${what}(${describe(wrong)})`);
      // An empty object or list can be a valid (empty) input, and `undefined` or `null`
      // the samples' defaults; a number, boolean, symbol or bigint never is.
      if (["number", "boolean", "symbol", "bigint"].includes(typeof wrong)) {
        assert.notEqual(code, "answered", `${what}(${describe(wrong)}) answered`);
      }
    }
  }
});

test("every PeopleIndex method refuses arguments of the wrong type with a GuestPassError", () => {
  const { world } = fixture();
  const people = PeopleIndex.from(world.users);
  const proto = PeopleIndex.prototype;
  for (const method of methods(proto)) {
    for (const args of argumentLists(Math.max(proto[method].length, 2))) {
      outcome(() => people[method](...args), `PeopleIndex.${method}(${args.map(describe).join(", ")})`);
    }
  }
  assert.ok(people.search("a").length > 0, "the index still answers");
});

test("a query that is not text is named in the error", () => {
  const { session } = fixture();
  assert.throws(
    () => session.search(42),
    (error) => error instanceof GuestPassError && error.code === "INVALID_VALUE" && /query/.test(error.message) && /number/.test(error.message),
  );
});

test("errors about an object's fields name the field in JSON's terms, without a position in text the caller never saw", () => {
  const { dir, session } = fixture();
  const message = (call) => {
    try {
      call();
    } catch (error) {
      assert.ok(error instanceof GuestPassError, String(error));
      return `${error.code}: ${error.message}`;
    }
    assert.fail("answered");
  };
  const field = (call) => {
    try {
      call();
    } catch (error) {
      return error.details.field;
    }
    assert.fail("answered");
  };
  // The JSON path of the value is in `details.field` too, for a form to point at it.
  assert.equal(field(() => session.search("a", { limit: "10" })), "limit");
  assert.equal(field(() => session.search("a", { limt: 5 })), "limt");
  assert.equal(field(() => dir.upsertUser({ id: "z", tenantId: "contoso", displayName: 5 })), "displayName");
  assert.equal(field(() => Directory.fromJSON({ tenants: [], users: [{ id: 7 }] })), "users[0].id");
  assert.equal(field(() => Directory.fromJSON("{")), undefined);
  assert.equal(
    message(() => session.search("a", { limit: "10" })),
    "INVALID_VALUE: invalid value for limit: expected a whole number from 1 to 100, got string",
  );
  assert.equal(
    message(() => session.search("a", { limt: 5 })),
    "UNKNOWN_FIELD: unknown field: limt (expected one of `limit`, `userType`, `connector`, `exclude`, `groupId`); remove it or check its spelling",
  );
  // A field of a request object of the wrong type is an argument of the wrong type.
  assert.equal(
    message(() => dir.signIn({ tenantId: { id: "contoso" }, user: "bob" })),
    "INVALID_VALUE: invalid value for tenantId: invalid type: object, expected a string",
  );
  // JSON text the caller wrote keeps the line and column of the mistake.
  assert.match(message(() => Directory.fromJSON('{\n  "tenants": 7\n}')), /^INVALID_INPUT: invalid input: tenants: invalid type: integer `7`, expected an array at line 2 column \d+$/);
});

test("PeopleIndex refuses records whose fields have the wrong type, naming the field, and adds nothing", () => {
  const people = PeopleIndex.from([{ id: "ann", displayName: "Ann Lee" }]);
  for (const [record, field] of [
    [null, "records[1]"],
    [42, "records[1]"],
    [{ id: 7, displayName: "Seven" }, "records[1].id"],
    [{ id: "n", displayName: 5 }, "records[1].displayName"],
    [{ id: "n", displayName: "N", mail: {} }, "records[1].mail"],
    [{ id: "n", displayName: "N", userType: true }, "records[1].userType"],
    [{ id: "n", displayName: "N", otherMails: "n@x.com" }, "records[1].otherMails"],
    [{ id: "n", displayName: "N", otherMails: ["n@x.com", 5] }, "records[1].otherMails[1]"],
  ]) {
    assert.throws(
      () => people.upsert([{ id: "bo", displayName: "Bo" }, record]),
      (error) => error instanceof GuestPassError && error.code === "INVALID_VALUE" && error.details.field === field,
      JSON.stringify(record),
    );
    assert.equal(people.size, 1, "nothing was added");
    assert.equal(people.get("bo"), undefined);
  }
  // Ids to exclude are strings too, as in session.search.
  assert.throws(
    () => people.search("a", { exclude: ["ann", 7] }),
    (error) => error instanceof GuestPassError && error.code === "INVALID_VALUE" && error.details.field === "exclude[1]",
  );
  // Absent and null fields are fine.
  people.upsert({ id: "cy", displayName: "Cy", mail: null, otherMails: null, jobTitle: undefined });
  assert.equal(people.size, 2);
});

test("a request field of the wrong type is INVALID_VALUE naming the field, as the README says for arguments", () => {
  const { dir, session } = fixture();
  const refused = (call) => {
    try {
      call();
    } catch (error) {
      assert.ok(error instanceof GuestPassError, String(error));
      return [error.code, error.details.field];
    }
    assert.fail("answered");
  };
  assert.deepEqual(refused(() => dir.signIn({ tenantId: "contoso", user: 5 })), ["INVALID_VALUE", "user"]);
  assert.deepEqual(refused(() => dir.signIn({ tenantId: 5, user: "bob" })), ["INVALID_VALUE", "tenantId"]);
  assert.deepEqual(refused(() => dir.viewFor({ tenantId: "contoso", user: true })), ["INVALID_VALUE", "user"]);
  assert.deepEqual(refused(() => session.share("invoice-flow", { principal: 7, role: "runOnly" })), ["INVALID_VALUE", "principal"]);
  assert.deepEqual(refused(() => session.inviteToGroup("sales", { email: ["x@y.com"] })), ["INVALID_VALUE", "email"]);
  // A missing field, or a value outside an enumeration, keeps INVALID_INPUT.
  assert.equal(refused(() => dir.signIn({ tenantId: "contoso" }))[0], "INVALID_INPUT");
  assert.equal(refused(() => session.share("invoice-flow", { principal: "ann", role: "admin" }))[0], "INVALID_INPUT");
});

test("a limit that is not a whole number states the real range, 1-100", () => {
  const { dir, world, session } = fixture();
  const people = PeopleIndex.from(world.users);
  const view = Directory.fromView(dir.viewFor({ tenantId: "contoso", user: "bob" }));
  for (const [what, call] of [
    ["session.search", () => session.search("a", { limit: 5.5 })],
    ["a view's search", () => view.search("a", { limit: 5.5 })],
    ["PeopleIndex.search", () => people.search("a", { limit: 5.5 })],
  ]) {
    assert.throws(
      call,
      (error) =>
        error instanceof GuestPassError &&
        error.code === "INVALID_VALUE" &&
        error.details.field === "limit" &&
        error.message === "invalid value for limit: expected a whole number from 1 to 100, got 5.5",
      what,
    );
  }
});
