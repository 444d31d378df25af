// NIST SP 800-63B (5.1.1.2) rules for a password a person chooses: a minimum length (longer for
// administrators, whose account opens everyone's data), a generous maximum, every printable
// character and space allowed, no composition rules, and a refusal of values known to be common,
// breached or tied to the account. Lengths count Unicode code points after NFC normalisation, so
// "é" typed as one or two code points is one character.

import type { Role } from "../access/permissions";

export const PASSWORD_MAX_CHARS = 256;
export const PASSWORD_MIN_CHARS: Readonly<Record<Role, number>> = {
  ADMIN: 15,
  MANAGER: 12,
  ANALYST: 12,
  CLIENT_CONTACT: 12,
};

export type PasswordContext = { role: Role; email?: string | null; name?: string | null };

/** The number of characters a person typed, as NIST counts them (code points, NFC). */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

// Digits, punctuation and spaces people put around a common word ("dragon2026!").
const AFFIXES = /^[\d\W_]+|[\d\W_]+$/gu;

function isRepetitive(value: string): boolean {
  const chars = [...value];
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.length >= unit * 3 && chars.every((c, i) => c === chars[i % unit])) return true;
  }
  // A run of neighbouring code points, up or down ("abcdef", "987654").
  const [first, second, ...rest] = chars.map((c) => c.codePointAt(0));
  if (first === undefined || second === undefined) return false;
  const step = second - first;
  if (step !== 1 && step !== -1) return false;
  let previous = second;
  for (const code of rest) {
    if (code !== previous + step) return false;
    previous = code;
  }
  return true;
}

/**
 * What is wrong with a new password, as sentences to show beside the field; empty when it may be
 * used. `common` holds lower-cased common and breached passwords.
 */
export function passwordProblems(password: string, ctx: PasswordContext, common: ReadonlySet<string>): string[] {
  const min = PASSWORD_MIN_CHARS[ctx.role];
  const length = passwordLength(password);
  if (length < min) {
    return [
      ctx.role === "ADMIN"
        ? `An administrator's password has at least ${min} characters.`
        : `Use at least ${min} characters.`,
    ];
  }
  if (length > PASSWORD_MAX_CHARS) return [`A password has at most ${PASSWORD_MAX_CHARS} characters.`];
  const lower = password.normalize("NFC").toLowerCase();
  const core = lower.replace(AFFIXES, "");
  if (common.has(lower) || (core.length >= 4 && common.has(core))) {
    return ["This password is on a list of common or breached passwords: choose another."];
  }
  if (isRepetitive(lower) || isRepetitive(lower.replace(/\s+/g, "")))
    return ["Avoid repeated or sequential characters such as aaaa… or 1234…: choose another."];
  const email = ctx.email?.trim().toLowerCase();
  const local = email?.split("@")[0];
  const name = ctx.name?.trim().toLowerCase();
  const personal = [
    email,
    local && local.length >= 4 ? local : null,
    name && name.length >= 4 ? name : null,
    "warden",
  ].filter((v): v is string => !!v);
  if (personal.some((word) => core === word || lower === word || core === word.replace(/\s+/g, ""))) {
    return ["Do not use your email address, your name or the name of this service as your password."];
  }
  return [];
}
