package org.threadlab.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadlab.model.CellState;
import org.threadlab.text.Durations;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A recording drawn as one self-contained HTML page: the template, uPlot's script and CSS (read from its
 * webjar), our script and CSS, and the data as JSON, all inlined, so the page needs no network to view.
 */
public final class HtmlReport {
    static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String OURS = "/org/threadlab/record/report/";
    private static final Pattern SLOT = Pattern.compile("@@([A-Z_]+)@@");
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {}

    /** The whole page. */
    public static String html(ReportData data) {
        String template = resource(OURS + "report.html");
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(200_000);
        while (m.find()) {
            String fill = switch (m.group(1)) {
                case "TITLE" -> escape(title(data));
                case "UPLOT_CSS" -> resource(UPLOT + "uPlot.min.css");
                case "UPLOT_JS" -> resource(UPLOT + "uPlot.iife.min.js");
                case "REPORT_CSS" -> resource(OURS + "report.css");
                case "REPORT_JS" -> resource(OURS + "report.js");
                case "DATA" -> json(data);
                default -> throw new IllegalStateException("report.html: unknown slot " + m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(fill));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "threadlab run on vm, 2026-11-26 04:12:03 UTC". */
    static String title(ReportData d) {
        return "threadlab " + d.header().command() + " on " + d.header().host() + ", " + WHEN.format(d.header().start());
    }

    /**
     * The data as JSON, safe inside a script element: every '<' (which only a string can hold) is written
     * as \u003c, so no text in it ("&lt;/script>" in a program's output) can end the element.
     */
    static String json(ReportData d) {
        StringWriter w = new StringWriter(1 << 16);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
            g.writeStartObject();
            g.writeStringProperty("title", title(d));
            g.writeStringProperty("name", d.name());
            header(g, d);
            g.writeArrayPropertyStart("notes");
            for (String note : d.notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeName("t");
            numbers(g, d.times(), 1000);
            g.writeArrayPropertyStart("cores");
            for (ReportData.CoreSeries c : d.cores()) {
                g.writeStartObject();
                g.writeNumberProperty("core", c.core());
                g.writeName("percent");
                numbers(g, c.percent(), 10);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberProperty("mem_total", d.memTotal());
            g.writeArrayPropertyStart("memory");
            for (ReportData.MemorySeries s : d.memory()) {
                g.writeStartObject();
                g.writeStringProperty("label", s.label());
                g.writeName("bytes");
                numbers(g, s.bytes(), 1);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("states");
            for (CellState s : CellState.values()) {
                g.writeStartObject();
                g.writeStringProperty("name", s.name());
                g.writeStringProperty("words", s.words());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("lanes");
            for (ReportData.LaneRow l : d.lanes()) {
                g.writeStartObject();
                g.writeNumberProperty("worker", l.worker());
                g.writeStringProperty("label", l.label());
                g.writeNumberProperty("round", l.round());
                g.writeStringProperty("what", l.what());
                g.writeArrayPropertyStart("states");
                for (CellState s : l.states()) {
                    g.writeNumber(s.ordinal());
                }
                g.writeEndArray();
                number(g, "start", l.start(), 1000);
                number(g, "end", l.end(), 1000);
                g.writeArrayPropertyStart("cores");
                for (int c : l.cores()) {
                    g.writeNumber(c);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("rounds");
            for (ReportData.RoundRow r : d.rounds()) {
                g.writeStartObject();
                g.writeNumberProperty("id", r.id());
                g.writeStringProperty("label", r.label());
                number(g, "start", r.start(), 1000);
                number(g, "end", r.end(), 1000);
                g.writeStringProperty("wall", Durations.seconds(java.time.Duration.ofNanos(r.wallNanos())));
                g.writeStringProperty("cpu", r.cpuNanos() < 0 ? null : Durations.seconds(java.time.Duration.ofNanos(r.cpuNanos())));
                number(g, "cores_busy", r.coresBusy(), 100);
                g.writeNumberProperty("host_cores", r.hostCores());
                g.writeNumberProperty("finished", r.finished());
                g.writeNumberProperty("failed", r.failed());
                g.writeNumberProperty("stopped", r.stopped());
                g.writeNumberProperty("peak_mem", r.peakMemory());
                g.writeStringProperty("comparison", r.comparison());
                g.writeStringProperty("verdict", r.verdict());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("events");
            for (ReportData.EventMark e : d.events()) {
                g.writeStartObject();
                number(g, "t", e.at(), 1000);
                g.writeStringProperty("type", e.type());
                g.writeNumberProperty("worker", e.worker());
                g.writeStringProperty("text", e.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString().replace("<", "\\u003c");
    }

    private static void header(JsonGenerator g, ReportData d) {
        Header h = d.header();
        g.writeObjectPropertyStart("header");
        g.writeStringProperty("threadlab", h.threadlab());
        g.writeStringProperty("format", h.version());
        g.writeStringProperty("command", h.command());
        g.writeStringProperty("host", h.host());
        g.writeNumberProperty("cores", h.cores());
        g.writeStringProperty("start", WHEN.format(h.start()));
        g.writeStringProperty("start_iso", h.start().toString());
        g.writeStringProperty("interval", h.interval() == null ? null : Durations.format(h.interval()));
        number(g, "interval_s", h.interval() == null ? Double.NaN : h.interval().toNanos() / 1e9, 1e6);
        g.writeStringProperty("duration", Durations.seconds(d.duration()));
        g.writeNumberProperty("models", d.times().length);
        g.writeNumberProperty("workers", d.lanes().size());
        g.writeNumberProperty("events", d.events().size());
        g.writeEndObject();
    }

    /** Values rounded to 1/scale (a percent to a tenth, a time to a millisecond), NaN as null. */
    private static void numbers(JsonGenerator g, double[] values, double scale) {
        g.writeStartArray();
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                g.writeNull();
            } else if (scale == 1 && v == Math.rint(v) && Math.abs(v) < 1e15) {
                g.writeNumber((long) v);
            } else {
                g.writeNumber(Math.round(v * scale) / scale);
            }
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, double v, double scale) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, Math.round(v * scale) / scale);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + path + " is missing from threadlab's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
