import { describe, expect, it } from "vitest";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LazyDetails } from "@/components/ui/lazy-details";

// The incident page's folded forms are not in its HTML until someone opens them; a fold that
// starts open (a closed incident's other phases) draws them at once.
describe("LazyDetails", () => {
  const draw = (defaultOpen: boolean) =>
    renderToStaticMarkup(
      // the folded content as createElement's children argument (the props' type names it too)
      createElement(
        LazyDetails,
        { summary: "Edit facts", defaultOpen } as ComponentProps<typeof LazyDetails>,
        createElement("label", null, "Title"),
      ),
    );

  it("sends the summary but not what it folds while closed", () => {
    const html = draw(false);
    expect(html).toContain("<summary");
    expect(html).toContain("Edit facts");
    expect(html).not.toContain("Title");
    expect(html).not.toContain(" open");
  });

  it("draws what it folds at once when it starts open", () => {
    const html = draw(true);
    expect(html).toContain("Title");
    expect(html).toMatch(/<details[^>]* open/);
  });
});
