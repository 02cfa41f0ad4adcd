// Completion and hover docs for the Link API, from src/generated/link-api.json, which the build generates from the
// sandbox's own profitview package (scripts/gen-link-api.mjs): never a hand-kept list.
import linkApi from '../generated/link-api.json';
import { monaco } from './monaco';

interface Member {
  name: string;
  kind: 'method' | 'property' | 'function';
  params?: string[];
  doc: string | null;
}
interface PyClass {
  name: string;
  bases: string[];
  doc: string | null;
  members: Member[];
}
interface PyModule {
  name: string;
  doc: string | null;
  functions: Member[];
  classes: PyClass[];
  variables: { name: string; value: string }[];
}

const modules = (linkApi as { modules: PyModule[] }).modules;
const exports = (linkApi as { exports: string[] }).exports;

function module(name: string): PyModule | undefined {
  return modules.find((m) => m.name === name);
}
function pyClass(name: string): PyClass | undefined {
  return modules.flatMap((m) => m.classes).find((c) => c.name === name);
}

/** The stdlib logging.Logger methods that profitview.logger (a logging.Logger) offers scripts. */
const LOGGER_METHODS = ['debug', 'info', 'warning', 'error', 'exception', 'critical'].map<Member>((name) => ({
  name,
  kind: 'method',
  params: ['msg', '*args'],
  doc: `Logs msg at ${name === 'exception' ? 'ERROR level with the current traceback' : `${name.toUpperCase()} level`} to the bot's console.`,
}));

/** What the names before a dot complete to: `self.` is the bot (a Link), `bars.` the bars of a candle callback. */
function membersAfter(receiver: string): Member[] | null {
  switch (receiver) {
    case 'self':
      return pyClass('Link')?.members ?? [];
    case 'self.redis':
      return pyClass('BotRedis')?.members ?? [];
    case 'bars':
      return pyClass('Bars')?.members ?? [];
    case 'logger':
      return LOGGER_METHODS;
    case 'cron':
    case 'http': {
      const m = module(`profitview.${receiver}`);
      if (!m) return [];
      return [...m.functions, ...m.variables.map<Member>((v) => ({ name: v.name, kind: 'property', doc: `= ${v.value}` }))];
    }
    default:
      return null;
  }
}

export function signature(member: Member): string {
  return member.kind === 'property' ? member.name : `${member.name}(${(member.params ?? []).join(', ')})`;
}

function docOf(member: Member, owner: string): monaco.IMarkdownString {
  return { value: `\`\`\`python\n${owner}${signature(member)}\n\`\`\`\n\n${member.doc ?? ''}` };
}

/** A snippet calling the method with its required parameters as tab stops. */
function callSnippet(member: Member): string {
  if (member.kind === 'property') return member.name;
  const required = (member.params ?? []).filter((p) => !p.includes('=') && !p.startsWith('*'));
  return `${member.name}(${required.map((p, i) => `\${${i + 1}:${p}}`).join(', ')})`;
}

function suggestions(members: Member[], owner: string, range: monaco.IRange): monaco.languages.CompletionItem[] {
  return members.map((member) => ({
    label: member.name,
    kind: member.kind === 'property' ? monaco.languages.CompletionItemKind.Property : monaco.languages.CompletionItemKind.Method,
    detail: signature(member),
    documentation: docOf(member, owner),
    insertText: callSnippet(member),
    insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
    range,
  }));
}

function callbackSuggestions(range: monaco.IRange): monaco.languages.CompletionItem[] {
  const callbacks = pyClass('Callbacks')?.members ?? [];
  return callbacks.map((callback) => ({
    label: callback.name,
    kind: monaco.languages.CompletionItemKind.Event,
    detail: `callback ${signature(callback)}`,
    documentation: { value: callback.doc ?? '' },
    insertText: `${callback.name}(${['self', ...(callback.params ?? [])].join(', ')}):\n\t\${0:pass}`,
    insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
    range,
  }));
}

export function registerLinkApi(): void {
  monaco.languages.registerCompletionItemProvider('python', {
    triggerCharacters: ['.', ' '],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const dotted = line.match(/([A-Za-z_][\w.]*)\.\w*$/);
      if (dotted) {
        const members = membersAfter(dotted[1]);
        return { suggestions: members ? suggestions(members, `${dotted[1]}.`, range) : [] };
      }
      if (/^\s+def \w*$/.test(line)) return { suggestions: callbackSuggestions(range) };
      if (/^from profitview import [\w, ]*$/.test(line)) {
        return { suggestions: exports.map((name) => ({ label: name, kind: monaco.languages.CompletionItemKind.Module, insertText: name, range })) };
      }
      if (/^\s*@\w*$/.test(line)) {
        return { suggestions: ['http.route', 'cron.run(every=${1:60})', "cron.run(on='${1:1m}')"].map((s) => ({ label: s.replace(/\$\{\d:([^}]*)\}/, '$1'), kind: monaco.languages.CompletionItemKind.Function, insertText: s, insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet, range })) };
      }
      return { suggestions: [...exports, 'self'].map((name) => ({ label: name, kind: monaco.languages.CompletionItemKind.Variable, insertText: name, range })) };
    },
  });

  monaco.languages.registerHoverProvider('python', {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const receiver = before.match(/([A-Za-z_][\w.]*)\.$/)?.[1];
      const found = hoverFor(word.word, receiver, /^\s*def $/.test(before));
      if (!found) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [found],
      };
    },
  });
}

function hoverFor(name: string, receiver: string | undefined, isDef: boolean): monaco.IMarkdownString | null {
  if (receiver) {
    const member = membersAfter(receiver)?.find((m) => m.name === name);
    return member ? docOf(member, `${receiver}.`) : null;
  }
  if (isDef) {
    const callback = pyClass('Callbacks')?.members.find((m) => m.name === name);
    return callback ? docOf(callback, 'def ') : null;
  }
  const cls = pyClass(name);
  if (cls && exports.includes(name)) return { value: `**class ${name}**\n\n${cls.doc ?? ''}` };
  const mod = module(`profitview.${name}`);
  if (mod) return { value: `**profitview.${name}**\n\n${mod.doc ?? ''}` };
  return null;
}
