// Inline syntax markers: the server parses the script with GraalPy in a sandbox worker (POST /api/check).
import { api, ApiError } from '../api';
import { monaco } from './monaco';

export interface CheckError {
  line: number;
  column: number;
  message: string;
}

const OWNER = 'graalpy-syntax';
const DELAY_MS = 500;
const RETRY_MS = 3000;

/** Checks a model after each pause in typing; calls onResult with the errors, or with null while unknown. */
export function watchSyntax(model: monaco.editor.ITextModel, file: () => string, onResult: (errors: CheckError[] | null, note?: string) => void): monaco.IDisposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const run = async () => {
    const mine = ++generation;
    const versionId = model.getVersionId();
    onResult(null, 'Checking…');
    try {
      const result = await api<{ errors: CheckError[] }>('POST', '/api/check', { source: model.getValue(), file: file() });
      if (mine !== generation || model.isDisposed() || model.getVersionId() !== versionId) return;
      monaco.editor.setModelMarkers(model, OWNER, result.errors.map((e) => marker(model, e)));
      onResult(result.errors);
    } catch (e) {
      if (mine !== generation || model.isDisposed()) return;
      const busy = e instanceof ApiError && (e.status === 503 || e.status === 0);
      onResult(null, busy ? 'Syntax check waits for a sandbox worker…' : `Syntax check failed: ${(e as Error).message}`);
      if (busy) timer = setTimeout(run, RETRY_MS);
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  };
  const subscription = model.onDidChangeContent(schedule);
  schedule();
  return {
    dispose() {
      clearTimeout(timer);
      generation++;
      subscription.dispose();
    },
  };
}

function marker(model: monaco.editor.ITextModel, error: CheckError): monaco.editor.IMarkerData {
  const line = Math.min(Math.max(1, error.line), model.getLineCount());
  const lineEnd = model.getLineMaxColumn(line);
  const column = Math.min(Math.max(1, error.column), lineEnd);
  return {
    severity: monaco.MarkerSeverity.Error,
    message: error.message,
    startLineNumber: line,
    startColumn: column === lineEnd ? Math.max(1, column - 1) : column,
    endLineNumber: line,
    endColumn: lineEnd,
    source: 'GraalPy',
  };
}
