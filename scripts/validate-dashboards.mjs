// Type-check Grafana dashboards offline against Grafana's published schema, @grafana/schema
// (called by scripts/check-dashboards.sh, which installs the pinned npm packages and runs this
// file from their directory):
//   node validate-dashboards.mjs OUT_DIR DASHBOARD.json...
// Every part of a dashboard becomes an object literal typed with the schema's TypeScript type, so
// tsc rejects a wrong type, a missing required field, a value outside an enum and (by its
// excess-property check) any field the schema does not define:
//   the dashboard itself: Dashboard;            every row: RowPanel;
//   every other panel: Panel, its options: the panel plugin's Options (panelcfg), its
//   fieldConfig: FieldConfigSource / FieldConfig, and fieldConfig.defaults.custom: the plugin's
//   FieldConfig (nothing, for plugins without one);
//   every variable: VariableModel;              every target: PrometheusQuery (below).
// Enums of the schema are matched by their values (a dashboard's JSON says "absolute", not
// ThresholdsMode.Absolute).
// One addition to the schema: a query variable's "definition" (the query as text), which
// Grafana's variable editor saves in every dashboard but the schema's VariableModel does not list.
// Prints "ok <file>: <what>" or "FAIL <file>: <what>: <error>" per part; exit 1 on any failure.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const SCHEMA = "@grafana/schema";
const pkgDir = join(process.cwd(), "node_modules", SCHEMA);
const exportsMap = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).exports;

// The panel plugin's types module in @grafana/schema, or null for an unknown plugin. Newer
// releases list it in the package's exports, older ones only ship the file.
async function panelModule(type) {
  const dir = `dist/esm/raw/composable/${type}/panelcfg/x`;
  let spec = null;
  let dts = null;
  if (exportsMap) {
    const re = new RegExp(`^\\./${dir}/[A-Za-z]+_types\\.gen$`);
    const key = Object.keys(exportsMap).find((k) => re.test(k));
    if (key) {
      spec = `${SCHEMA}${key.slice(1)}`;
      dts = join(pkgDir, exportsMap[key].types);
    }
  } else if (existsSync(join(pkgDir, dir))) {
    const f = readdirSync(join(pkgDir, dir)).find((n) => /^[A-Za-z]+_types\.gen\.d\.ts$/.test(n));
    if (f) {
      spec = `${SCHEMA}/${dir}/${f.replace(/\.d\.ts$/, "")}`;
      dts = join(pkgDir, dir, f);
    }
  }
  if (!spec) return null;
  const text = existsSync(dts) ? readFileSync(dts, "utf8") : "";
  let defaults = {};
  try {
    defaults = await import(spec);
  } catch {
    // types only in this release: no defaults to fill in
  }
  return {
    spec,
    hasFieldConfig: /^export interface FieldConfig\b/m.test(text),
    defaultOptions: defaults.defaultOptions ?? {},
    defaultFieldConfig: defaults.defaultFieldConfig ?? {},
  };
}

// What Grafana does when it loads a panel: the plugin's defaults under what the dashboard says
// (objects merged key by key, anything else taken from the dashboard). A field the schema
// requires but gives a default for may so be left out, as Grafana saves it.
function withDefaults(defaults, value) {
  if (!isObject(defaults) || !isObject(value)) return value === undefined ? defaults : value;
  const out = { ...defaults };
  for (const [k, v] of Object.entries(value)) out[k] = withDefaults(defaults[k], v);
  return out;
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

const header = [
  `import type { Dashboard, Panel, RowPanel, VariableModel, FieldConfig, FieldConfigSource,`,
  `  DataQuery } from "${SCHEMA}";`,
  // The schema's enums by their values; object types field by field (mapped types keep
  // tsc's excess-property check); arrays element by element.
  "type L<T> = T extends string ? `${T}` : T extends readonly (infer U)[] ? L<U>[]",
  "  : T extends object ? { [K in keyof T]: L<T[K]> } : T;",
  // Grafana's Prometheus data source query (its dataquery schema ships with the data source, not
  // in @grafana/schema): the common DataQuery fields and the Prometheus ones.
  "interface PrometheusQuery extends DataQuery {",
  "  expr: string; legendFormat?: string; editorMode?: 'code' | 'builder';",
  "  format?: 'time_series' | 'table' | 'heatmap'; instant?: boolean; range?: boolean;",
  "  exemplar?: boolean; interval?: string; intervalFactor?: number;",
  "}",
  // What Grafana's "Export for sharing externally" adds around the model: not part of it.
  "interface ExportHeader {",
  "  __inputs?: { name: string; label: string; description?: string; type: 'datasource';",
  "    pluginId: string; pluginName: string }[];",
  "  __elements?: Record<string, never>;",
  "  __requires?: { type: 'grafana' | 'datasource' | 'panel'; id: string; name: string;",
  "    version: string }[];",
  "}",
];

const [outDir, ...files] = process.argv.slice(2);
const ts = [...header];
const where = []; // where[i] describes the object on line firstLine + i
const modules = new Map();
let failed = 0;

function check(type, value, what) {
  where.push(what);
  ts.push(`export const o${where.length}: ${type} = ${JSON.stringify(value)};`);
}
async function moduleAlias(type) {
  if (!modules.has(type)) {
    const m = await panelModule(type);
    if (!m) return null;
    const alias = `P${modules.size}`;
    modules.set(type, { ...m, alias });
    ts.splice(2, 0, `import type * as ${alias} from "${m.spec}";`);
  }
  return modules.get(type);
}

for (const file of files) {
  const d = JSON.parse(readFileSync(file, "utf8"));
  const { __inputs, __elements, __requires, panels = [], templating, ...model } = d;
  check("L<ExportHeader>", { __inputs, __elements, __requires }, `${file}: export header`);
  check(
    "L<Dashboard>",
    { ...model, panels: [], ...(templating ? { templating: { ...templating, list: [] } } : {}) },
    `${file}: dashboard`,
  );
  (templating?.list ?? []).forEach((v) =>
    check("L<VariableModel> & { definition?: string }", v, `${file}: variable ${v.name}`),
  );
  const all = [];
  for (const p of panels) {
    all.push(p);
    if (p.type === "row") all.push(...(p.panels ?? []));
  }
  for (const p of all) {
    const what = `${file}: panel ${p.id} "${p.title}" (${p.type})`;
    if (p.type === "row") {
      check("L<RowPanel>", { ...p, panels: [] }, what);
      continue;
    }
    const m = await moduleAlias(p.type);
    if (!m) {
      console.log(`FAIL ${what}: no panel plugin "${p.type}" in ${SCHEMA}`);
      failed++;
      continue;
    }
    const { options, fieldConfig, targets, ...rest } = p;
    check("L<Omit<Panel, 'options' | 'fieldConfig' | 'targets'>>", rest, what);
    check(`L<${m.alias}.Options>`, withDefaults(m.defaultOptions, options ?? {}), `${what} options`);
    if (fieldConfig) {
      const { defaults = {}, overrides = [], ...fcRest } = fieldConfig;
      const { custom, ...defaultsRest } = defaults;
      check("L<Omit<FieldConfigSource, 'defaults' | 'overrides'>>", fcRest, `${what} fieldConfig`);
      check("L<Omit<FieldConfig, 'custom'>>", defaultsRest, `${what} fieldConfig.defaults`);
      check(
        m.hasFieldConfig ? `L<${m.alias}.FieldConfig>` : "Record<string, never>",
        m.hasFieldConfig ? withDefaults(m.defaultFieldConfig, custom ?? {}) : (custom ?? {}),
        `${what} fieldConfig.defaults.custom`,
      );
      overrides.forEach((o, i) =>
        check("L<FieldConfigSource['overrides'][number]>", o, `${what} override ${i}`),
      );
    }
    (targets ?? []).forEach((t) =>
      check("L<PrometheusQuery>", t, `${what} target ${t.refId}`),
    );
  }
}

// Next to node_modules, so that tsc resolves the packages; a copy is kept in OUT_DIR.
const tsFile = join(process.cwd(), `dashboards-${process.pid}.ts`);
const source = ts.join("\n") + "\n";
writeFileSync(tsFile, source);
writeFileSync(join(outDir, "dashboards.ts"), source);
const headerLines = ts.length - where.length;
const bad = new Set();
try {
  execFileSync(
    join(process.cwd(), "node_modules/.bin/tsc"),
    ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext",
      "--moduleResolution", "bundler", "--skipLibCheck", tsFile],
    { encoding: "utf8", stdio: "pipe" },
  );
} catch (e) {
  const out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
  for (const line of out.split("\n").filter((l) => l.trim())) {
    // dashboards.ts(LINE,COL): error ...: line headerLines + 1 + k is object k
    const m = line.match(/\((\d+),\d+\): (error .*)$/);
    const k = m ? Number(m[1]) - headerLines - 1 : -1;
    if (k >= 0 && k < where.length) {
      console.log(`FAIL ${where[k]}: ${m[2]}`);
      bad.add(k);
    } else if (m || /error/.test(line)) {
      console.log(`FAIL ${tsFile}: ${line}`);
      failed++;
    }
  }
}
rmSync(tsFile, { force: true });
where.forEach((w, k) => bad.has(k) || console.log(`ok   ${w}`));
failed += bad.size;
console.log(`${where.length} parts of ${files.length} dashboards, ${failed} failed`);
process.exit(failed === 0 && where.length > 0 ? 0 : 1);
