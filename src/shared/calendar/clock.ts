// The one source of "now". Main and renderer take a Clock instead of calling
// Date.now() or new Date(), so a test can hold time still or move it on.

/** Returns the current instant. */
export type Clock = () => Date;

/** The computer's own clock. */
export const systemClock: Clock = () => new Date();

/** A clock that stays where it is put: tests set or advance it instead of sleeping. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let now = new Date(start);
  const clock = (() => new Date(now.getTime())) as ManualClock;
  clock.set = (instant) => {
    now = new Date(instant);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}
