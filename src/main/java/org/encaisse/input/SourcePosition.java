package org.encaisse.input;

/** Where a record came from, so that every error can point back to it. */
public record SourcePosition(Kind kind, int number) {

    public enum Kind { LINE, ITEM }

    public static SourcePosition line(int number) {
        return new SourcePosition(Kind.LINE, number);
    }

    public static SourcePosition item(int number) {
        return new SourcePosition(Kind.ITEM, number);
    }

    public boolean isLine() {
        return kind == Kind.LINE;
    }

    @Override
    public String toString() {
        return (isLine() ? "line " : "item ") + number;
    }
}
