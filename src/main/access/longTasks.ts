import { MappaError } from '../../shared/errors';

// Work that takes long enough to show progress (backup, restore): one at a time, and the
// screen polls how far it has got.

export type Task = 'backup' | 'restore';

export interface LongTasks {
  run<T>(task: Task, work: (onProgress: (fraction: number) => void) => Promise<T>): Promise<T>;
  progress(): { task: Task | null; fraction: number };
}

export function createLongTasks(): LongTasks {
  let running: { task: Task; fraction: number } | null = null;
  return {
    async run(task, work) {
      if (running) throw new MappaError('busy', `Wait for the ${running.task} that is running to finish.`);
      running = { task, fraction: 0 };
      try {
        return await work((fraction) => {
          if (running) running.fraction = Math.max(0, Math.min(1, fraction));
        });
      } finally {
        running = null;
      }
    },
    progress: () => (running ? { task: running.task, fraction: running.fraction } : { task: null, fraction: 0 }),
  };
}
