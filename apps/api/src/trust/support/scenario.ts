import { TrustCounter } from './trust-stats';

/**
 * A fault scenario: one Jest test, counted for the trust suite's summary line (a failure
 * counts as one failed scenario). Call `flush()` of the counter in afterAll.
 */
export function scenario(
  counter: TrustCounter,
  name: string,
  fn: () => Promise<void>,
  timeout?: number,
): void {
  it(
    name,
    async () => {
      let ok = false;
      try {
        await fn();
        ok = true;
      } finally {
        counter.count(ok);
      }
    },
    timeout,
  );
}
