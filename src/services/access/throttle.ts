/**
 * The sign-in throttle: a progressive delay per scope instead of a lock. Each scope counts the failed sign-ins of the
 * last FAILURE_WINDOW_MINUTES; past its free attempts, the next attempt must wait base·2^(failures − free) seconds
 * after the last failure, up to a ceiling. The account-wide ceiling is short on purpose: it is the scope an anonymous
 * caller can push against someone else's account, so it may slow the owner down, never shut them out.
 *
 * @example
 * waitSeconds(THROTTLE.pair, 5) // 4: the fifth failure of one account from one address costs 4 s
 */
import type { FailureCount } from '../../db/access';

export interface ThrottleRule {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
}

export const THROTTLE = {
  /** One account from one address: a person mistyping, or one guesser. */
  pair: { free: 3, baseSeconds: 1, maxSeconds: 300 },
  /** One address, any account: password spraying. */
  address: { free: 10, baseSeconds: 1, maxSeconds: 300 },
  /** One account, any address: many guessers at once. Short, since anyone can push it. */
  account: { free: 10, baseSeconds: 1, maxSeconds: 10 },
} as const satisfies Record<string, ThrottleRule>;

export function waitSeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
}

/** Whole seconds to wait before the next attempt may be checked (0: go ahead). */
export function waitBeforeAttempt(f: Record<keyof typeof THROTTLE, FailureCount>, now: Date): number {
  let wait = 0;
  for (const scope of Object.keys(THROTTLE) as Array<keyof typeof THROTTLE>) {
    const { count, last } = f[scope];
    if (!last) continue;
    const until = last.getTime() + waitSeconds(THROTTLE[scope], count) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}
