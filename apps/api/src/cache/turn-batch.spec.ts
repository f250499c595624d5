import { TurnBatch } from './turn-batch';

describe('TurnBatch: the calls of one event-loop turn answered together', () => {
  it('runs once per turn with every item, answering each call with its own answer', async () => {
    const runs: number[][] = [];
    const batch = new TurnBatch<number, number>(async (items) => {
      runs.push(items);
      return items.map((n) => n * 10);
    });
    const firstTurn = await Promise.all([batch.add(1), batch.add(2), batch.add(3)]);
    const nextTurn = await batch.add(4);
    expect(firstTurn).toEqual([10, 20, 30]);
    expect(nextTurn).toBe(40);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('with a key, the same key asked twice in a turn is run once and both get its answer', async () => {
    const runs: string[][] = [];
    const batch = new TurnBatch<{ id: string }, string>(
      async (items) => {
        runs.push(items.map((i) => i.id));
        return items.map((i) => i.id.toUpperCase());
      },
      (i) => i.id,
    );
    const answers = await Promise.all(['a', 'b', 'a'].map((id) => batch.add({ id })));
    expect(answers).toEqual(['A', 'B', 'A']);
    expect(runs).toEqual([['a', 'b']]);
  });

  it('when the run fails, every call of that turn fails, and the next turn runs again', async () => {
    let fail = true;
    const batch = new TurnBatch<number, number>(async (items) => {
      if (fail) throw new Error('database away');
      return items;
    });
    const results = await Promise.allSettled([batch.add(1), batch.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batch.add(3)).resolves.toBe(3);
  });
});
