// Parses each Terraform file named on the command line with HashiCorp's HCL2 parser (compiled to
// WASM in @cdktf/hcl2json) and prints one JSON object: { "<path>": <parsed body>, ... }.
// Exit status 0 when every file parses; 1 with the parser's message on stderr for the first that
// does not; 2 on a usage error. The recon-infra tests run this and check the JSON.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const MAX_FILE_BYTES = 1024 * 1024;

const require = createRequire(import.meta.url);
let hcl;
try {
  hcl = require("@cdktf/hcl2json");
} catch (e) {
  console.error(
    "@cdktf/hcl2json is not installed: run `npm ci --prefix infra/hcl-check` (" + e.message + ")");
  process.exit(3);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node parse.mjs FILE.tf...");
  process.exit(2);
}

const parsed = {};
for (const file of files) {
  const text = await readFile(file, "utf8");
  if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) {
    console.error(`${file}: larger than ${MAX_FILE_BYTES} bytes`);
    process.exit(1);
  }
  try {
    parsed[file] = await hcl.parse(file, text);
  } catch (e) {
    console.error(`${file}: ${e && e.message ? e.message : String(e)}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(parsed));
