// The file tree: folders come from the paths of saved files (plus folders made here and not yet holding a file).
// Keyboard: Up/Down move, Right/Left open/close folders, Enter opens a file, F2 renames, Delete deletes.
import { FileInfo } from '../api';
import { h } from '../ui';

export interface TreeActions {
  open(path: string): void;
  rename(path: string, isFolder: boolean): void;
  remove(path: string, isFolder: boolean): void;
  selected(path: string | null, isFolder: boolean): void;
}

interface Node {
  name: string;
  path: string;
  folder: boolean;
  children: Node[];
}

export class FileTree {
  readonly element = h('ul', { role: 'tree', 'aria-label': 'Files', class: 'tree', 'data-testid': 'file-tree' });
  private readonly collapsed = new Set<string>();
  private readonly extraFolders = new Set<string>();
  private files: FileInfo[] = [];
  private selection: string | null = null;
  private dirty = new Set<string>();

  constructor(private readonly actions: TreeActions) {
    this.element.addEventListener('keydown', (event) => this.key(event));
  }

  get selectedPath(): string | null {
    return this.selection;
  }

  selectedFolder(): string {
    if (!this.selection) return '';
    if (this.isFolder(this.selection)) return this.selection;
    return this.selection.includes('/') ? this.selection.slice(0, this.selection.lastIndexOf('/')) : '';
  }

  isFolder(path: string): boolean {
    return this.extraFolders.has(path) || this.files.some((f) => f.path.startsWith(path + '/'));
  }

  addFolder(path: string): void {
    this.extraFolders.add(path);
    this.selection = path;
    this.render();
  }

  update(files: FileInfo[], dirty: Set<string>): void {
    this.files = files;
    this.dirty = dirty;
    for (const folder of [...this.extraFolders]) if (files.some((f) => f.path.startsWith(folder + '/'))) this.extraFolders.delete(folder);
    this.render();
  }

  select(path: string | null): void {
    this.selection = path;
    for (let folder = path?.split('/').slice(0, -1) ?? []; folder.length; folder = folder.slice(0, -1)) this.collapsed.delete(folder.join('/'));
    this.render();
  }

  private build(): Node[] {
    const root: Node = { name: '', path: '', folder: true, children: [] };
    const folderOf = (path: string): Node => {
      let node = root;
      for (const part of path ? path.split('/') : []) {
        const childPath = node.path ? `${node.path}/${part}` : part;
        let child = node.children.find((c) => c.folder && c.name === part);
        if (!child) node.children.push((child = { name: part, path: childPath, folder: true, children: [] }));
        node = child;
      }
      return node;
    };
    for (const folder of this.extraFolders) folderOf(folder);
    for (const file of this.files) {
      const slash = file.path.lastIndexOf('/');
      folderOf(slash < 0 ? '' : file.path.slice(0, slash)).children.push({ name: file.path.slice(slash + 1), path: file.path, folder: false, children: [] });
    }
    const sort = (node: Node) => {
      node.children.sort((a, b) => (a.folder === b.folder ? a.name.localeCompare(b.name) : a.folder ? -1 : 1));
      node.children.forEach(sort);
    };
    sort(root);
    return root.children;
  }

  private render(): void {
    const focused = document.activeElement?.closest('[role=treeitem]')?.getAttribute('data-path');
    const nodes = this.build();
    if (!nodes.length) {
      this.element.replaceChildren(h('li', { class: 'empty', role: 'none' }, 'No files yet: make one with New file.'));
      return;
    }
    this.element.replaceChildren(...nodes.map((n) => this.item(n, 1)));
    const target = this.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(focused ?? this.selection ?? '')}"]`) ?? this.element.querySelector<HTMLElement>('[role=treeitem]');
    if (target) target.tabIndex = 0;
    if (focused && target) target.focus();
  }

  private item(node: Node, level: number): HTMLElement {
    const open = !this.collapsed.has(node.path);
    const label = h('span', { class: 'label' }, node.folder ? `${open ? '▾' : '▸'} ${node.name}` : node.name, this.dirty.has(node.path) ? h('span', { class: 'dot', 'aria-label': 'unsaved' }, ' ●') : null);
    const li = h(
      'li',
      {
        role: 'treeitem',
        tabIndex: -1,
        'aria-level': level,
        'aria-selected': this.selection === node.path ? 'true' : 'false',
        'aria-expanded': node.folder ? String(open) : undefined,
        'data-path': node.path,
        class: node.folder ? 'folder' : 'file',
        style: `--level:${level}`,
      },
      label,
    );
    label.addEventListener('click', (event) => {
      event.stopPropagation();
      this.activate(node);
    });
    if (node.folder && open && node.children.length) {
      li.append(h('ul', { role: 'group' }, ...node.children.map((c) => this.item(c, level + 1))));
    }
    return li;
  }

  private activate(node: Node): void {
    this.selection = node.path;
    this.actions.selected(node.path, node.folder);
    if (node.folder) {
      if (this.collapsed.has(node.path)) this.collapsed.delete(node.path);
      else this.collapsed.add(node.path);
      this.render();
      this.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(node.path)}"]`)?.focus();
    } else {
      this.render();
      this.actions.open(node.path);
    }
  }

  private key(event: KeyboardEvent): void {
    const items = [...this.element.querySelectorAll<HTMLElement>('[role=treeitem]')];
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    if (!current) return;
    const index = items.indexOf(current);
    const path = current.dataset.path!;
    const folder = current.classList.contains('folder');
    const move = (to: HTMLElement | undefined) => {
      if (!to) return;
      items.forEach((i) => (i.tabIndex = -1));
      to.tabIndex = 0;
      to.focus();
      this.selection = to.dataset.path!;
      this.actions.selected(this.selection, to.classList.contains('folder'));
    };
    const node = { name: path.split('/').pop()!, path, folder, children: [] };
    switch (event.key) {
      case 'ArrowDown':
        move(items[index + 1]);
        break;
      case 'ArrowUp':
        move(items[index - 1]);
        break;
      case 'ArrowRight':
        if (folder && this.collapsed.has(path)) this.activate(node);
        else move(items[index + 1]);
        break;
      case 'ArrowLeft':
        if (folder && !this.collapsed.has(path)) this.activate(node);
        else move(current.parentElement?.closest<HTMLElement>('[role=treeitem]') ?? undefined);
        break;
      case 'Enter':
      case ' ':
        this.activate(node);
        break;
      case 'F2':
        this.actions.rename(path, folder);
        break;
      case 'Delete':
        this.actions.remove(path, folder);
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}
