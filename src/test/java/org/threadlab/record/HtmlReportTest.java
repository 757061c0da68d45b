package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.threadlab.worker.Event;

/** The page holds everything it needs: uPlot, our script and CSS, the data; nothing it would fetch. */
class HtmlReportTest {
    static String page() {
        List<org.threadlab.model.Snapshot> models = List.of(
                ReportDataTest.model(1, 0, ReportDataTest.host(1, 0.5, 0.5), List.of(), List.of(), List.of()),
                ReportDataTest.model(2, 1, ReportDataTest.host(2, 0.5, 0.5), List.of(), List.of(), List.of()));
        // a program's output is anything: text that would end the script element, or open a comment
        List<Event> events = List.of(new Event(1, ReportDataTest.at(0.5), Event.Type.INFO, 0,
                "out: </script><script>alert(1)</script> <!-- & \u2028 \"quoted\""));
        Recording r = ReportDataTest.recording(models, events, List.of());
        return HtmlReport.html(ReportData.of(r, "s.jsonl"));
    }

    @Test
    void thePageReferencesNothingOutsideItself() {
        String html = page();
        Matcher ref = Pattern.compile("(?i)\\b(src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(https?:|//|file:|ftp:)").matcher(html);
        assertFalse(ref.find(), () -> "a reference out of the page: " + html.substring(Math.max(0, ref.start() - 40), ref.end() + 40));
        assertFalse(Pattern.compile("(?i)<link\\b|<iframe\\b|<img\\b|@import|url\\(\\s*['\"]?(https?:|//)").matcher(html).find(),
                "no linked stylesheet, frame, image or imported CSS");
        assertFalse(Pattern.compile("\\bfetch\\s*\\(|XMLHttpRequest|\\bimport\\s*\\(|new\\s+WebSocket|EventSource|sendBeacon")
                .matcher(html).find(), "no script that loads anything");
        assertFalse(Pattern.compile("<script[^>]*\\bsrc\\s*=").matcher(html).find(), "every script inlined");
        assertFalse(html.contains("@@"), "every slot of the template filled");
        assertTrue(html.contains("var uPlot=function()"), "uPlot's script inlined");
        assertTrue(html.contains(".uplot {"), "uPlot's CSS inlined");
        assertTrue(html.contains("laneSegments"), "our script inlined");
    }

    @Test
    void textInTheDataCannotEndItsScript() {
        String html = page();
        int data = html.indexOf("<script type=\"application/json\" id=\"report-data\">");
        assertTrue(data > 0);
        int end = html.indexOf("</script>", data);
        String json = html.substring(data + "<script type=\"application/json\" id=\"report-data\">".length(), end);
        assertFalse(json.contains("<"), "no '<' at all in the data: it is written \\u003c");
        assertTrue(json.contains("\\u003c/script>\\u003cscript>alert(1)"), json);
        // exactly our four scripts: the error catcher, the data, uPlot, ours
        assertEquals(4, html.split("<script", -1).length - 1);
    }

    @Test
    void theTitleSaysWhatWhereAndWhen() {
        String html = page();
        assertTrue(html.contains("<title>threadlab ui on labhost, 2026-03-04 05:06:07 UTC</title>"), html.substring(0, 400));
        assertTrue(html.contains("\"interval\":\"1s\""), "the header's interval in the data");
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", HtmlReport.escape("a <b> & \"c\""));
        assertTrue(Duration.ofSeconds(1).equals(ReportDataTest.HEADER.interval()));
    }
}
