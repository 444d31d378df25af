import { describe, expect, it } from "vitest";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordLength, passwordProblems } from "@/domain/passwords/password-rules";

const common = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
const ok = (
  password: string,
  role: "ADMIN" | "MANAGER" | "ANALYST" | "CLIENT_CONTACT" = "ANALYST",
  email = "ada@example.com",
  name = "Ada Lovelace",
) => passwordProblems(password, { role, email, name }, common);

describe("password length, per role", () => {
  it.each([
    ["ANALYST", "kettle-orbit", true], // 12
    ["ANALYST", "kettle-orbi", false], // 11
    ["MANAGER", "kettle-orbit", true],
    ["CLIENT_CONTACT", "kettle-orbit", true],
    ["CLIENT_CONTACT", "kettle orb", false],
    ["ADMIN", "kettle-orbit-sx", true], // 15
    ["ADMIN", "kettle-orbit-s", false], // 14
    ["ADMIN", "kettle-orbit", false],
  ] as const)("%s with %j → allowed %s", (role, password, allowed) => {
    expect(ok(password, role)).toEqual(allowed ? [] : [expect.stringMatching(/at least 1[25] characters/)]);
  });

  it("an administrator is told the administrator minimum", () => {
    expect(ok("kettle-orbit", "ADMIN")).toEqual(["An administrator's password has at least 15 characters."]);
  });

  it("a password of at most 256 characters", () => {
    expect(ok("k".repeat(100) + "x".repeat(157))).toEqual(["A password has at most 256 characters."]);
    expect(ok("kettle-orbit-" + "x".repeat(243))).toEqual([]);
  });
});

describe("unicode is counted in characters, not bytes or UTF-16 units", () => {
  it.each([
    ["ééééééééééé", 11], // 11 precomposed
    ["e\u0301".repeat(11), 11], // 11 decomposed: NFC makes them one each
    ["密码密码密码密码密码密码", 12],
    ["🔑🚪🔑🚪🔑🚪🔑🚪🔑🚪🔑", 11], // astral: two UTF-16 units each
  ])("%s has %i characters", (password, length) => {
    expect(passwordLength(password)).toBe(length);
  });
  it("12 CJK characters pass the 12 minimum; 11 emoji do not", () => {
    expect(ok("梅雨の季節に読む古い手紙束")).toEqual([]);
    expect(ok("🔑🚪🔑🚪🔑🚪🔑🚪🔑🚪🔑")).toEqual(["Use at least 12 characters."]);
    expect(ok("é".repeat(6) + "ü".repeat(6))).toEqual([]);
  });
});

describe("common, breached and guessable passwords", () => {
  it.each([
    "qwerty123456",
    "QWERTY123456",
    "1q2w3e4r5t6y",
    "leavemealone",
    "123qweasdzxc",
    "dragon2026!!!",
    "!!password1234",
    "Football12345",
  ])("%s is refused as common", (password) => {
    expect(ok(password)).toEqual(["This password is on a list of common or breached passwords: choose another."]);
  });
  it.each(["aaaaaaaaaaaa", "abababababab", "123412341234", "abcdefghijklm", "zyxwvutsrqpo"])(
    "%s is refused as repetitive or sequential",
    (password) => {
      expect(ok(password)).toEqual(["Avoid repeated or sequential characters such as aaaa… or 1234…: choose another."]);
    },
  );
  it.each([
    ["ada@example.com", "ada@example.com"],
    ["ADA@EXAMPLE.COM", "ada@example.com"],
    ["adalovelace12", "adalovelace@example.com"],
    ["Ada Lovelace!!", "x@example.com"],
    ["ada.lovelace2026", "ada.lovelace@example.com"],
  ])("%s is refused for %s", (password, email) => {
    expect(ok(password, "ANALYST", email)).toEqual([
      "Do not use your email address, your name or the name of this service as your password.",
    ]);
  });
  it("no composition rules: a long passphrase of lower-case words is fine", () => {
    expect(ok("correct horse battery staple")).toEqual([]);
    expect(ok("tea kettle on a tuesday", "ADMIN")).toEqual([]);
  });
});
