package dev.slim4j.cli;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart for reports (sensitivity curves): one polyline per series over shared axes,
 * ticks at fifths of each range, a legend on the right. No scripts, no external styles.
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series) {
    /** A named curve; xs and ys have the same length. */
    public record Series(String name, List<Double> xs, List<Double> ys) {
        public Series {
            if (xs.size() != ys.size()) throw new IllegalArgumentException("series '" + name + "': " + xs.size() + " x values, " + ys.size() + " y values");
            xs = List.copyOf(xs);
            ys = List.copyOf(ys);
        }
    }

    public LineChart {
        series = List.copyOf(series);
    }

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int W = 640, H = 400, LEFT = 60, RIGHT = 200, TOP = 40, BOTTOM = 50;

    public String svg() {
        double x0 = min(true), x1 = max(true), y0 = min(false), y1 = max(false);
        if (x1 == x0) x1 = x0 + 1;
        if (y1 == y0) y1 = y0 + 1;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                W + RIGHT, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, W - LEFT, H - TOP - BOTTOM));
        for (int i = 0; i <= 5; i++) {
            double xv = x0 + (x1 - x0) * i / 5, yv = y0 + (y1 - y0) * i / 5;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.3g</text>%n", px(xv, x0, x1), H - BOTTOM + 15, xv));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>%n", LEFT - 5, py(yv, y0, y1) + 4, yv));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + W) / 2, H - 10, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2, escape(yLabel)));
        for (int k = 0; k < series.size(); k++) {
            Series sr = series.get(k);
            String color = COLORS[k % COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < sr.xs().size(); i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(sr.xs().get(i), x0, x1), py(sr.ys().get(i), y0, y1)));
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n", color, pts.toString().trim()));
            int ly = TOP + 14 * k;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n", W + 10, ly, W + 30, ly, color));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", W + 35, ly + 4, escape(sr.name())));
        }
        return s.append("</svg>\n").toString();
    }

    private double min(boolean x) {
        return series.stream().flatMap(s -> (x ? s.xs() : s.ys()).stream()).mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private double max(boolean x) {
        return series.stream().flatMap(s -> (x ? s.xs() : s.ys()).stream()).mapToDouble(Double::doubleValue).max().orElse(1);
    }

    private static double px(double v, double lo, double hi) { return LEFT + (W - LEFT) * (v - lo) / (hi - lo); }

    private static double py(double v, double lo, double hi) { return H - BOTTOM - (H - TOP - BOTTOM) * (v - lo) / (hi - lo); }

    private static String escape(String t) { return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
