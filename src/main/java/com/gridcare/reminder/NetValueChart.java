package com.gridcare.reminder;

import java.util.List;
import java.util.Locale;

/** Net value per cycle, one line per policy, as a self-contained SVG for BENCHMARKS.md. */
final class NetValueChart {

    private static final String[] COLOURS = { "#d62728", "#2ca02c", "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b",
            "#7f7f7f" };
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 90;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private NetValueChart() {
    }

    static String svg(Simulation.Result result, List<String> policies) {
        List<Simulation.Cycle> cycles = result.cycles();
        double min = 0;
        double max = 0;
        for (Simulation.Cycle cycle : cycles) {
            for (String policy : policies) {
                double value = cycle.policies().get(policy).netValue();
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        double span = max - min == 0 ? 1 : max - min;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">Net value per cycle (CNY)"
                + "</text>%n", LEFT));
        for (int tick = 0; tick <= 4; tick++) {
            double value = min + span * tick / 4;
            double y = TOP + plotHeight - plotHeight * (value - min) / span;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>%n", LEFT, LEFT + plotWidth, y, y,
                    LEFT - 6, y + 4, value));
        }
        for (int c = 0; c < cycles.size(); c++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(c, cycles.size(), plotWidth), HEIGHT - BOTTOM + 18, cycles.get(c).cycle()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">billing cycle</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 12));
        for (int p = 0; p < policies.size(); p++) {
            String colour = COLOURS[p % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int c = 0; c < cycles.size(); c++) {
                double value = cycles.get(c).policies().get(policies.get(p)).netValue();
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(c, cycles.size(), plotWidth),
                        TOP + plotHeight - plotHeight * (value - min) / span));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", colour, points.toString().strip()));
            int legendY = TOP + 10 + 20 * p;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 15, WIDTH - RIGHT + 35,
                    legendY, legendY, colour, WIDTH - RIGHT + 40, legendY + 4, policies.get(p)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int cycle, int cycles, int plotWidth) {
        return LEFT + (cycles == 1 ? plotWidth / 2.0 : plotWidth * cycle / (double) (cycles - 1));
    }
}
