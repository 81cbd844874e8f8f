package com.deleverage.replay.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Draws the report's charts with JFreeChart onto JFreeSVG's {@code Graphics2D} and returns them as SVG
 * elements to inline in the page. Time axes are UTC. Each chart gets its own definitions prefix, so the
 * SVG is the same from run to run (JFreeSVG's default prefix comes from the clock).
 */
final class Charts {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e)};
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final int WIDTH = 1300;
    private static final int HEIGHT = 300;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** The colour of the version at {@code index} in every chart, as six hex digits. */
    static String colour(int index) {
        return String.format("%06x", paint(index).getRGB() & 0xffffff);
    }

    private static Color paint(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** One line per version of a per-tick figure; halts of each version shaded in its colour. */
    static String lines(String id, String title, String axis, List<VersionResult> versions,
                        Function<TickRecord, BigDecimal> value, boolean shadeHalts) {
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        for (VersionResult v : versions) {
            TimeSeries series = new TimeSeries(v.label());
            for (TickRecord t : v.series()) {
                series.add(new FixedMillisecond(t.time().toEpochMilli()), value.apply(t).doubleValue(), false);
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time (UTC)", axis, dataset, true, false, false);
        XYPlot plot = style(chart);
        XYItemRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < versions.size(); i++) {
            renderer.setSeriesPaint(i, paint(i));
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.6f : 1.8f));
        }
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (shadeHalts) {
            for (int i = 0; i < versions.size(); i++) {
                shadeHalts(plot, versions.get(i), paint(i));
            }
        }
        return svg(id, chart);
    }

    /** Side-by-side bars per version of a per-tick figure summed over buckets of {@code bucket}. */
    static String bars(String id, String title, String axis, List<VersionResult> versions, Duration bucket,
                       Function<TickRecord, BigDecimal> value) {
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        long width = bucket.toMillis();
        for (VersionResult v : versions) {
            XYIntervalSeries series = new XYIntervalSeries(v.label());
            java.util.SortedMap<Long, BigDecimal> sums = new java.util.TreeMap<>();
            for (TickRecord t : v.series()) {
                long start = Math.floorDiv(t.time().toEpochMilli(), width) * width;
                sums.merge(start, value.apply(t), BigDecimal::add);
            }
            sums.forEach((start, sum) -> {
                double y = sum.doubleValue();
                series.add(start + width / 2.0, start, start + width, y, 0, y);
            });
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYBarChart(title, "time (UTC)", true, axis, dataset,
                org.jfree.chart.plot.PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart);
        ClusteredXYBarRenderer renderer = new ClusteredXYBarRenderer(0.1, false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < versions.size(); i++) {
            renderer.setSeriesPaint(i, paint(i));
        }
        plot.setRenderer(renderer);
        return svg(id, chart);
    }

    private static XYPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        DateAxis time = (DateAxis) plot.getDomainAxis();
        time.setTimeZone(UTC);
        SimpleDateFormat format = new SimpleDateFormat("HH:mm");
        format.setTimeZone(UTC);
        time.setDateFormatOverride(format);
        time.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        time.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        return plot;
    }

    private static void shadeHalts(XYPlot plot, VersionResult version, Color colour) {
        Instant start = null;
        Instant last = null;
        for (TickRecord t : version.series()) {
            if (t.halted() && start == null) {
                start = t.time();
            }
            if (!t.halted() && start != null) {
                mark(plot, start, t.time(), colour);
                start = null;
            }
            last = t.time();
        }
        if (start != null) {
            mark(plot, start, last, colour);
        }
    }

    private static void mark(XYPlot plot, Instant from, Instant to, Color colour) {
        IntervalMarker marker = new IntervalMarker(from.toEpochMilli(), to.toEpochMilli());
        marker.setPaint(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40));
        plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
    }

    private static String svg(String id, JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(id);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(id);
    }
}
