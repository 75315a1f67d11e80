// Times the JavaScript peer of Go's Parse + Validate: JSON.parse of a
// document's text and a compiled ajv 8 validator (JSON Schema 2020-12,
// formats asserted, every error collected as the Go side collects every
// problem), on the files internal/docbench's TestTemplatesJSON wrote.
// Prints one line per kind: "kind bytes ns/op cpu-ns/op", each the fastest
// of `rounds` timings (the one the machine's other load disturbed least):
// wall time, and the process's CPU time, which does not count the time
// other processes hold the CPU. A fourth argument times only the kind it
// names.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const minMillis = Number(process.argv[3] || 1000);
const rounds = Number(process.argv[4] || 3);
const only = process.argv[5];
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

for (const d of manifest) {
  if (only && d.kind !== only) continue;
  const text = readFileSync(join(dir, d.file), "utf8");
  const validate = ajv.compile(JSON.parse(readFileSync(d.schema, "utf8")));
  const once = () => {
    if (!validate(JSON.parse(text))) {
      throw new Error(`${d.kind}: ajv refuses the template: ${ajv.errorsText(validate.errors)}`);
    }
  };
  // Warm up until the JIT has settled, then time batches until minMillis
  // have passed, as go test -bench grows b.N.
  for (let i = 0; i < 2000; i++) once();
  let best = Infinity;
  let bestCPU = Infinity;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    for (let batch = 100; elapsed < BigInt(minMillis) * 1000000n; batch *= 2) {
      for (let i = 0; i < batch; i++) once();
      n += batch;
      elapsed = process.hrtime.bigint() - start;
    }
    const used = process.cpuUsage(cpu);
    best = Math.min(best, Number(elapsed) / n);
    bestCPU = Math.min(bestCPU, ((used.user + used.system) * 1000) / n);
  }
  console.log(`${d.kind} ${Buffer.byteLength(text)} ${best.toFixed(0)} ${bestCPU.toFixed(0)}`);
}
