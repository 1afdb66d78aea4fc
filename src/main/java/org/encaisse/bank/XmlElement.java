package org.encaisse.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of a statement as read, with its children: small enough to hold (a statement's header, or one
 * entry with its transactions) and simple to question by relative path ("RltdPties/Dbtr/Nm").
 */
final class XmlElement {

    private static final int MAX_TEXT = 10_000;

    private final String name;
    private final String path;
    private final int line;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlElement(String name, String path, int line, Map<String, String> attributes) {
        this.name = name;
        this.path = path;
        this.line = line;
        this.attributes = attributes;
    }

    /** Where the element is in the file, as an XPath with positions ("/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]"). */
    String path() {
        return path;
    }

    int line() {
        return line;
    }

    String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    void add(XmlElement child) {
        children.add(child);
    }

    void append(char[] characters, int start, int length) {
        if (text.length() < MAX_TEXT) {
            text.append(characters, start, Math.min(length, MAX_TEXT - text.length()));
        }
    }

    /** The element's own text, trimmed; empty when it has none. */
    String text() {
        return text.toString().strip();
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /** The first element at {@code relativePath}, or null. */
    XmlElement at(String relativePath) {
        XmlElement current = this;
        for (String step : relativePath.split("/")) {
            XmlElement next = null;
            for (XmlElement child : current.children) {
                if (child.name.equals(step)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /** The text of the first element at {@code relativePath}, or null when there is none or it is blank. */
    String text(String relativePath) {
        XmlElement element = at(relativePath);
        return element == null || element.text().isEmpty() ? null : element.text();
    }

    /** Every element at {@code relativePath}, in document order. */
    List<XmlElement> all(String relativePath) {
        List<XmlElement> found = new ArrayList<>(List.of(this));
        for (String step : relativePath.split("/")) {
            List<XmlElement> next = new ArrayList<>();
            found.forEach(element -> next.addAll(element.children(step)));
            found = next;
        }
        return found;
    }
}
