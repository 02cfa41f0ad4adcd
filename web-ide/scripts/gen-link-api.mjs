// Generates src/generated/link-api.json, the IDE's completion and hover data, from the sandbox's real Python
// package (sandbox/src/main/resources/dev/botlink/sandbox/python/profitview): every public class, method,
// property and module function with its signature and docstring. Run by `npm run build`, so the IDE always
// matches the API the bots run against. Names starting with an underscore are private and left out.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '../../sandbox/src/main/resources/dev/botlink/sandbox/python/profitview');
const outFile = join(here, '../src/generated/link-api.json');

/** Reads a docstring starting at lines[i] (after indentation); returns [text, next line index]. */
function docstringAt(lines, i) {
  const first = lines[i]?.trim() ?? '';
  const quote = first.startsWith('"""') ? '"""' : first.startsWith("'''") ? "'''" : null;
  if (!quote) return [null, i];
  const rest = first.slice(3);
  if (rest.includes(quote)) return [rest.slice(0, rest.indexOf(quote)).trim(), i + 1];
  const parts = [rest];
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line.includes(quote)) {
      parts.push(line.slice(0, line.indexOf(quote)));
      return [dedent(parts), j + 1];
    }
    parts.push(line);
  }
  throw new Error(`unterminated docstring at line ${i + 1}`);
}

function dedent(parts) {
  const indents = parts.slice(1).filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return [parts[0], ...parts.slice(1).map((l) => l.slice(cut))].join('\n').trim();
}

/** A def statement starting at lines[i]; returns {name, params, next} with the parameter text, self dropped. */
function defAt(lines, i) {
  let text = lines[i].trim();
  let j = i;
  while (depth(text) > 0) text += ' ' + lines[++j].trim();
  const match = text.match(/^def (\w+)\((.*)\)\s*(->\s*[^:]+)?:\s*(.*)$/);
  if (!match) throw new Error(`cannot read def at line ${i + 1}: ${text}`);
  const params = splitParams(match[2]).filter((p) => p !== 'self' && p !== '/');
  return { name: match[1], params, next: j + 1, inlineBody: match[4] };
}

function depth(text) {
  let d = 0;
  for (const c of text.replace(/'[^']*'|"[^"]*"/g, '')) d += c === '(' || c === '[' || c === '{' ? 1 : c === ')' || c === ']' || c === '}' ? -1 : 0;
  return d;
}

function splitParams(text) {
  const params = [];
  let current = '';
  let d = 0;
  for (const c of text) {
    if (c === ',' && d === 0) {
      params.push(current.trim());
      current = '';
      continue;
    }
    d += c === '(' || c === '[' || c === '{' ? 1 : c === ')' || c === ']' || c === '}' ? -1 : 0;
    current += c;
  }
  if (current.trim()) params.push(current.trim());
  return params.map((p) => p.replace(/\s*=\s*/, '='));
}

function parseModule(name, source) {
  const lines = source.split('\n');
  const module = { name, doc: docstringAt(lines, 0)[0], functions: [], classes: [], variables: [] };
  let cls = null;
  let decorators = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const indent = line.match(/^ */)[0].length;
    const stripped = line.trim();
    if (!stripped || stripped.startsWith('#')) continue;
    if (indent === 0) cls = null;
    if (stripped.startsWith('@')) {
      decorators.push(stripped.slice(1));
      continue;
    }
    if (indent === 0 && stripped.startsWith('class ')) {
      const match = stripped.match(/^class (\w+)(\((.*)\))?:/);
      const [doc] = docstringAt(lines, i + 1);
      cls = { name: match[1], bases: match[3] ? splitParams(match[3]) : [], doc, members: [] };
      if (!cls.name.startsWith('_')) module.classes.push(cls);
      decorators = [];
      continue;
    }
    const shared = cls && stripped.match(/^if name in \(([^)]*)\)/);
    if (shared) {
      // Runtime state served by Link.__getattr__ (self.quotes, ...), each documented by a line of its docstring.
      for (const name of splitParams(shared[1]).map((n) => n.replace(/['"]/g, ''))) {
        const doc = (cls.getattrDoc ?? '').split('\n').find((l) => l.startsWith(`self.${name}:`));
        cls.members.push({ name, kind: 'property', doc: doc ? doc.slice(`self.${name}:`.length).trim() : null });
      }
      continue;
    }
    if ((indent === 0 || (cls && indent === 4)) && stripped.startsWith('def ')) {
      const def = defAt(lines, i);
      const [doc] = def.inlineBody ? [null] : docstringAt(lines, def.next);
      const isProperty = decorators.includes('property');
      decorators = [];
      if (cls && def.name === '__getattr__') cls.getattrDoc = doc;
      if (def.name.startsWith('_')) continue;
      const entry = isProperty
        ? { name: def.name, kind: 'property', doc }
        : { name: def.name, kind: 'method', params: def.params, doc };
      if (indent === 0) module.functions.push({ ...entry, kind: 'function' });
      else cls.members.push(entry);
      continue;
    }
    decorators = [];
    const property = cls && indent === 4 && stripped.match(/^(\w+) = property\(/);
    if (property && !property[1].startsWith('_')) {
      cls.members.push({ name: property[1], kind: 'property', doc: null });
      continue;
    }
    const variable = indent === 0 && stripped.match(/^([a-z]\w*) = (.*)$/);
    if (variable && !/^[A-Z_]+$/.test(variable[1])) module.variables.push({ name: variable[1], value: variable[2] });
  }
  return module;
}

const modules = readdirSync(packageDir)
  .filter((f) => f.endsWith('.py') && (f === '__init__.py' || !f.startsWith('_')))
  .sort()
  .map((f) => parseModule(f === '__init__.py' ? 'profitview' : `profitview.${f.slice(0, -3)}`, readFileSync(join(packageDir, f), 'utf8')));

const exported = readFileSync(join(packageDir, '__init__.py'), 'utf8').match(/__all__ = \[(.*)\]/)[1];
const api = {
  generatedFrom: 'sandbox/src/main/resources/dev/botlink/sandbox/python/profitview',
  exports: splitParams(exported).map((s) => s.replace(/['"]/g, '')),
  modules,
};
for (const cls of modules.flatMap((m) => m.classes)) delete cls.getattrDoc;
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(api, null, 1) + '\n');
const count = modules.reduce((n, m) => n + m.functions.length + m.classes.reduce((k, c) => k + c.members.length, 0), 0);
console.log(`link-api.json: ${modules.length} modules, ${count} functions and members`);
