package org.encaisse.bank;

import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;

/** Which of the two statement formats a file is, told from its first characters, not from its name. */
enum StatementFormat {
    CAMT_053, CFONB_120;

    static StatementFormat of(byte[] content, InputErrors errors) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        while (start < content.length && Character.isWhitespace(content[start])) {
            start++;
        }
        if (start < content.length && content[start] == '<') {
            return CAMT_053;
        }
        if (start + 1 < content.length && content[start] == '0' && content[start + 1] == '1') {
            return CFONB_120;
        }
        errors.add(SourcePosition.line(1), "file", "is neither a CAMT.053 statement (ISO 20022 XML) nor a CFONB 120 "
                + "statement (records of 120 characters, the first one 01)", null);
        return null;
    }
}
