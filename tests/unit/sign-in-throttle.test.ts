import { describe, expect, it } from "vitest";
import {
  ACCOUNT_ADDRESS_LIMIT,
  ADDRESS_LIMIT,
  lockDurationMs,
  lockedUntil,
  throttleAddress,
} from "@/domain/auth/sign-in-throttle";

const MIN = 60_000;

describe("sign-in back-off", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 16],
    [10, 32],
    [11, 60],
    [50, 60],
    [10_000, 60],
  ])("per account and address, %i failures lock for %i min", (failures, minutes) => {
    expect(lockDurationMs(failures, ACCOUNT_ADDRESS_LIMIT)).toBe(minutes * MIN);
  });

  it.each([
    [29, 0],
    [30, 1],
    [31, 2],
    [36, 60],
  ])("per address across accounts, %i failures lock for %i min", (failures, minutes) => {
    expect(lockDurationMs(failures, ADDRESS_LIMIT)).toBe(minutes * MIN);
  });

  it("counts the lock from the last failure, and lifts it when it has run", () => {
    const last = new Date("2026-12-02T10:00:00Z");
    expect(lockedUntil(6, last, ACCOUNT_ADDRESS_LIMIT, new Date("2026-12-02T10:01:59Z"))).toEqual(
      new Date("2026-12-02T10:02:00Z"),
    );
    expect(lockedUntil(6, last, ACCOUNT_ADDRESS_LIMIT, new Date("2026-12-02T10:02:00Z"))).toBeNull();
    expect(lockedUntil(4, last, ACCOUNT_ADDRESS_LIMIT, last)).toBeNull();
    expect(lockedUntil(9, null, ACCOUNT_ADDRESS_LIMIT, last)).toBeNull();
  });
});

describe("the address a throttle counts by", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:85a3:1234:5678:8a2e:370:7334", "2001:db8:85a3:1234::/64"],
    ["2001:db8:85a3:1234:ffff:ffff:ffff:ffff", "2001:db8:85a3:1234::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:0db8:0000:0042::1", "2001:db8:0:42::/64"],
    ["::1", "0:0:0:0::/64"],
    [null, null],
  ])("%s → %s", (ip, expected) => {
    expect(throttleAddress(ip)).toBe(expected);
  });
});
