import { describe, expect, it } from "vitest";
import { NUL_MESSAGE, nulFieldErrors } from "@/lib/validation/nul-text";

describe("nulFieldErrors", () => {
  it.each([
    [{ title: "Call the client", tags: ["a", "b"] }, null],
    [{ title: "a\u0000b" }, { title: [NUL_MESSAGE] }],
    [{ title: "ok", tags: ["fine", "\u0000"] }, { tags: [NUL_MESSAGE] }],
    [{ n: 3, file: new Blob(["\u0000"]) }, null],
    ["plain\u0000", { _form: [NUL_MESSAGE] }],
    [undefined, null],
  ])("%j → %j", (input, expected) => {
    expect(nulFieldErrors(input)).toEqual(expected);
  });
});
