import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// The ~49,000 most common passwords of public breach corpora, as zxcvbn-ts ships them
// (@zxcvbn-ts/language-common): bundled, so checking a password sends it nowhere.
let common: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  return (common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())));
}
