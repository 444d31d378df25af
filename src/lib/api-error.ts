import { NextResponse } from "next/server";

export type ApiErrorCode =
  | "UNAUTHENTICATED"
  | "INVALID_SIGNATURE"
  | "MALFORMED_JSON"
  | "PAYLOAD_TOO_LARGE"
  | "REPLAYED"
  | "NOT_FOUND"
  | "VALIDATION_FAILED"
  | "CONFLICT"
  | "GONE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_SIGNATURE: 401,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  REPLAYED: 409,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Every API error has this shape: { error: { code, message, fieldErrors? } }. */
export function apiError(
  code: ApiErrorCode,
  message: string,
  extra: { fieldErrors?: Record<string, string[]>; requestId?: string; retryAfterSeconds?: number } = {},
) {
  const { retryAfterSeconds, ...body } = extra;
  const headers = retryAfterSeconds === undefined ? undefined : { "Retry-After": String(retryAfterSeconds) };
  return NextResponse.json({ error: { code, message, ...body } }, { status: API_ERROR_STATUS[code], headers });
}
