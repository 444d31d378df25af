import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { BarChart } from "@/components/charts/bar-chart";

// The dashboard's charts are drawn on the server as SVG paths: one path per series, a rectangle
// per category where the series is not zero, stacked in series order, on an axis from 0 to a
// round figure at or above the tallest stack.

const draw = (props: Parameters<typeof BarChart>[0]) => renderToStaticMarkup(BarChart(props));
const rects = (d: string) =>
  [...d.matchAll(/M(\d+) ([\d.]+)h(\d+)V([\d.]+)h-\d+z/g)].map((m) => ({
    x: Number(m[1]),
    top: Number(m[2]),
    width: Number(m[3]),
    bottom: Number(m[4]),
  }));
const paths = (html: string) => [...html.matchAll(/<path d="([^"]*)" fill="[^"]+"/g)].map((m) => m[1] ?? "");
const ticks = (html: string) => [...html.matchAll(/text-anchor="end">(\d+)</g)].map((m) => Number(m[1]));

describe("BarChart", () => {
  it("stacks the series in order, each bar as tall as its count, on round ticks up to the tallest stack", () => {
    const html = draw({
      labels: ["a", "b", "c"],
      series: ["x", "y"],
      values: [
        [3, 1],
        [0, 0],
        [2, 5],
      ],
      height: 186,
    });
    expect(ticks(html)).toEqual([0, 2, 4, 6, 8]);
    const [x, y] = paths(html).map(rects);
    // plot height 186 - 8 - 18 = 160 for 8 units: 20 a unit, the axis at y = 168
    expect(x).toEqual([
      { x: expect.any(Number), top: 168 - 3 * 20, width: expect.any(Number), bottom: 168 },
      { x: expect.any(Number), top: 168 - 2 * 20, width: expect.any(Number), bottom: 168 },
    ]);
    expect(y?.map((r) => [r.top, r.bottom])).toEqual([
      [168 - 4 * 20, 168 - 3 * 20],
      [168 - 7 * 20, 168 - 2 * 20],
    ]);
    // the empty category draws nothing; the others are in their slots, left to right
    expect(x?.[0]?.x).toBeLessThan(x?.[1]?.x ?? 0);
    expect(html).toContain(">a</text>");
    expect(html).toContain(">c</text>");
  });

  it("draws an empty axis for no incidents, a legend only for several series, and no inline style", () => {
    const html = draw({ labels: ["Identify", "Contain"], series: ["Open incidents"], values: [[0], [0]] });
    expect(paths(html)).toEqual([]);
    expect(ticks(html)).toEqual([0, 1]);
    expect(html).not.toContain("<li");
    expect(html).not.toContain("style=");
    const legend = draw({ labels: ["w1"], series: ["Cyberattack", "Data breach"], values: [[1, 1]] });
    expect([...legend.matchAll(/<li>.*?<\/svg>([^<]+)<\/li>/g)].map((m) => m[1])).toEqual([
      "Cyberattack",
      "Data breach",
    ]);
  });

  it("puts every other label on a second line when they are wider than their slots", () => {
    const labels = ["Identify", "Contain", "Investigate", "Resolve", "Report", "Post-mortem"];
    const html = draw({ labels, series: ["n"], values: labels.map(() => [1]), height: 160 });
    const ys = [...html.matchAll(/<text x="\d+" y="(\d+)" text-anchor="middle">/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([143, 156, 143, 156, 143, 156]);
    const short = draw({ labels: ["a", "b"], series: ["n"], values: [[1], [1]], height: 160 });
    expect([...short.matchAll(/<text x="\d+" y="(\d+)" text-anchor="middle">/g)].map((m) => Number(m[1]))).toEqual([
      156, 156,
    ]);
  });

  it("labels at most 8 categories along the axis", () => {
    const labels = Array.from({ length: 13 }, (_, i) => `w${i}`);
    const html = draw({ labels, series: ["n"], values: labels.map(() => [1]) });
    expect([...html.matchAll(/text-anchor="middle">(w\d+)</g)].map((m) => m[1])).toEqual([
      "w0",
      "w2",
      "w4",
      "w6",
      "w8",
      "w10",
      "w12",
    ]);
  });
});
