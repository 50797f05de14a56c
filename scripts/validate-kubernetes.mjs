// Validate rendered Kubernetes objects offline (called by scripts/check-kubernetes.sh, which
// installs the pinned npm packages and runs this file from their directory):
//   node validate-kubernetes.mjs OUT_DIR FILE.yaml...
// 1. schema: kubernetes-models (Kubernetes 1.x OpenAPI) and @kubernetes-models/prometheus-operator
//    (the operator's CRD schemas): types, required fields, enums, formats;
// 2. no unknown fields (a typo such as readOnlyRootFilesytem would otherwise pass): every object is
//    type-checked by tsc against the same packages' TypeScript interfaces as an object literal,
//    whose excess-property check rejects any field the API does not define.
// Prints "ok <file>: <kind>/<name>" or "FAIL ..." per object; exit 1 on any failure.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import yaml from "js-yaml";

const MODULES = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const [outDir, ...files] = process.argv.slice(2);
let failed = 0;
let count = 0;
const ts = [];
const where = [];
for (const file of files) {
  const docs = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
  if (docs.length === 0) {
    console.log(`FAIL ${file}: no objects`);
    failed++;
  }
  for (const doc of docs) {
    count++;
    const w = `${file}: ${doc.kind}/${doc.metadata?.name}`;
    const mod = MODULES[doc.apiVersion];
    const Model = mod && (await import(mod))[doc.kind];
    if (!Model) {
      console.log(`FAIL ${w}: no schema here for ${doc.apiVersion} ${doc.kind}`);
      failed++;
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (e) {
      console.log(`FAIL ${w}: ${e.message}`);
      failed++;
      continue;
    }
    const i = where.length;
    where.push(w);
    ts.push(`import type { I${doc.kind} as T${i} } from "${mod}/${doc.kind}";`);
    ts.push(`export const o${i}: T${i} = ${JSON.stringify(doc)};`);
  }
}
if (where.length > 0) {
  // Next to node_modules, so that tsc resolves the packages; a copy is kept in OUT_DIR.
  const tsFile = join(process.cwd(), `objects-${process.pid}.ts`);
  writeFileSync(tsFile, ts.join("\n") + "\n");
  writeFileSync(join(outDir, "objects.ts"), ts.join("\n") + "\n");
  try {
    execFileSync(
      join(process.cwd(), "node_modules/.bin/tsc"),
      ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext",
        "--skipLibCheck", tsFile],
      { encoding: "utf8", stdio: "pipe" },
    );
  } catch (e) {
    rmSync(tsFile, { force: true });
    const out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    const bad = new Set();
    for (const line of out.split("\n").filter((l) => l.trim())) {
      // objects.ts(LINE,COL): error ...: line 2k is object k
      const m = line.match(/\((\d+),\d+\): (error .*)$/);
      const k = m ? Math.floor((Number(m[1]) - 1) / 2) : -1;
      console.log(`FAIL ${k >= 0 ? where[k] : tsFile}: ${m ? m[2] : line}`);
      if (k >= 0) bad.add(k);
    }
    failed += Math.max(1, bad.size);
    where.forEach((w, k) => bad.has(k) || console.log(`ok   ${w}`));
    console.log(`${count} objects, ${failed} failed`);
    process.exit(1);
  }
  rmSync(tsFile, { force: true });
  where.forEach((w) => console.log(`ok   ${w}`));
}
console.log(`${count} objects, ${failed} failed`);
process.exit(failed === 0 && count > 0 ? 0 : 1);
