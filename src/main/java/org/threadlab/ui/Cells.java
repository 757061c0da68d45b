package org.threadlab.ui;

import org.threadlab.sample.History;
import org.threadlab.model.WorkerSample;
import org.threadlab.text.Decimals;
import org.threadlab.text.Sizes;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** Cell texts for the screen: unknown numbers (NaN, -1) show as "-", never as a made-up zero. */
final class Cells {
    private Cells() {}

    static String percent(double p) {
        if (Double.isNaN(p) || p < 0) {
            return "-";
        }
        return Decimals.fixed(p, p < 100 ? 1 : 0);
    }

    /** "12.5%", or "n/a" when unknown. */
    static String percentSign(double p) {
        String t = percent(p);
        return t.equals("-") ? "n/a" : t + "%";
    }

    static String bytes(long b) {
        return b < 0 ? "-" : Sizes.compact(b);
    }

    static String number(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }

    static String kind(WorkerKind k) {
        return switch (k) {
            case THREAD -> "thr";
            case VIRTUAL -> "virt";
            case PROCESS -> "proc";
        };
    }

    /** Short state of a row: what the worker did over the interval, as measured. */
    static String state(WorkerSample ws) {
        if (org.threadlab.model.Attached.is(ws.info())) {
            // not threadlab's: the kernel's own letter (S, R, D, T...), as htop shows it, until it exits
            return ws.info().state().ended() ? "EXIT" : ws.threadState() == null ? "?" : ws.threadState();
        }
        return state(ws.info(), ws.state());
    }

    /** Short state; "STOP" marks a live worker that was asked to stop (a stubborn thread keeps it). */
    static String state(WorkerInfo w) {
        return state(w, w.state());
    }

    private static String state(WorkerInfo w, WorkerState state) {
        if (state.alive() && w.cancelRequested()) {
            return "STOP";
        }
        return switch (state) {
            case NEW -> "NEW";
            case RUNNING -> "RUN";
            case WAITING -> "WAIT";
            case BLOCKED -> "BLOCK";
            case FINISHED -> "DONE";
            case FAILED -> "FAIL";
            case TERMINATED -> "TERM";
        };
    }

    /** A meter like htop's: bars for the fraction, the label right-aligned inside. */
    static String meter(double fraction, int inner, String label, Theme t) {
        if (inner <= 0) {
            return "";
        }
        int filled = Double.isNaN(fraction) ? 0 : (int) Math.round(Math.max(0, Math.min(1, fraction)) * inner);
        StringBuilder sb = new StringBuilder(String.valueOf(t.barFill).repeat(filled)).append(" ".repeat(inner - filled));
        if (label.length() <= inner) {
            sb.replace(inner - label.length(), inner, label);
        }
        return sb.toString();
    }

    /** Progress as a bar of {@code w} columns; "-" when the total is not known. */
    static String progress(WorkerInfo w, int width, Theme t) {
        if (width <= 0) {
            return "";
        }
        if (w.progressTotal() <= 0) {
            return "-";
        }
        int filled = (int) Math.round(w.progress() * width);
        return String.valueOf(t.progressFill).repeat(filled) + String.valueOf(t.progressEmpty).repeat(width - filled);
    }

    /** The last {@code width} values, scaled to {@code max} (NaN draws a blank). */
    static String sparkline(History h, int width, double max, Theme t) {
        if (width <= 0 || h == null) {
            return "";
        }
        int n = Math.min(width, h.size());
        StringBuilder sb = new StringBuilder(width);
        sb.append(" ".repeat(width - n));
        int levels = t.spark.length();
        for (int i = h.size() - n; i < h.size(); i++) {
            double v = h.get(i);
            if (Double.isNaN(v) || v < 0) {
                sb.append(' ');
            } else {
                int idx = (int) Math.round(Math.min(1, v / max) * (levels - 1));
                sb.append(t.spark.charAt(Math.max(0, Math.min(levels - 1, idx))));
            }
        }
        return sb.toString();
    }
}
