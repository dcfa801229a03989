package com.gridcare.dataset;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar for long generations: overall share, current phase, rows, rate and ETA. Redrawn in place on a
 * terminal; a plain line every few seconds when the output is a log.
 */
final class GenerationProgress implements AutoCloseable {

    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean interactive;
    private final long totalRows;
    private final long startNanos = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final Thread painter;
    private volatile String phase = "starting";
    private volatile boolean done;

    GenerationProgress(PrintStream out, long totalRows, boolean interactive) {
        this.out = out;
        this.totalRows = Math.max(1, totalRows);
        this.interactive = interactive;
        this.painter = new Thread(this::paintUntilDone, "generation-progress");
        painter.setDaemon(true);
        painter.start();
    }

    void phase(String name) {
        phase = name;
    }

    void advance(long count) {
        rows.addAndGet(count);
    }

    long rows() {
        return rows.get();
    }

    @Override
    public void close() {
        done = true;
        painter.interrupt();
        try {
            painter.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.print(line() + System.lineSeparator());
        out.flush();
    }

    private void paintUntilDone() {
        long period = interactive ? 250 : 5_000;
        while (!done) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (!done) {
                out.print(interactive ? "\r" + line() : line() + System.lineSeparator());
                out.flush();
            }
        }
    }

    private String line() {
        long done = rows.get();
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        double share = Math.min(1, (double) done / totalRows);
        int filled = (int) (share * WIDTH);
        double rate = done / seconds;
        String eta = rate > 0 && done < totalRows ? clock((totalRows - done) / rate) : "-";
        return "[%s%s] %3d%%  %-18s %s rows  %s rows/s  elapsed %s  ETA %s   ".formatted("#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(share * 100), phase, human(done), human(Math.round(rate)),
                clock(seconds), eta);
    }

    static String human(long value) {
        return value >= 1_000_000 ? "%.1fM".formatted(value / 1e6) : value >= 1_000 ? "%.0fk".formatted(value / 1e3)
                : Long.toString(value);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return "%d:%02d".formatted(s / 60, s % 60);
    }
}
