// PeopleIndex through the built package: the key matching and ranking rules of issue 5 on
// records the caller holds (the engine's own tests are in tests/search_engine.rs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { GuestPassError, PeopleIndex } from "guestpass";

const people = [
  { id: "ann", displayName: "Ann Lee", givenName: "Ann", surname: "Lee", mail: "ann@contoso.com", userPrincipalName: "ann@contoso.com" },
  { id: "anna", displayName: "Anna Schmidt", mail: "anna@contoso.com", userPrincipalName: "anna@contoso.com", jobTitle: "Ann Arbor liaison" },
  { id: "deborah", displayName: "Déborah Lefèvre", mail: "deborah.lefevre@contoso.com", userPrincipalName: "deborah.lefevre@contoso.com" },
  { id: "siobhan", displayName: "Siobhán O'Brien", mail: "siobhan.obrien@contoso.com", userPrincipalName: "siobhan.obrien@contoso.com" },
  { id: "maria", displayName: "María García-López", mail: "maria@contoso.com", userPrincipalName: "maria@contoso.com" },
  { id: "john", displayName: "John Smith", mail: "john.smith@contoso.com", userPrincipalName: "john.smith@contoso.com" },
  { id: "taro", displayName: "山田 太郎", mail: "taro@contoso.com", userPrincipalName: "taro@contoso.com" },
  { id: "ivan", displayName: "Иван Петров", mail: "ivan@contoso.com", userPrincipalName: "ivan@contoso.com" },
  {
    id: "alice-guest",
    displayName: "Alice Martin",
    userPrincipalName: "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com",
    userType: "Guest",
  },
  { id: "lei2", displayName: "Lei Chen", mail: "lei.chen2@contoso.com", userPrincipalName: "lei.chen2@contoso.com" },
  { id: "lei1", displayName: "Lei Chen", mail: "lei.chen@fabrikam.com", userPrincipalName: "lei.chen@fabrikam.com" },
  { id: "emoji", displayName: "😀 Zoë Dubois", mail: "zoe@tailspin.com", userPrincipalName: "zoe@tailspin.com" },
];

const ids = (index, q, options) => index.search(q, options).map((m) => m.id);

test("accents, punctuation, word order, UPN decoding and non-Latin scripts", () => {
  const index = PeopleIndex.from(people);
  assert.equal(index.size, people.length);
  assert.deepEqual(ids(index, "deb"), ["deborah"]);
  assert.deepEqual(ids(index, "DEBORAH lefevre"), ["deborah"]);
  assert.deepEqual(ids(index, "obrien"), ["siobhan"]);
  assert.deepEqual(ids(index, "o brien"), ["siobhan"]);
  assert.deepEqual(ids(index, "lopez"), ["maria"]);
  assert.deepEqual(ids(index, "smith john"), ["john"]);
  assert.deepEqual(ids(index, "alice@fabrikam.com"), ["alice-guest"]);
  assert.deepEqual(ids(index, "太郎"), ["taro"]);
  assert.deepEqual(ids(index, "ив"), ["ivan"]);
  assert.deepEqual(ids(index, ""), []);
  assert.deepEqual(ids(index, "zzz"), []);
});

test("exact words before longer prefixes, names before job titles, a whole mail local part first", () => {
  const index = PeopleIndex.from(people);
  assert.deepEqual(ids(index, "ann"), ["ann", "anna"]);
  assert.deepEqual(ids(index, "lei.chen"), ["lei1", "lei2"]);
  assert.deepEqual(ids(index, "lei chen2"), ["lei2"]);
});

test("filters: userType, exclude, limit", () => {
  const index = PeopleIndex.from(people);
  assert.deepEqual(ids(index, "alice", { userType: "guest" }), ["alice-guest"]);
  assert.deepEqual(ids(index, "alice", { userType: "member" }), []);
  assert.deepEqual(ids(index, "ann", { exclude: ["ann"] }), ["anna"]);
  assert.deepEqual(ids(index, "ann", { limit: 1 }), ["ann"]);
  assert.throws(() => index.search("ann", { limit: 0 }), (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE");
  assert.throws(() => index.search("ann", { userType: "robot" }), (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE");
  assert.throws(() => index.search("a".repeat(257)), (e) => e instanceof GuestPassError && e.code === "QUERY_TOO_LONG");
});

test("results are the caller's own objects, with UTF-16 highlights", () => {
  const index = PeopleIndex.from(people);
  const [hit] = index.search("zo");
  assert.equal(hit.record, people.at(-1));
  const name = hit.highlights.find((h) => h.field === "displayName");
  assert.equal(hit.record.displayName.slice(name.start, name.end), "Zo");
  const mail = hit.highlights.find((h) => h.field === "mail");
  assert.equal(hit.record.mail.slice(mail.start, mail.end), "zo");
  assert.deepEqual(index.search("zo", { highlights: false })[0].highlights, []);
});

test("updates show in the next search; a refused load changes nothing", () => {
  const index = PeopleIndex.from(people);
  index.upsert({ id: "ann", displayName: "Annika Berg", userPrincipalName: "annika@contoso.com" });
  assert.deepEqual(ids(index, "lee"), []);
  assert.equal(index.get("ann").displayName, "Annika Berg");
  assert.ok(index.remove("anna"));
  assert.equal(index.remove("anna"), false);
  assert.equal(index.get("anna"), undefined);
  assert.deepEqual(ids(index, "ann"), ["ann"]);
  index.upsert([{ id: "anna", displayName: "Anna Schmidt" }]);
  assert.deepEqual(ids(index, "anna"), ["anna"]);
  const before = index.size;
  assert.throws(
    () => index.upsert([{ id: "new1", displayName: "Nina" }, { id: "new2", displayName: "Bad\u001fName" }]),
    (e) => e instanceof GuestPassError && e.code === "INVALID_INPUT",
  );
  assert.throws(() => index.upsert([{ id: 7, displayName: "Seven" }]), (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE");
  assert.equal(index.size, before);
  assert.equal(index.get("new1"), undefined);
  assert.deepEqual(ids(index, "nina"), []);
});

test("a load of many records in several chunks", () => {
  const many = Array.from({ length: 40_000 }, (_, i) => ({ id: `u${i}`, displayName: `Person ${i} Tester`, mail: `p${i}@x.com` }));
  const index = PeopleIndex.from(many);
  assert.equal(index.size, 40_000);
  assert.deepEqual(ids(index, "person 39999"), ["u39999"]);
  assert.ok(index.heapBytes() > 0);
});
