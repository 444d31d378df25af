import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../../db";
import { openSecret } from "../../mfa/secret-box";
import { checkTotp } from "@/domain/mfa/totp";
import { RECOVERY_CODE_COUNT, normalizeRecoveryCode, recoveryCodeFrom } from "@/domain/mfa/recovery-codes";

export type FactorUser = { id: string; totpSecret: string | null; totpLastStep: number | null };
export type FactorProof =
  | { ok: true; method: "totp" | "recovery_code"; recoveryCodesLeft: number }
  | { ok: false; reason: "malformed" | "wrong" | "replayed" | "unreadable" };

export const hashRecoveryCode = (normalized: string) => createHash("sha256").update(normalized).digest("hex");

/** Ten fresh recovery codes replace the user's old ones; the plain codes are returned once, to show. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(randomBytes(10)));
  const data = codes.map((code) => {
    // stored as a typed code is compared (no dashes); a made code that did not read back is a bug
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) throw new Error("a generated recovery code does not read back as one");
    return { userId, codeHash: hashRecoveryCode(normalized), createdAt: now };
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data });
  return codes;
}

export const recoveryCodesLeft = (tx: Tx, userId: string) => tx.recoveryCode.count({ where: { userId, usedAt: null } });

/**
 * Spends one factor of the user's: an authenticator code (its step recorded, so the same code
 * cannot be used again) or, where allowed, an unused recovery code (marked used). The marks are
 * conditional updates, so two requests racing with one code cannot both succeed.
 */
export async function spendFactor(
  tx: Tx,
  user: FactorUser,
  typed: string,
  now: Date,
  { allowRecovery = true } = {},
): Promise<FactorProof> {
  const recovery = normalizeRecoveryCode(typed);
  if (recovery && allowRecovery) {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(recovery), usedAt: null },
      data: { usedAt: now },
    });
    if (!count) return { ok: false, reason: "wrong" };
    return { ok: true, method: "recovery_code", recoveryCodesLeft: await recoveryCodesLeft(tx, user.id) };
  }
  const secret = user.totpSecret ? openSecret(user.totpSecret, user.id) : null;
  if (!secret) return { ok: false, reason: "unreadable" };
  const check = checkTotp(secret, typed, now.getTime(), user.totpLastStep);
  if (!check.ok) return check;
  const { count } = await tx.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.step } }] },
    data: { totpLastStep: check.step },
  });
  if (!count) return { ok: false, reason: "replayed" };
  return { ok: true, method: "totp", recoveryCodesLeft: await recoveryCodesLeft(tx, user.id) };
}

export const FACTOR_MESSAGES: Record<Exclude<FactorProof, { ok: true }>["reason"], string> = {
  malformed:
    "Type the 6-digit code from your authenticator app, or a recovery code (four groups of four letters and digits).",
  wrong: "That code is not right. Check the time on your phone and type the newest code.",
  replayed: "That code has already been used. Wait for the next code in your authenticator app.",
  unreadable:
    "Your authenticator cannot be checked. Use a recovery code, or ask an administrator to reset your two-step verification.",
};
