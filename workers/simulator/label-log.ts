import { createWriteStream } from 'node:fs';
import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import type { Logger } from '../../lib/runtime/log';

/** The truth about recent ticks, for GET /labels.json; the oldest tenth goes when it outgrows its bound. */
export interface LabelLog {
  add(labels: readonly StationTickLabel[]): void;
  /** Labels of ticks after `sinceMs`, oldest first. */
  since(sinceMs: number): StationTickLabel[];
}

export const MAX_KEPT_LABELS = 1_000_000;

export function createLabelLog(maxLabels = MAX_KEPT_LABELS): LabelLog {
  const labels: StationTickLabel[] = [];
  return {
    add(added) {
      labels.push(...added);
      if (labels.length > maxLabels) labels.splice(0, labels.length - Math.floor(maxLabels * 0.9));
    },
    since(sinceMs) {
      let [low, high] = [0, labels.length];
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((labels[middle]?.at ?? 0) > sinceMs) high = middle;
        else low = middle + 1;
      }
      return labels.slice(low);
    },
  };
}

/** Appends each tick's labels to a file as JSON lines; close() flushes it. */
export function labelFileWriter(file: string, log: Logger) {
  const stream = createWriteStream(file, { flags: 'w' });
  stream.on('error', (error) => log.error('labels file failed', { file, error: error.message }));
  return {
    write: (labels: readonly StationTickLabel[]) => {
      if (labels.length > 0) stream.write(labels.map((label) => `${JSON.stringify(label)}\n`).join(''));
    },
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}
