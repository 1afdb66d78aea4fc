package org.encaisse.communication;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.unbescape.html.HtmlEscape;

/**
 * The text/plain alternative of an HTML email, for mail clients and readers that show no HTML: a
 * reminder's body is a whole letter, so each paragraph, block and table row keeps a line of its own
 * and a row's cells are separated, instead of the letter running on as one line. Hidden page footers
 * (print only) are left out, as a screen shows them.
 * <p>
 * The HTML is read as a stream of tags and text (attoparser, Thymeleaf's own parser) rather than
 * built into a document tree first: the letter's text needs no tree, and building one cost as much
 * as rendering the letter.
 */
final class PlainTextBody {

    private static final Set<String> PARAGRAPHS = Set.of("p", "table", "h1", "h2", "h3", "h4", "ul", "ol");
    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "thead", "tbody", "tfoot", "tr", "h1", "h2",
            "h3", "h4", "ul", "ol", "li", "main", "section", "header", "footer");
    /** Elements whose content a reader never sees as text. */
    private static final Set<String> UNSHOWN = Set.of("head", "title", "style", "script", "template");
    private static final MarkupParser PARSER = new MarkupParser(ParseConfiguration.htmlConfiguration());

    private PlainTextBody() {
    }

    static String of(String html) {
        TextCollector collector = new TextCollector();
        try {
            PARSER.parse(html, collector);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The letter's HTML could not be read for its plain-text version: "
                    + e.getMessage(), e);
        }
        return tidy(collector.text);
    }

    /**
     * Lines lose the spaces and cell separators they end with, and no more than one blank line
     * separates two: in one pass, as a pair of regular expressions took longer than reading the HTML.
     */
    private static String tidy(CharSequence collected) {
        StringBuilder lines = new StringBuilder(collected.length());
        for (int i = 0; i < collected.length(); i++) {
            char c = collected.charAt(i);
            if (c == '\n') {
                int end = lines.length();
                while (end > 0 && (lines.charAt(end - 1) == ' ' || lines.charAt(end - 1) == '|')) {
                    end--;
                }
                lines.setLength(end);
                if (end >= 2 && lines.charAt(end - 1) == '\n' && lines.charAt(end - 2) == '\n') {
                    continue;
                }
            }
            lines.append(c);
        }
        return lines.toString().strip() + "\n";
    }

    /** An element being read: whether it is hidden, and what its shown children were so far. */
    private static final class Open {

        final String name;
        final boolean hidden;
        int shownChildElements;
        boolean holdsBlocks;

        Open(String name, boolean hidden) {
            this.name = name;
            this.hidden = hidden;
        }
    }

    private static final class TextCollector extends AbstractMarkupHandler {

        private final StringBuilder text = new StringBuilder();
        private final StringBuilder pendingText = new StringBuilder();
        private final Deque<Open> open = new ArrayDeque<>();
        private Open opening;

        @Override
        public void handleText(char[] buffer, int offset, int len, int line, int col) {
            if (!hidden()) {
                pendingText.append(buffer, offset, len);
            }
        }

        @Override
        public void handleOpenElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            start(buffer, nameOffset, nameLen);
        }

        @Override
        public void handleAutoOpenElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            start(buffer, nameOffset, nameLen);
        }

        @Override
        public void handleStandaloneElementStart(char[] buffer, int nameOffset, int nameLen, boolean minimized, int line,
                                                 int col) {
            start(buffer, nameOffset, nameLen);
        }

        @Override
        public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
                                    int operatorOffset, int operatorLen, int operatorLine, int operatorCol,
                                    int valueContentOffset, int valueContentLen, int valueOuterOffset, int valueOuterLen,
                                    int valueLine, int valueCol) {
            if (opening != null && !opening.hidden && isFooterClass(buffer, nameOffset, nameLen, valueContentOffset,
                    valueContentLen)) {
                opening = new Open(opening.name, true);
            }
        }

        @Override
        public void handleOpenElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            entered();
        }

        @Override
        public void handleAutoOpenElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            entered();
        }

        @Override
        public void handleStandaloneElementEnd(char[] buffer, int nameOffset, int nameLen, boolean minimized, int line,
                                               int col) {
            entered();
            close();
        }

        @Override
        public void handleCloseElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            close();
        }

        @Override
        public void handleAutoCloseElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            close();
        }

        @Override
        public void handleComment(char[] buffer, int contentOffset, int contentLen, int outerOffset, int outerLen,
                                  int line, int col) {
            // A comment ends a run of text, as it ends a text node.
            flushText();
        }

        @Override
        public void handleDocumentEnd(long endTimeNanos, long totalTimeNanos, int line, int col) {
            flushText();
        }

        private boolean hidden() {
            Open current = open.peek();
            return current != null && current.hidden;
        }

        private void start(char[] buffer, int nameOffset, int nameLen) {
            flushText();
            String name = new String(buffer, nameOffset, nameLen).toLowerCase(Locale.ROOT);
            opening = new Open(name, hidden() || UNSHOWN.contains(name));
        }

        /** The element's tag is read, attributes included: it now shows (or not) and counts among its parent's. */
        private void entered() {
            Open element = opening;
            opening = null;
            Open parent = open.peek();
            if (!element.hidden) {
                if (element.name.equals("br")) {
                    newLine();
                } else if ((element.name.equals("td") || element.name.equals("th")) && parent != null
                        && parent.shownChildElements > 0) {
                    text.append(" | ");
                }
                if (parent != null) {
                    parent.shownChildElements++;
                    parent.holdsBlocks |= BLOCKS.contains(element.name);
                }
            }
            open.push(element);
        }

        private void close() {
            flushText();
            Open element = open.poll();
            if (element == null || element.hidden || !BLOCKS.contains(element.name)) {
                return;
            }
            newLine();
            // A block of blocks (the letterhead, the addressee) ends with a blank line, as a paragraph does.
            if (PARAGRAPHS.contains(element.name) || (element.name.equals("div") && element.holdsBlocks)) {
                text.append('\n');
            }
        }

        /** A run of text between two tags: its words, spaced as the markup spaces them. */
        private void flushText() {
            if (pendingText.isEmpty()) {
                return;
            }
            // Most runs are the indentation between two tags: they are dropped before any work.
            boolean blank = true;
            for (int i = 0; i < pendingText.length() && blank; i++) {
                blank = isSpace(pendingText.charAt(i));
            }
            String raw = blank ? "" : pendingText.indexOf("&") < 0 ? pendingText.toString()
                    : HtmlEscape.unescapeHtml(pendingText.toString());
            pendingText.setLength(0);
            String words = collapseWhitespace(raw);
            if (words.isBlank()) {
                return;
            }
            // A space in the markup before the words stays one; "4 250,00 €</strong>." does not gain one.
            if (!text.isEmpty() && !endsWithSpace(text) && Character.isWhitespace(raw.charAt(0))) {
                text.append(' ');
            }
            text.append(words.strip());
            if (Character.isWhitespace(raw.charAt(raw.length() - 1))) {
                text.append(' ');
            }
        }

        private void newLine() {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
    }

    /** Whether the attribute is a class list naming {@code footer}, read in place: every attribute of the letter passes here. */
    private static boolean isFooterClass(char[] buffer, int nameOffset, int nameLen, int valueOffset, int valueLen) {
        if (nameLen != 5 || !"class".regionMatches(true, 0, new String(buffer, nameOffset, nameLen), 0, 5)) {
            return false;
        }
        int end = valueOffset + valueLen;
        int start = valueOffset;
        while (start < end) {
            int tokenEnd = start;
            while (tokenEnd < end && !Character.isWhitespace(buffer[tokenEnd])) {
                tokenEnd++;
            }
            if (tokenEnd - start == 6 && "footer".regionMatches(true, 0, new String(buffer, start, 6), 0, 6)) {
                return true;
            }
            start = tokenEnd + 1;
        }
        return false;
    }

    /**
     * Runs of spaces, line breaks and no-break spaces become one space, and invisible characters go, as
     * a browser shows the text; a narrow no-break space becomes a plain one, which every reader shows.
     */
    private static String collapseWhitespace(String raw) {
        char[] words = new char[raw.length()];
        int length = 0;
        boolean inSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    words[length++] = ' ';
                    inSpace = true;
                }
            } else if (c != '\u200B' && c != '\u00AD') {
                words[length++] = c;
                inSpace = false;
            }
        }
        return new String(words, 0, length);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u202F';
    }

    private static boolean endsWithSpace(CharSequence text) {
        char last = text.charAt(text.length() - 1);
        return last == ' ' || last == '\n';
    }
}
