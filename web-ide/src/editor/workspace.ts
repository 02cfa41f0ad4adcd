// The editor page: file tree, tabs, Monaco, the run bar and the console / orders / fills / positions panel, with
// the chart and Bolt panels on the right.
import { api, ApiError, Bot, BotStatus, FileContent, FileInfo, filePath } from '../api';
import { BacktestPanel } from '../run/backtest';
import { BoltPanel } from '../run/bolt';
import { ChartPanel } from '../run/chart';
import { BotConsole, ConsoleLine, MAX_LINES } from '../run/console';
import { BotEvent, connectEvents, EventSource } from '../run/events';
import { TradingTables } from '../run/tables';
import { tabStrip } from '../tabs';
import { announce, ask, confirmAction, errorText, h } from '../ui';
import { CheckError, watchSyntax } from './check';
import { registerLinkApi } from './language';
import { monaco } from './monaco';
import { TEMPLATES } from './templates';
import { FileTree } from './tree';

interface OpenFile {
  path: string;
  model: monaco.editor.ITextModel;
  savedAlternativeId: number;
  checker: monaco.IDisposable;
  problems: CheckError[] | null;
  checkNote: string;
  viewState: monaco.editor.ICodeEditorViewState | null;
}

export class Workspace {
  readonly element: HTMLElement;
  private readonly editorHost = h('div', { class: 'editor-host', 'data-testid': 'editor' });
  private readonly tabs = h('div', { role: 'tablist', 'aria-label': 'Open files', class: 'file-tabs', 'data-testid': 'file-tabs' });
  private readonly problems = h('button', { type: 'button', class: 'problems', 'data-testid': 'problems', 'aria-live': 'polite' });
  private readonly fileLabel = h('span', { class: 'file-label', 'data-testid': 'active-file' });
  private readonly statusBadge = h('span', { class: 'badge status none', 'data-testid': 'bot-status', role: 'status' }, 'no bot');
  private readonly reason = h('span', { class: 'reason', 'data-testid': 'bot-reason' });
  private readonly runButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'run', title: 'Run the open file as a bot (Ctrl/Cmd-Enter)' }, '▶ Run');
  private readonly stopButton = h('button', { type: 'button', class: 'danger', 'data-testid': 'stop' }, '■ Stop');
  private readonly restartButton = h('button', { type: 'button', class: 'secondary', 'data-testid': 'restart' }, '↻ Restart');
  private readonly channelMode = h('span', { class: 'muted small', 'data-testid': 'events-mode' });
  private readonly cursor = h('span', { class: 'muted small', 'data-testid': 'cursor' });
  private readonly tree: FileTree;
  private readonly console = new BotConsole();
  private readonly tables = new TradingTables();
  private readonly chart = new ChartPanel();
  private readonly bolt = new BoltPanel();
  private readonly backtest = new BacktestPanel();
  private readonly open = new Map<string, OpenFile>();
  private readonly bots = new Map<number, Bot>();
  private readonly logs = new Map<number, ConsoleLine[]>();
  private readonly sideTabs;
  private files: FileInfo[] = [];
  private active: string | null = null;
  private editor: monaco.editor.IStandaloneCodeEditor | null = null;
  private events: EventSource | null = null;
  private sidePanel = 'chart';

  constructor() {
    this.tree = new FileTree({
      open: (path) => void this.openFile(path),
      rename: (path, folder) => void this.rename(path, folder),
      remove: (path, folder) => void this.remove(path, folder),
      selected: () => {},
    });
    const bottom = tabStrip('Bot output', [
      { id: 'console', label: 'Console', panel: this.console.element },
      { id: 'orders', label: 'Open orders', panel: this.tables.ordersView.element },
      { id: 'fills', label: 'Fills', panel: this.tables.fillsView.element },
      { id: 'positions', label: 'Positions', panel: this.tables.positionsView.element },
    ]);
    this.sideTabs = tabStrip(
      'Tools',
      [
        { id: 'chart', label: 'Chart', panel: this.chart.element },
        { id: 'bolt', label: 'Bolt (webhooks)', panel: this.bolt.element },
        { id: 'backtest', label: 'Backtest', panel: this.backtest.element },
      ],
      (id) => this.showSide(id),
    );
    const fileButtons = h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'new-file', onclick: () => void this.newFile() }, 'New file'),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'new-folder', onclick: () => void this.newFolder() }, 'New folder'),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'rename', onclick: () => this.onSelection((p, f) => this.rename(p, f)) }, 'Rename'),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'delete', onclick: () => this.onSelection((p, f) => this.remove(p, f)) }, 'Delete'),
    );
    this.runButton.addEventListener('click', () => void this.run('start'));
    this.stopButton.addEventListener('click', () => void this.run('stop'));
    this.restartButton.addEventListener('click', () => void this.run('restart'));
    this.problems.addEventListener('click', () => this.revealProblem());
    this.element = h(
      'div',
      { class: 'workspace' },
      h('aside', { class: 'sidebar', 'aria-label': 'Explorer' }, h('h2', { class: 'panel-title' }, 'Files'), fileButtons, this.tree.element),
      h(
        'section',
        { class: 'center', 'aria-label': 'Editor' },
        this.tabs,
        h('div', { class: 'runbar' }, this.fileLabel, h('div', { class: 'row' }, this.runButton, this.stopButton, this.restartButton, this.statusBadge), this.reason),
        this.editorHost,
        h('div', { class: 'statusbar' }, this.problems, h('div', { class: 'row' }, this.channelMode, this.cursor)),
        h('section', { class: 'bottom', 'aria-label': 'Bot output' }, bottom.strip, ...bottom.panels),
      ),
      h('aside', { class: 'side', 'aria-label': 'Tools' }, this.sideTabs.strip, ...this.sideTabs.panels),
    );
    this.tables.setNote('Nothing yet.');
    this.backtest.bind(() => this.scriptToBacktest());
    this.backtest.setFile(null);
    this.updateRunBar();
  }

  /** The open file for the Backtest panel, saved first (a backtest reads the saved file). */
  private async scriptToBacktest(): Promise<{ path: string; signals: boolean } | null> {
    const file = this.active ? this.open.get(this.active) : undefined;
    if (!file) return null;
    if (this.isDirty(file) && !(await this.save())) return null;
    return { path: file.path, signals: isSignals(file.model.getValue()) };
  }

  /** Shows the page: makes the editor on first use, loads the files and connects the live events. */
  async show(): Promise<void> {
    if (!this.editor) {
      registerLinkApi();
      this.editor = monaco.editor.create(this.editorHost, {
        model: null,
        theme: 'vs-dark',
        automaticLayout: true,
        fontSize: 14,
        minimap: { enabled: false },
        tabSize: 4,
        insertSpaces: true,
        ariaLabel: 'Code editor',
        fixedOverflowWidgets: true,
      });
      this.editor.onDidChangeCursorPosition((event) => (this.cursor.textContent = `Ln ${event.position.lineNumber}, Col ${event.position.column}`));
      this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void this.save());
      this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void this.run('start'));
      this.element.addEventListener('keydown', (event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void this.save();
        }
      });
      window.addEventListener('beforeunload', (event) => {
        if ([...this.open.values()].some((f) => this.isDirty(f))) event.preventDefault();
      });
    }
    await Promise.all([this.refreshFiles(), this.refreshBots()]);
    if (!this.events) this.events = connectEvents((event) => this.onEvent(event), (mode) => this.onEventsMode(mode));
    this.showSide(this.sidePanel);
  }

  hide(): void {
    this.chart.hide();
  }

  /** Leaves the page for good (log out): closes the events and the open models. */
  reset(): void {
    this.events?.close();
    this.events = null;
    for (const file of this.open.values()) {
      file.checker.dispose();
      file.model.dispose();
    }
    this.open.clear();
    this.bots.clear();
    this.logs.clear();
    this.active = null;
    this.editor?.setModel(null);
    this.console.clear();
    this.tables.reset();
    this.renderTabs();
  }

  private showSide(id: string): void {
    this.sidePanel = id;
    if (id === 'chart') void this.chart.show();
    else {
      this.chart.hide();
      if (id === 'bolt') void this.bolt.show();
      else void this.backtest.show();
    }
  }

  private onSelection(action: (path: string, folder: boolean) => Promise<void>): void {
    const path = this.tree.selectedPath ?? this.active;
    if (!path) {
      announce('Choose a file or folder in the tree first');
      return;
    }
    void action(path, this.tree.isFolder(path));
  }

  private async refreshFiles(): Promise<void> {
    try {
      this.files = await api<FileInfo[]>('GET', '/api/files');
    } catch (e) {
      announce(errorText(e), 'error');
    }
    this.tree.update(this.files, this.dirtyPaths());
  }

  private async refreshBots(): Promise<void> {
    try {
      for (const bot of await api<Bot[]>('GET', '/api/bots')) this.bots.set(bot.id, bot);
    } catch (e) {
      announce(errorText(e), 'error');
    }
    this.updateRunBar();
  }

  private dirtyPaths(): Set<string> {
    return new Set([...this.open.values()].filter((f) => this.isDirty(f)).map((f) => f.path));
  }

  private isDirty(file: OpenFile): boolean {
    return file.model.getAlternativeVersionId() !== file.savedAlternativeId;
  }

  async openFile(path: string, content?: string): Promise<void> {
    let file = this.open.get(path);
    if (!file) {
      let text = content;
      if (text === undefined) {
        try {
          text = (await api<FileContent>('GET', `/api/files/${filePath(path)}`)).content;
        } catch (e) {
          announce(errorText(e), 'error');
          return;
        }
      }
      const model = monaco.editor.createModel(text, 'python', monaco.Uri.file(`/${path}`));
      const opened: OpenFile = { path, model, savedAlternativeId: model.getAlternativeVersionId(), checker: { dispose() {} }, problems: null, checkNote: '', viewState: null };
      opened.checker = watchSyntax(model, () => opened.path, (errors, note) => {
        opened.problems = errors;
        opened.checkNote = note ?? '';
        if (this.active === opened.path) this.renderProblems();
      });
      model.onDidChangeContent(() => {
        this.renderTabs();
        this.tree.update(this.files, this.dirtyPaths());
      });
      this.open.set(path, opened);
      file = opened;
    }
    this.activate(path);
  }

  private activate(path: string | null): void {
    const previous = this.active ? this.open.get(this.active) : undefined;
    if (previous && this.editor) previous.viewState = this.editor.saveViewState();
    this.active = path;
    const file = path ? this.open.get(path) : undefined;
    this.editor?.setModel(file?.model ?? null);
    if (file?.viewState) this.editor?.restoreViewState(file.viewState);
    this.editor?.focus();
    this.tree.select(path);
    this.renderTabs();
    this.renderProblems();
    this.updateRunBar();
    this.backtest.setFile(file ? { path: file.path, signals: isSignals(file.model.getValue()) } : null);
    const bot = this.botOfActive();
    this.console.showLines(bot ? this.logs.get(bot.id) ?? [] : []);
    if (bot) this.events?.watch(bot.id);
  }

  private renderTabs(): void {
    const paths = [...this.open.keys()];
    this.tabs.replaceChildren(
      ...paths.map((path) => {
        const file = this.open.get(path)!;
        const dirty = this.isDirty(file);
        const selected = path === this.active;
        const tab = h(
          'div',
          { class: `file-tab${selected ? ' active' : ''}`, role: 'presentation' },
          h('button', { type: 'button', role: 'tab', 'aria-selected': String(selected), tabIndex: selected ? 0 : -1, title: path, 'data-path': path, 'aria-label': `${path}${dirty ? ' (unsaved)' : ''}`, onclick: () => this.activate(path) }, path.split('/').pop()!, dirty ? h('span', { class: 'dot', 'data-testid': 'unsaved', 'aria-hidden': 'true' }, ' ●') : null),
          h('button', { type: 'button', class: 'close', 'aria-label': `Close ${path}`, onclick: () => void this.closeFile(path) }, '×'),
        );
        tab.firstElementChild!.addEventListener('keydown', (event) => {
          const key = (event as KeyboardEvent).key;
          const index = paths.indexOf(path);
          if (key === 'ArrowRight' || key === 'ArrowLeft') {
            const next = paths[(index + (key === 'ArrowRight' ? 1 : paths.length - 1)) % paths.length];
            this.activate(next);
            this.tabs.querySelector<HTMLElement>(`[data-path="${CSS.escape(next)}"]`)?.focus();
            event.preventDefault();
          }
        });
        return tab;
      }),
    );
    this.fileLabel.textContent = this.active ?? 'No file open';
  }

  private async closeFile(path: string): Promise<void> {
    const file = this.open.get(path);
    if (!file) return;
    if (this.isDirty(file) && !(await confirmAction(`Close ${path}?`, 'It has unsaved changes, which will be lost.', 'Discard changes'))) return;
    file.checker.dispose();
    file.model.dispose();
    this.open.delete(path);
    if (this.active === path) this.activate([...this.open.keys()].at(-1) ?? null);
    else this.renderTabs();
    this.tree.update(this.files, this.dirtyPaths());
  }

  async save(): Promise<boolean> {
    const file = this.active ? this.open.get(this.active) : undefined;
    if (!file) return false;
    const alternativeId = file.model.getAlternativeVersionId();
    try {
      await api('PUT', `/api/files/${filePath(file.path)}`, { content: file.model.getValue() });
      file.savedAlternativeId = alternativeId;
      announce(`Saved ${file.path}`);
      this.renderTabs();
      await this.refreshFiles();
      return true;
    } catch (e) {
      announce(`Could not save ${file.path}: ${errorText(e)}`, 'error');
      return false;
    }
  }

  private async newFile(): Promise<void> {
    const folder = this.tree.selectedFolder();
    const answer = await ask('New file', [
      { name: 'path', label: 'File name', value: `${folder ? folder + '/' : ''}my_bot.py` },
      { name: 'template', label: 'Template', value: 'trading', options: TEMPLATES.map((t) => ({ value: t.id, label: t.label })) },
    ], 'Create');
    if (!answer) return;
    let path = answer.path.trim().replace(/^\/+/, '');
    if (!path) return;
    if (!/\.\w+$/.test(path)) path += '.py';
    if (this.files.some((f) => f.path === path)) {
      announce(`${path} exists already`, 'error');
      return;
    }
    const source = TEMPLATES.find((t) => t.id === answer.template)?.source ?? '';
    try {
      await api('PUT', `/api/files/${filePath(path)}`, { content: source });
      await this.refreshFiles();
      await this.openFile(path, source);
    } catch (e) {
      announce(errorText(e), 'error');
    }
  }

  private async newFolder(): Promise<void> {
    const parent = this.tree.selectedFolder();
    const answer = await ask('New folder', [{ name: 'path', label: 'Folder name', value: parent ? `${parent}/` : '' }], 'Create', 'The folder is kept once a file is saved in it.');
    const path = answer?.path.trim().replace(/^\/+|\/+$/g, '');
    if (path) this.tree.addFolder(path);
  }

  private async rename(path: string, folder: boolean): Promise<void> {
    const answer = await ask(`Rename ${path}`, [{ name: 'path', label: 'New path', value: path }], 'Rename');
    const target = answer?.path.trim().replace(/^\/+|\/+$/g, '');
    if (!target || target === path) return;
    const moves = folder ? this.files.filter((f) => f.path.startsWith(path + '/')).map((f) => [f.path, target + f.path.slice(path.length)]) : [[path, target]];
    try {
      for (const [from, to] of moves) {
        await api('POST', '/api/file-moves', { from, to });
        const file = this.open.get(from);
        if (file) {
          const dirty = this.isDirty(file);
          const text = file.model.getValue();
          file.checker.dispose();
          file.model.dispose();
          this.open.delete(from);
          await this.openFile(to, text);
          if (dirty) this.open.get(to)!.savedAlternativeId = -1;
        }
      }
      if (folder) this.tree.addFolder(target);
      await this.refreshFiles();
      this.renderTabs();
    } catch (e) {
      announce(errorText(e), 'error');
      await this.refreshFiles();
    }
  }

  private async remove(path: string, folder: boolean): Promise<void> {
    const targets = folder ? this.files.filter((f) => f.path.startsWith(path + '/')).map((f) => f.path) : [path];
    const what = folder ? `the folder ${path} and its ${targets.length} files` : path;
    if (!(await confirmAction(`Delete ${path}?`, `This deletes ${what}. Earlier versions stay readable through the API.`))) return;
    try {
      for (const target of targets) {
        await api('DELETE', `/api/files/${filePath(target)}`);
        const file = this.open.get(target);
        if (file) {
          file.checker.dispose();
          file.model.dispose();
          this.open.delete(target);
          if (this.active === target) this.active = null;
        }
      }
      this.activate(this.active ?? [...this.open.keys()].at(-1) ?? null);
      await this.refreshFiles();
    } catch (e) {
      announce(errorText(e), 'error');
    }
  }

  private renderProblems(): void {
    const file = this.active ? this.open.get(this.active) : undefined;
    if (!file) {
      this.problems.textContent = '';
      return;
    }
    if (file.problems === null) {
      this.problems.textContent = file.checkNote;
      this.problems.className = 'problems';
    } else if (file.problems.length === 0) {
      this.problems.textContent = '✓ No syntax errors';
      this.problems.className = 'problems ok';
    } else {
      const first = file.problems[0];
      this.problems.textContent = `✗ Line ${first.line}, column ${first.column}: ${first.message}`;
      this.problems.className = 'problems error';
    }
  }

  private revealProblem(): void {
    const file = this.active ? this.open.get(this.active) : undefined;
    const first = file?.problems?.[0];
    if (!first || !this.editor) return;
    this.editor.setPosition({ lineNumber: first.line, column: first.column });
    this.editor.revealLineInCenter(first.line);
    this.editor.focus();
  }

  private botOfActive(): Bot | undefined {
    return [...this.bots.values()].find((b) => b.file === this.active);
  }

  private async run(action: 'start' | 'stop' | 'restart'): Promise<void> {
    const file = this.active ? this.open.get(this.active) : undefined;
    if (!file) {
      announce('Open a file to run it');
      return;
    }
    try {
      if (action !== 'stop' && this.isDirty(file) && !(await this.save())) return;
      let bot = this.botOfActive();
      if (!bot) {
        if (action === 'stop') return;
        bot = await api<Bot>('POST', '/api/bots', { file: file.path });
        this.bots.set(bot.id, bot);
        this.logs.set(bot.id, []);
      }
      const running = bot.status === 'RUNNING' || bot.status === 'STARTING';
      const verb = action === 'start' && running ? 'restart' : action;
      const updated = await api<Bot>('POST', `/api/bots/${bot.id}/${verb}`);
      this.bots.set(updated.id, updated);
      this.events?.watch(updated.id);
      announce(`${verb === 'stop' ? 'Stopped' : verb === 'restart' ? 'Restarted' : 'Started'} ${updated.name}`);
    } catch (e) {
      announce(e instanceof ApiError ? e.message : errorText(e), 'error');
    }
    this.updateRunBar();
  }

  private updateRunBar(): void {
    const bot = this.botOfActive();
    const status: BotStatus | 'none' = bot?.status ?? 'none';
    this.statusBadge.textContent = bot ? status.toLowerCase() : 'no bot';
    this.statusBadge.className = `badge status ${status.toLowerCase()}`;
    this.reason.textContent = bot?.status === 'FAILED' ? bot.reason ?? '' : '';
    const hasFile = Boolean(this.active);
    this.runButton.disabled = !hasFile;
    this.stopButton.disabled = !bot || status === 'STOPPED';
    this.restartButton.disabled = !bot;
  }

  private onEventsMode(mode: string): void {
    this.channelMode.textContent = mode === 'channel' ? 'Live: IDE channel' : mode === 'polling' ? 'Live: polling (orders, fills and positions need the IDE channel)' : 'Live: connecting…';
    if (mode === 'polling') this.tables.setNote('Orders, fills and positions arrive over the IDE channel, which cannot be reached right now.');
    else if (mode === 'channel') this.tables.setNote('Nothing yet.');
  }

  private onEvent(event: BotEvent): void {
    const botId = event.botId ?? 0;
    switch (event.type) {
      case 'bot.status': {
        const bot = this.bots.get(botId);
        if (bot) {
          bot.status = event.data.status as BotStatus;
          bot.reason = (event.data.reason as string | null) ?? null;
          this.updateRunBar();
        } else void this.refreshBots();
        break;
      }
      case 'bot.log': {
        const lines = this.logs.get(botId) ?? [];
        lines.push(event.data);
        if (lines.length > MAX_LINES) lines.shift();
        this.logs.set(botId, lines);
        if (this.botOfActive()?.id === botId) this.console.add(event.data);
        break;
      }
      case 'order':
        this.tables.order(event.data);
        break;
      case 'fill':
        this.tables.fill(event.data);
        this.chart.addFill(event.data, event.time);
        break;
      case 'position':
        this.tables.position(event.data);
        this.chart.addPosition(event.data, event.time);
        break;
      case 'signal':
        this.chart.addSignal(event.data, event.time);
        break;
      case 'equity':
        this.chart.addEquity(event.data);
        break;
      case 'backtest':
        this.backtest.onEvent(event.data);
        break;
      case 'reset':
        this.tables.reset();
        void this.refreshBots();
        break;
      default:
        break;
    }
  }
}

/** A Signals bot (backtested through an execution bot type) rather than a Trading bot. */
function isSignals(source: string): boolean {
  return /^class\s+Signals\s*\(/m.test(source);
}
