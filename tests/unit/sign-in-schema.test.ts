import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/validation/sign-in";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const errorsOf = (input: unknown) => {
  const r = signInSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("sign-in input", () => {
  it.each([
    [
      { email: "", password: "" },
      { email: ["Enter your email address."], password: ["Enter your password."] },
    ],
    [{ email: "   ", password: "x" }, { email: ["Enter your email address."] }],
    [{ email: "name@", password: "x" }, { email: ["Enter an email address like name@example.com."] }],
    [
      { email: `${"a".repeat(10_000)}@example.com`, password: "x" },
      { email: ["An email address has at most 320 characters."] },
    ],
    [{ email: "a@example.com", password: "p".repeat(257) }, { password: ["A password has at most 256 characters."] }],
    [{}, { email: ["Enter your email address."], password: ["Enter your password."] }],
  ])("%j → field errors", (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it("normalizes the email (trim, lower case) and keeps the password as typed", () => {
    expect(signInSchema.parse({ email: "  Ada@Example.COM ", password: " Secret " })).toEqual({
      email: "ada@example.com",
      password: " Secret ",
    });
  });
});
