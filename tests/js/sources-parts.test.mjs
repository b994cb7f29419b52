// Directory.fromSources of an object crosses into WebAssembly in parts (the Graph pages and
// each Power Automate and Dataverse environment as its own JSON text: wasm/src/sources.rs),
// so no one string has to hold every page (V8 caps a string at 2^29 - 24 characters).
// Built from tests/fixtures/sources/input.json (Microsoft's published examples: see the
// README there). tests/sources_text_path.rs proves natively that the parts read as the whole
// text does for every broken property; here, the same through the built package. Also the
// input as UTF-8 bytes (fromSources and fromJSON of a Uint8Array or an ArrayBuffer).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const text = readFileSync(new URL("../fixtures/sources/input.json", import.meta.url), "utf8");
const fresh = () => JSON.parse(text);

/** The error `load` throws, as [code, message, field]. */
function refusal(load) {
  try {
    load();
  } catch (e) {
    assert.ok(e instanceof GuestPassError, String(e));
    return [e.code, e.message.replace(/ at line \d+ column \d+/, ""), e.details?.field];
  }
  assert.fail("accepted");
}

test("an object and its JSON text build the same directory", () => {
  const fromObject = Directory.fromSources(fresh());
  const fromText = Directory.fromSources(text);
  assert.equal(fromObject.toJSONString(), fromText.toJSONString());
  assert.ok(fromObject.stats().flows > 0 && fromObject.stats().approvals > 0);
});

test("an error inside a part names the whole input's path, as the text does", () => {
  const cases = [
    (i) => (i.graph.tenants[0].users[0].value[0].mail = 7),
    (i) => (i.powerAutomate[0].flows[0].value[0].properties.state = 7),
    (i) => (i.powerAutomate[0].extra = 1),
    (i) => (i.dataverse[0].approvals[0].value[0].statuscode = "x"),
    (i) => (i.dataverse[0].systemUsers = "x"),
    (i) => (i.graph.extra = 1),
    (i) => (i.extra = 1),
  ];
  for (const edit of cases) {
    const input = fresh();
    edit(input);
    const asObject = refusal(() => Directory.fromSources(input));
    const asText = refusal(() => Directory.fromSources(JSON.stringify(input)));
    assert.deepEqual(asObject, asText, String(edit));
    assert.ok(asObject[2], `a field is named: ${asObject}`);
  }
});

test("an environment given as its JSON text reads as the object does, errors included", () => {
  // What loadFromSources hands over for Dataverse: each environment's pages as they
  // arrived, joined into the environment's JSON text.
  const astext = (i) => ({ ...i, powerAutomate: i.powerAutomate.map((e) => JSON.stringify(e)), dataverse: i.dataverse.map((e) => JSON.stringify(e, null, 1)) });
  assert.equal(Directory.fromSources(astext(fresh())).toJSONString(), Directory.fromSources(fresh()).toJSONString());
  for (const edit of [
    (i) => (i.powerAutomate[0].flows[0].value[0].properties.state = 7),
    (i) => (i.powerAutomate[0].extra = 1),
    (i) => (i.dataverse[0].approvals[0].value[0].statuscode = "x"),
    (i) => (i.dataverse[0].systemUsers = "x"),
  ]) {
    const input = fresh();
    edit(input);
    assert.deepEqual(refusal(() => Directory.fromSources(astext(input))), refusal(() => Directory.fromSources(input)), String(edit));
  }
  const [code, , field] = refusal(() => Directory.fromSources({ ...fresh(), dataverse: ['{"tenantId":'] }));
  assert.equal(code, "INVALID_INPUT");
  assert.match(field ?? "", /^dataverse\[0\]/);
});

test("parts that are not objects are refused at their path", () => {
  const input = fresh();
  input.dataverse[1] = undefined;
  const [code, , field] = refusal(() => Directory.fromSources(input));
  assert.equal(code, "INVALID_INPUT");
  assert.equal(field, "dataverse[1]");
});

test("fromSources and fromJSON take the JSON as UTF-8 bytes, as a file or a response body arrives", () => {
  const bytes = new TextEncoder().encode(text);
  const fromText = Directory.fromSources(text);
  assert.equal(Directory.fromSources(bytes).toJSONString(), fromText.toJSONString());
  assert.equal(Directory.fromSources(bytes.buffer).toJSONString(), fromText.toJSONString());
  const world = fromText.toJSONString();
  const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(world)]);
  assert.equal(Directory.fromJSON(withMark).toJSONString(), world, "a byte-order mark is skipped");
});

test("bytes that are not UTF-8, or not an object's JSON, are refused with what to fix", () => {
  const bad = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]); // {"\xff"}
  const [code, message] = refusal(() => Directory.fromJSON(bad));
  assert.equal(code, "INVALID_INPUT");
  assert.match(message, /not UTF-8 \(at byte 2\)/);
  const [arrayCode, arrayMessage] = refusal(() => Directory.fromSources(new TextEncoder().encode("[1]")));
  assert.equal(arrayCode, "INVALID_INPUT");
  assert.match(arrayMessage, /got an array/);
  // The same error as the text, line and column included.
  const broken = text.replace('"value"', '"value": 7, "x"');
  assert.deepEqual(
    refusal(() => Directory.fromSources(new TextEncoder().encode(broken))),
    refusal(() => Directory.fromSources(broken)),
  );
});
