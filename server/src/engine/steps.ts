/**
 * Work done in steps: a generator that yields between pieces of work, so that a caller with other work
 * (the language server, with requests to answer and newer edits) can pause it or drop it between them.
 * Whoever has nothing else to do runs it to the end.
 */
export type Steps<T> = Generator<void, T, void>;

export function toEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
