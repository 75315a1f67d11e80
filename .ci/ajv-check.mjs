// Validates the corpus written by the review tool's TestWriteCorpus with ajv
// (JSON Schema 2020-12, formats asserted) and compares every verdict with the
// Go validator's. A document the Go side marks go-only (a cross-field rule
// the schema cannot state) may pass the schema; every other verdict must
// match. Exits 1 on any disagreement.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map();
for (const schemaPath of new Set(manifest.map((d) => d.schema))) {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  compiled.set(schemaPath, ajv.compile(schema));
}
let agree = 0;
const disagree = [];
for (const d of manifest) {
  const doc = JSON.parse(readFileSync(join(dir, d.file), "utf8"));
  const validate = compiled.get(d.schema);
  const ok = validate(doc);
  const fine = ok === d.goValid || (d.goOnly && ok && !d.goValid);
  if (fine) {
    agree++;
  } else {
    disagree.push(`${d.kind} ${d.name}: ajv says ${ok ? "valid" : "invalid"}, Go says ${d.goValid ? "valid" : "invalid"}` +
      (ok ? "" : ` (${ajv.errorsText(validate.errors)})`));
  }
}
console.log(`ajv: ${compiled.size} schemas compiled; ${agree} documents agree with the Go validator, ${disagree.length} disagree`);
for (const line of disagree) console.log("  " + line);
process.exit(disagree.length === 0 ? 0 : 1);
