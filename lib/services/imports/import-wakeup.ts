import { EventEmitter } from 'node:events';

const uploaded = new EventEmitter();

/** Wakes this process's import worker at once (other processes find the job on their next poll). */
export function announceImports(): void {
  uploaded.emit('import');
}

export function onImportQueued(listener: () => void): () => void {
  uploaded.on('import', listener);
  return () => uploaded.off('import', listener);
}
