#!/usr/bin/env node
// `npx guestpass`: the command line for build steps and scripts. It turns world JSON,
// Graph pages or source pages into a snapshot (`snapshot`), and a snapshot or any of those
// into one person's view (`view`), with the full package's Node entry. Exit codes: 0 done,
// 1 the input was refused (the GuestPassError's code is printed), 2 a wrong command line.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Directory, GuestPassError, version } from "./node.js";

const HELP = `guestpass ${version()}: snapshots and views for build steps and scripts

Usage:
  guestpass snapshot <input> -o <snapshot.bin>
  guestpass view --tenant <tenant id> --user <user> <input> -o <view.bin>
  guestpass view --parts --tenant <tenant id> --user <user> <input> -o <folder>
  guestpass --help | --version

snapshot  writes the whole directory as a snapshot (Directory.fromBytes reads it).
view      writes what one person may see in one tenant (fromView of "guestpass/view"
          reads it in their browser); --user is an object id, userPrincipalName or mail.
          With --parts, writes its two parts into the folder -o names (dir.viewParts):
          personal.bin, and shared-<sha-256>.bin, the same bytes for everyone of the
          person's audience in the tenant (fromViewParts reads the two).

<input> is one of:
  a snapshot file (what \`guestpass snapshot\` or dir.toBytes() wrote)
  a .json file: world JSON (Directory.fromJSON), Graph pages ({ tenants: [{ organization,
    users, ... }] }, Directory.fromGraph) or every source's pages ({ graph, powerAutomate?,
    dataverse? }, Directory.fromSources)
  a directory of source pages: graph.json (the Graph pages), and optionally
    powerAutomate.json and dataverse.json (arrays, as in Directory.fromSources)

Options:
  -o, --out <file>   where to write the bytes ("-" for standard output)
  --tenant <id>      (view) the tenant the person signs into
  --user <user>      (view) the person
  --parts            (view) write the personal and the shared part into the folder -o names
  -h, --help         this text
  -v, --version      the guestpass version

Exit codes: 0 written, 1 the input was refused (its error code is printed), 2 usage error.
`;

/** A wrong command line: printed with a pointer to --help, exit code 2. */
class UsageError extends Error {}

type Options = { out?: string; tenant?: string; user?: string; parts?: boolean; help?: boolean; version?: boolean };

function parse(argv: string[]): { command?: string; input?: string; options: Options } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      tenant: { type: "string" },
      user: { type: "string" },
      parts: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (positionals.length > 2) throw new UsageError(`one input at a time; got ${positionals.slice(1).join(", ")}`);
  return { command: positionals[0], input: positionals[1], options: values };
}

/** The JSON of a file, or INVALID_INPUT naming it. */
function readJson(path: string): unknown {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GuestPassError("INVALID_INPUT", `${path} is not JSON: ${(error as Error).message}`, { path });
  }
}

/** The directory a parsed JSON file describes, by its shape. */
function fromJsonValue(value: unknown, path: string): Directory {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new GuestPassError("INVALID_INPUT", `${path} holds no object: expected world JSON, Graph pages or source pages`, { path });
  }
  const object = value as Record<string, unknown>;
  if ("graph" in object) return Directory.fromSources(object as never);
  const tenants = object.tenants;
  const first = Array.isArray(tenants) ? (tenants[0] as Record<string, unknown> | undefined) : undefined;
  if (first !== null && typeof first === "object" && "organization" in first) return Directory.fromGraph(object as never);
  return Directory.fromJSON(object as never);
}

/** The directory of a folder of source pages (graph.json, powerAutomate.json?, dataverse.json?). */
function fromSourcesDir(dir: string): Directory {
  const files = new Set(readdirSync(dir));
  if (!files.has("graph.json")) {
    throw new GuestPassError("INVALID_INPUT", `${dir} is a directory without graph.json: a directory of sources holds graph.json, and optionally powerAutomate.json and dataverse.json`, { path: dir });
  }
  const input: Record<string, unknown> = { graph: readJson(join(dir, "graph.json")) };
  for (const part of ["powerAutomate", "dataverse"]) {
    if (files.has(`${part}.json`)) input[part] = readJson(join(dir, `${part}.json`));
  }
  return Directory.fromSources(input as never);
}

/** The directory an input path names: a snapshot, a JSON file or a folder of sources. */
function load(path: string): Directory {
  if (statSync(path).isDirectory()) return fromSourcesDir(path);
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8).toString("latin1") === "GUESTPAS") return Directory.fromBytes(bytes);
  return fromJsonValue(readJson(path), path);
}

function write(out: string, bytes: Uint8Array): void {
  if (out === "-") process.stdout.write(bytes);
  else writeFileSync(out, bytes);
}

/** What a run printed: the answer (standard output) and a note (standard error). */
type Said = { answer?: string; note?: string };

/** `view --parts`: personal.bin and shared-<sha-256>.bin in the folder `out`. */
function writeParts(dir: Directory, tenantId: string, user: string, out: string): Said {
  const { shared, sharedHash, sharedIntegrity, personal } = dir.viewParts({ tenantId, user });
  mkdirSync(out, { recursive: true });
  const sharedFile = `shared-${sharedHash}.bin`;
  writeFileSync(join(out, "personal.bin"), personal);
  writeFileSync(join(out, sharedFile), shared);
  return {
    answer: `${sharedHash}\n`,
    note:
      `guestpass: wrote personal.bin (${personal.length} bytes) and ${sharedFile} (${shared.length} bytes) to ${out}; ` +
      `serve the shared part with the integrity ${sharedIntegrity} (the GuestPass-Shared-Integrity header loadViewParts reads)\n`,
  };
}

function run(argv: string[]): Said {
  const { command, input, options } = parse(argv);
  if (options.version) return { answer: version() + "\n" };
  if (options.help || command === "help") return { answer: HELP };
  if (command === undefined) throw new UsageError("a command is needed: snapshot or view");
  if (command !== "snapshot" && command !== "view") throw new UsageError(`unknown command "${command}"`);
  if (input === undefined) throw new UsageError(`${command} needs an input file or directory`);
  if (options.out === undefined) throw new UsageError(`${command} needs -o <file> (or -o - for standard output)`);
  if (command === "view" && (options.tenant === undefined || options.user === undefined)) {
    throw new UsageError("view needs --tenant <tenant id> and --user <user>");
  }
  if (command === "snapshot" && (options.tenant !== undefined || options.user !== undefined || options.parts)) {
    throw new UsageError("--tenant, --user and --parts are options of view, not of snapshot");
  }
  if (options.parts && options.out === "-") throw new UsageError("--parts writes two files: -o names a folder");
  const dir = load(input);
  try {
    if (options.parts) return writeParts(dir, options.tenant!, options.user!, options.out);
    const bytes = command === "snapshot" ? dir.toBytes() : dir.viewFor({ tenantId: options.tenant!, user: options.user! });
    write(options.out, bytes);
    return { note: `guestpass: wrote ${bytes.length} bytes (${command}) to ${options.out === "-" ? "standard output" : options.out}\n` };
  } finally {
    dir.free();
  }
}

function main(): number {
  try {
    const said = run(process.argv.slice(2));
    if (said.answer !== undefined) process.stdout.write(said.answer);
    if (said.note !== undefined) process.stderr.write(said.note);
    return 0;
  } catch (error) {
    if (error instanceof GuestPassError) {
      process.stderr.write(`guestpass: ${error.code}: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException)?.code;
    if (error instanceof UsageError || code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      process.stderr.write(`guestpass: ${(error as Error).message}\nRun \`guestpass --help\` for usage.\n`);
      return 2;
    }
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
      process.stderr.write(`guestpass: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
