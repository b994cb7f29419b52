// The people-search benchmark's engines and measurements, shared by benches/search.mjs
// (Node) and benches/search-browser.mjs (the same code in headless Chromium). Nothing
// here imports Node modules: engines are handed in, so the page can load them too.
//
// Every engine answers `search(query) -> ids` (best first, at most 10) after `build(users)`.
// The same typing sequences run through each one; a keystroke is one query, timed alone.

/** Typing forms: what a person types to find someone. */
export const FORMS = ["display", "surnameFirst", "mail", "noAccents", "outOfOrder", "noMatch"];

/** A small seeded PRNG (xorshift32), so every engine and every run sees the same picks. */
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** Case and accent folding, as a reader compares names (for the quality checks only). */
export function fold(s) {
  return (s ?? "").normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

function words(s) {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const hasAccent = (s) => /[^\u0000-\u007f]/.test(s) && fold(s) !== (s ?? "").toLowerCase() && /^[\p{Script=Latin}\s'’.-]+$/u.test(s);

/** The full query of each form for a user, or undefined when the form does not apply. */
export function formQuery(form, u, pick) {
  const display = u.displayName ?? "";
  const parts = display.split(/\s+/).filter(Boolean);
  switch (form) {
    case "display":
      return display;
    case "surnameFirst":
      if (u.givenName && u.surname) return `${u.surname} ${u.givenName}`;
      return parts.length >= 2 ? [parts.at(-1), ...parts.slice(0, -1)].join(" ") : undefined;
    case "mail": {
      const local = (u.mail ?? "").split("@")[0];
      return local || undefined;
    }
    case "noAccents":
      return hasAccent(display) ? display.normalize("NFD").replace(/\p{M}+/gu, "") : undefined;
    case "outOfOrder":
      return parts.length >= 2 ? [...parts].reverse().join(" ") : undefined;
    case "noMatch": {
      const junk = ["qzx", "vvkq", "xjw", "zzqy"][Math.floor(pick() * 4)];
      return `${parts[0] ?? "x"} ${junk}`;
    }
  }
  return undefined;
}

/**
 * The typing sequences: `perForm` people per form (seeded), each typed one character at a
 * time. Interleaved across forms, so an engine stopped by its time budget has measured
 * every form alike.
 */
export function sequences(users, { perForm = 100, seed = 7 } = {}) {
  const pick = rng(seed);
  const byForm = new Map(FORMS.map((f) => [f, []]));
  const accented = users.filter((u) => hasAccent(u.displayName));
  for (const form of FORMS) {
    const pool = form === "noAccents" ? accented : users;
    const list = byForm.get(form);
    for (let tries = 0; list.length < perForm && tries < perForm * 20 && pool.length > 0; tries++) {
      const u = pool[Math.floor(pick() * pool.length)];
      const full = formQuery(form, u, pick);
      if (!full) continue;
      const keys = [];
      for (let i = 1; i <= full.length; i++) keys.push(full.slice(0, i));
      list.push({ form, target: u.id, full, keys });
    }
  }
  const out = [];
  for (let i = 0; i < perForm; i++) for (const form of FORMS) if (byForm.get(form)[i]) out.push(byForm.get(form)[i]);
  return out;
}

/**
 * Queries for the exact-before-prefix check: name words (first or last word of a display
 * name, Latin script) that are also the start of a longer name word in the data ("Ann"
 * and "Anna", "Martin" and "Martinez"), typed whole. Seeded pick of at most `max`.
 */
export function exactQueries(users, max = 40) {
  const seen = new Map();
  for (const u of users) {
    const parts = (u.displayName ?? "").split(/\s+/).filter(Boolean);
    for (const w of [parts[0], parts.at(-1)]) {
      if (w && /^[\p{Script=Latin}]{2,}$/u.test(w)) seen.set(fold(w), w);
    }
  }
  const names = [...seen.keys()].sort();
  const found = [];
  for (let i = 0; i < names.length; i++) {
    if (names[i + 1]?.startsWith(names[i])) found.push(seen.get(names[i]));
  }
  const pick = rng(11);
  const out = [];
  while (out.length < max && found.length > 0) out.push(found.splice(Math.floor(pick() * found.length), 1)[0]);
  return out.sort();
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Records the query cannot tell apart from the target (same words where it looks). */
function sameFor(form, a, b) {
  if (!a || !b) return false;
  if (form === "mail") return fold((a.mail ?? "").split("@")[0]) === fold((b.mail ?? "").split("@")[0]);
  return words(a.displayName).join(" ") === words(b.displayName).join(" ");
}

/**
 * Runs one engine: build, then every keystroke of every sequence, then the quality
 * checks. `budgetMs` bounds the keystrokes' total time: past it the engine is reported
 * `partial` with what it measured. `now` is the clock (performance.now in both places).
 */
/** How many of the slowest keystrokes a result lists (`SEARCH_BENCH_SLOWEST`, default 8). */
const keepSlowest = Number(globalThis.process?.env?.SEARCH_BENCH_SLOWEST ?? 8);

export function measure(engine, users, seqs, exact, { budgetMs = 120_000, now = () => performance.now(), memory = () => 0, log = () => {} } = {}) {
  const byId = new Map(users.map((u) => [u.id, u]));
  const mem0 = memory();
  const t0 = now();
  engine.build(users);
  const buildMs = now() - t0;
  const memoryBytes = memory() - mem0;
  log(`${engine.name}: built in ${(buildMs / 1000).toFixed(2)} s, ${(memoryBytes / 2 ** 20).toFixed(1)} MB`);
  // Warm-up: a few queries, untimed, so the first keystrokes do not pay for compilation.
  for (const q of ["a", "al", "ali", "li c", "xyz"]) engine.search(q);
  const times = [];
  const slow = [];
  const hits = new Map(FORMS.map((f) => [f, { hit: 0, strict: 0, of: 0 }]));
  let spent = 0;
  let partial = false;
  let done = 0;
  let exactOk = 0;
  let exactOf = 0;
  for (const q of exact) {
    // A quarter of the budget for these; what is left goes to the typing sequences.
    if (spent > budgetMs / 4) {
      partial = true;
      break;
    }
    const a = now();
    const top = engine.search(q).slice(0, 10);
    spent += now() - a;
    const want = fold(q);
    const isExact = top.map((id) => words(byId.get(id)?.displayName).includes(want));
    exactOf++;
    // An exact name first, and no exact name after a longer one.
    const firstLonger = isExact.indexOf(false);
    if (isExact[0] && (firstLonger < 0 || !isExact.slice(firstLonger).includes(true))) exactOk++;
  }
  for (const seq of seqs) {
    if (spent > budgetMs) {
      partial = true;
      break;
    }
    let last = [];
    let typed = 0;
    for (const q of seq.keys) {
      // Checked every keystroke: one keystroke of a slow peer can take seconds.
      if (spent > budgetMs) break;
      const a = now();
      last = engine.search(q);
      const dt = now() - a;
      times.push(dt);
      if (slow.length < keepSlowest || dt > slow[slow.length - 1][0]) {
        slow.push([dt, q]);
        slow.sort((x, y) => y[0] - x[0]);
        slow.length = Math.min(slow.length, keepSlowest);
      }
      spent += dt;
      typed++;
    }
    if (typed < seq.keys.length) {
      partial = true;
      break;
    }
    done++;
    if (seq.form === "noMatch") continue;
    const h = hits.get(seq.form);
    h.of++;
    const top = last.slice(0, 10);
    const target = byId.get(seq.target);
    if (top.includes(seq.target)) {
      h.hit++;
      h.strict++;
    } else if (top.length === 10 && top.every((id) => sameFor(seq.form, byId.get(id), target))) {
      h.hit++;
    }
  }
  times.sort((a, b) => a - b);
  const rate = (n, d) => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);
  const forms = {};
  let hit = 0;
  let strict = 0;
  let of = 0;
  for (const [f, h] of hits) {
    if (f === "noMatch") continue;
    forms[f] = rate(h.hit, h.of);
    hit += h.hit;
    strict += h.strict;
    of += h.of;
  }
  return {
    engine: engine.name,
    users: users.length,
    buildMs: Math.round(buildMs),
    memoryMB: Math.round((memoryBytes / 2 ** 20) * 10) / 10,
    p50us: Math.round(percentile(times, 50) * 10000) / 10,
    p99us: Math.round(percentile(times, 99) * 10000) / 10,
    maxus: Math.round((times.at(-1) ?? NaN) * 1000),
    keystrokes: times.length,
    sequences: done,
    top10: rate(hit, of),
    top10strict: rate(strict, of),
    top10ByForm: forms,
    exactFirst: rate(exactOk, exactOf),
    exactQueries: exactOf,
    slowest: slow.map(([t, q]) => [Math.round(t * 1000), q]),
    partial,
  };
}

// --- the engines -----------------------------------------------------------------------

const SEARCH_FIELDS = ["displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle"];

/**
 * guestpass through the built package: `PeopleIndex` (JavaScript boundary included), with
 * highlights computed for every result (as a picker shows them) or, for `guestpass-nohl`,
 * without (ids and records only, as the peers answer here).
 */
export function guestpassEngine(gp, { highlights = true } = {}) {
  let index;
  return {
    name: highlights ? "guestpass" : "guestpass-nohl",
    build(users) {
      index = gp.PeopleIndex.from(users);
    },
    search(q) {
      return index.search(q, { limit: 10, highlights }).map((m) => m.id);
    },
    drop() {
      index?.free();
      index = undefined;
    },
  };
}

/**
 * The path a people picker calls: `session.search` of a person signed into a `Directory`
 * holding the same people (`world`, from benches/people-varied.mjs's `worldOf`), with
 * highlights, as the picker shows them. `who` picks the person: `"member"` or `"guest"`
 * (the tenant's guest access is `sameAsMember`, so a guest searches everyone too). The
 * two rows share one directory (`shared.dir`), built by the first; the caller frees it.
 */
export function sessionEngine(gp, { world, who, shared }) {
  let session;
  return {
    name: `session.search (${who})`,
    build() {
      shared.dir ??= gp.Directory.fromJSON(world);
      const tenantId = world.tenants[0].id;
      const person = world.users.find((u) => (who === "guest" ? u.userType === "Guest" && u.externalUserState === "Accepted" : u.userType !== "Guest"));
      session = shared.dir.signIn({ tenantId, user: person.id });
    },
    search(q) {
      return session.search(q, { limit: 10 }).items.map((m) => m.id);
    },
    drop() {
      session?.free();
      session = undefined;
    },
  };
}

/** FlexSearch: a Document index over the same fields, forward tokenizing. */
export function flexsearchEngine(FlexSearch) {
  let index;
  return {
    name: "flexsearch",
    build(users) {
      index = new FlexSearch.Document({
        tokenize: "forward",
        document: { id: "id", index: SEARCH_FIELDS },
      });
      for (const u of users) index.add(u);
    },
    search(q) {
      return index.search(q, { limit: 10, merge: true }).map((r) => r.id);
    },
    drop() {
      index = undefined;
    },
  };
}

/** MiniSearch with prefix search, every word required (AND). */
export function minisearchEngine(MiniSearch) {
  let index;
  return {
    name: "minisearch",
    build(users) {
      index = new MiniSearch({
        fields: SEARCH_FIELDS,
        storeFields: [],
        searchOptions: { prefix: true, combineWith: "AND" },
      });
      index.addAll(users);
    },
    search(q) {
      const r = index.search(q);
      const out = [];
      for (let i = 0; i < r.length && i < 10; i++) out.push(r[i].id);
      return out;
    },
    drop() {
      index = undefined;
    },
  };
}

/** Fuse.js with its defaults over the same fields. */
export function fuseEngine(Fuse) {
  let index;
  return {
    name: "fuse.js",
    build(users) {
      index = new Fuse(users, { keys: SEARCH_FIELDS });
    },
    search(q) {
      return index.search(q, { limit: 10 }).map((r) => r.item.id);
    },
    drop() {
      index = undefined;
    },
  };
}

/** uFuzzy over one line per person (display name, mail, job title), ranked by its info. */
export function ufuzzyEngine(UFuzzy) {
  let uf;
  let haystack;
  let ids;
  return {
    name: "ufuzzy",
    build(users) {
      uf = new UFuzzy({});
      haystack = users.map((u) => `${u.displayName ?? ""} ${u.mail ?? ""} ${u.jobTitle ?? ""}`);
      ids = users.map((u) => u.id);
    },
    search(q) {
      const [idxs, info, order] = uf.search(haystack, q, 0, 1000);
      if (!idxs) return [];
      const out = [];
      if (info && order) {
        for (let i = 0; i < order.length && i < 10; i++) out.push(ids[info.idx[order[i]]]);
      } else {
        for (let i = 0; i < idxs.length && i < 10; i++) out.push(ids[idxs[i]]);
      }
      return out;
    },
    drop() {
      uf = haystack = ids = undefined;
    },
  };
}
