package org.encaisse.communication;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text/plain alternative of an HTML email, for mail clients and readers that show no HTML: a
 * reminder's body is a whole letter, so each paragraph, block and table row keeps a line of its own
 * and a row's cells are separated, instead of the letter running on as one line. Hidden page footers
 * (print only) are left out, as a screen shows them.
 */
final class PlainTextBody {

    private static final Set<String> PARAGRAPHS = Set.of("p", "table", "h1", "h2", "h3", "h4", "ul", "ol");
    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "thead", "tbody", "tfoot", "tr", "h1", "h2",
            "h3", "h4", "ul", "ol", "li", "main", "section", "header", "footer");

    private PlainTextBody() {
    }

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        body.select(".footer").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    String words = textNode.text().replace('\u00A0', ' ').replace('\u202F', ' ');
                    if (!words.isBlank()) {
                        // A space in the markup before the words stays one; "4 250,00 €</strong>." does not gain one.
                        if (!text.isEmpty() && !endsWithSpace(text)
                                && Character.isWhitespace(textNode.getWholeText().charAt(0))) {
                            text.append(' ');
                        }
                        text.append(words.strip());
                        if (Character.isWhitespace(textNode.getWholeText().charAt(textNode.getWholeText().length() - 1))) {
                            text.append(' ');
                        }
                    }
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        newLine(text);
                    } else if ((element.normalName().equals("td") || element.normalName().equals("th"))
                            && element.elementSiblingIndex() > 0) {
                        text.append(" | ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(text);
                    if (PARAGRAPHS.contains(element.normalName()) || holdsBlocks(element)) {
                        text.append('\n');
                    }
                }
            }
        }, body);
        return text.toString()
                .replaceAll("[ |]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip() + "\n";
    }

    /** A block of blocks (the letterhead, the addressee) ends with a blank line, as a paragraph does. */
    private static boolean holdsBlocks(Element element) {
        return element.normalName().equals("div")
                && element.children().stream().anyMatch(child -> BLOCKS.contains(child.normalName()));
    }

    private static boolean endsWithSpace(CharSequence text) {
        char last = text.charAt(text.length() - 1);
        return last == ' ' || last == '\n';
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
