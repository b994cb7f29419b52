// A Subresource Integrity string for a view's shared part: what `fetch(url, { integrity })`
// takes, so the browser checks the part's SHA-256 natively while it downloads it
// (https://www.w3.org/TR/SRI/: "sha256-" and the digest in base64).

/** `sha256-` and the base64 of the SHA-256 given as lowercase hex (`sharedHash`). */
export function integrityOf(sha256Hex: string): string {
  let binary = "";
  for (let at = 0; at + 1 < sha256Hex.length; at += 2) {
    binary += String.fromCharCode(parseInt(sha256Hex.slice(at, at + 2), 16));
  }
  return `sha256-${btoa(binary)}`;
}
