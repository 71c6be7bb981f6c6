// Validates Kubernetes manifests against the Kubernetes API's own OpenAPI schemas (types,
// required fields, formats, enums), with the npm package kubernetes-models, offline.
//   node validate-manifests.mjs deploy/kubernetes/*.yaml
// Prints one line per object; exits 1 when any object is invalid or of an unknown kind.
// scripts/install-test-deps.sh installs the packages next to a copy of this file.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) {
      console.log(`FAIL ${file}: ${doc.errors[0].message}`);
      failed++;
      continue;
    }
    const object = doc.toJS();
    if (object == null) continue;
    const { apiVersion, kind } = object;
    const where = `${file} ${kind}/${object.metadata?.name ?? ""}`;
    if (apiVersion?.startsWith("kustomize.config.k8s.io/")) {
      console.log(`skip ${where} (kustomize's own file)`);
      continue;
    }
    let model;
    try {
      model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
    } catch (e) {
      console.log(`FAIL ${where}: no schema for ${apiVersion} ${kind}`);
      failed++;
      continue;
    }
    try {
      new model(object).validate();
      console.log(`ok   ${where}`);
    } catch (e) {
      console.log(`FAIL ${where}: ${e.message}`);
      failed++;
    }
  }
}
process.exit(failed ? 1 : 0);
