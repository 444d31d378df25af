import { describe, expect, it } from "vitest";
import { mdText } from "@/domain/reports/incident-report";

// What a user types must come out of the Markdown report as the same words, never as markup.
describe("user text in Markdown reports", () => {
  it.each([
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["<script>fetch('//evil')</script>", "&lt;script&gt;fetch('//evil')&lt;/script&gt;"],
    ["a & b", "a &amp; b"],
    ["**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_"],
    ["[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"],
    ["![img](http://x/y.png)", "\\!\\[img\\](http://x/y.png)"],
    ["`code`", "\\`code\\`"],
    ["a | b", "a \\| b"],
    ["# Heading", "\\# Heading"],
    ["- item\n+ item\n1. one\n2) two", "\\- item\n\\+ item\n1\\. one\n2\\) two"],
    ["> quoted", "&gt; quoted"],
    ["plain words stay, INC-2026-0001 too", "plain words stay, INC-2026-0001 too"],
  ])("%j", (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });
});
