// Monaco, only what the IDE uses: the editor API, its features and Python highlighting. Its editor worker is
// bundled by Vite (the ?worker import); Python needs no language worker.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
