interface Waiting<T, R> {
  item: T;
  answer: Promise<R>;
  settle: (answer: R) => void;
  fail: (err: unknown) => void;
}

/**
 * The calls made during one turn of the event loop, answered together: once the turn is
 * over (setImmediate), `run` gets their items (one per `key`, when a key is given: the same
 * key asked twice in a turn is read once) and returns one answer per item, in order. Under
 * load many requests of a turn need the same kind of read; one statement for all of them
 * instead of one each was the largest saving of the sign-in status check (issue #18's bench)
 * and of lesson reads (issue #20's). If `run` fails, every call of the turn fails with it.
 */
export class TurnBatch<T, R> {
  private pending: Map<string, Waiting<T, R>> | undefined;
  private calls = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly key?: (item: T) => string,
  ) {}

  add(item: T): Promise<R> {
    let batch = this.pending;
    if (!batch) {
      const fresh = new Map<string, Waiting<T, R>>();
      batch = this.pending = fresh;
      setImmediate(() => void this.flush(fresh));
    }
    const key = this.key ? this.key(item) : String(this.calls++);
    const queued = batch.get(key);
    if (queued) return queued.answer;
    let settle!: (answer: R) => void;
    let fail!: (err: unknown) => void;
    const answer = new Promise<R>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    batch.set(key, { item, answer, settle, fail });
    return answer;
  }

  private async flush(batch: Map<string, Waiting<T, R>>): Promise<void> {
    if (this.pending === batch) this.pending = undefined;
    const waiting = [...batch.values()];
    try {
      const answers = await this.run(waiting.map((w) => w.item));
      waiting.forEach((w, i) => w.settle(answers[i]));
    } catch (err) {
      for (const w of waiting) w.fail(err);
    }
  }
}
