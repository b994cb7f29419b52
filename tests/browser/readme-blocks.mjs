// The package README's blocks that run outside tests/js/examples-lib.mjs's Node and browser
// runs (a React page, a vite.config.js): each is marked `<!-- example: NAME -->` on the line
// before its fence, and a test reads it by that name and runs it as printed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repo } from "./harness.mjs";

/** The code of the README block that follows `<!-- example: NAME -->`. */
export function readmeExample(name) {
  const text = readFileSync(join(repo, "pkg-template", "README.md"), "utf8");
  const match = text.match(new RegExp(`<!--\\s*example:\\s*${name}\\s*-->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\`\\n`));
  if (!match) throw new Error(`pkg-template/README.md has no block marked <!-- example: ${name} -->`);
  return match[1] + "\n";
}
