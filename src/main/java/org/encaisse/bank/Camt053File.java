package org.encaisse.bank;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;

/**
 * Reads an ISO 20022 bank-to-customer statement, camt.053.001.02 to .08, as French banks send it: several
 * statements per file, several entries per statement, batched entries with one TxDtls per payment. Read as a
 * stream, one statement header and one entry held at a time. A document type declaration is refused outright
 * (a statement has none; it is how entity expansion and external entities get in), and no external resource is
 * ever fetched.
 */
final class Camt053File {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";
    private static final Set<String> VERSIONS = Set.of("02", "03", "04", "05", "06", "07", "08");
    private static final Set<String> POSITIONED = Set.of("Stmt", "Ntry", "NtryDtls", "TxDtls", "Bal", "Ustrd", "Strd");
    private static final Pattern PARSER_MESSAGE = Pattern.compile("Message: (.*)", Pattern.DOTALL);
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private final InputErrors errors;
    private final List<BankStatement> statements = new ArrayList<>();
    private String version;

    private Camt053File(InputErrors errors) {
        this.errors = errors;
    }

    /** The statements of the file; what is wrong goes to {@code errors}, each with its line and XPath. */
    static Camt053File read(byte[] content, InputErrors errors) {
        Camt053File file = new Camt053File(errors);
        file.parse(content);
        return file;
    }

    List<BankStatement> statements() {
        return statements;
    }

    /** "camt.053.001.08", once the root element was read. */
    String format() {
        return version == null ? "camt.053" : "camt.053.001." + version;
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own parser, whatever else is on the class path, so that these settings are the ones that hold.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private void parse(byte[] content) {
        XMLStreamReader reader = null;
        try {
            reader = hardenedFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            walk(reader);
        } catch (XMLStreamException malformed) {
            int line = malformed.getLocation() == null ? 1 : Math.max(1, malformed.getLocation().getLineNumber());
            Matcher message = PARSER_MESSAGE.matcher(String.valueOf(malformed.getMessage()));
            errors.add(SourcePosition.line(line), "file", "is not well-formed XML: "
                    + (message.find() ? message.group(1).strip() : malformed.getMessage()), null);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release: the content is in memory.
                }
            }
        }
    }

    private void walk(XMLStreamReader reader) throws XMLStreamException {
        Deque<XmlElement> open = new ArrayDeque<>();
        Deque<Map<String, Integer>> siblings = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        StatementReader statement = null;
        int depth = 0;
        boolean root = true;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                errors.add(SourcePosition.line(reader.getLocation().getLineNumber()), "file", "declares a document type "
                        + "(DOCTYPE); a bank statement has none, and none is read, for it is how entity expansion and "
                        + "external entities get into XML", null);
                return;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                errors.add(SourcePosition.line(reader.getLocation().getLineNumber()), "file",
                        "refers to an entity (&" + reader.getLocalName() + ";), which a bank statement never does", null);
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                int line = reader.getLocation().getLineNumber();
                if (root) {
                    root = false;
                    if (!isStatementDocument(reader, line)) {
                        return;
                    }
                }
                Map<String, Integer> counts = siblings.isEmpty() ? new HashMap<>() : siblings.peek();
                int position = counts.merge(name, 1, Integer::sum);
                String path = (paths.isEmpty() ? "" : paths.peek()) + "/" + name
                        + (POSITIONED.contains(name) ? "[" + position + "]" : "");
                paths.push(path);
                siblings.push(new HashMap<>());
                if (depth == 3 && name.equals("Stmt")) {
                    statement = new StatementReader(new XmlElement(name, path, line, Map.of()));
                    open.push(statement.header);
                } else if (statement != null) {
                    XmlElement element = new XmlElement(name, path, line, attributes(reader));
                    if (depth == 4 && name.equals("Ntry")) {
                        statement.entry = element;
                    } else {
                        open.peek().add(element);
                    }
                    open.push(element);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (!open.isEmpty() && !reader.isWhiteSpace()) {
                    open.peek().append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                paths.pop();
                siblings.pop();
                if (statement != null) {
                    XmlElement closed = open.pop();
                    if (closed == statement.entry) {
                        statement.readEntry(closed);
                        statement.entry = null;
                    } else if (closed == statement.header) {
                        statements.add(statement.finish());
                        statement = null;
                    }
                }
                depth--;
            }
        }
        if (statements.isEmpty() && errors.isEmpty()) {
            errors.add(SourcePosition.line(1), "/Document/BkToCstmrStmt/Stmt", "is missing: the file holds no statement",
                    null);
        }
    }

    private boolean isStatementDocument(XMLStreamReader reader, int line) {
        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        String found = "{" + namespace + "}" + reader.getLocalName();
        if (reader.getLocalName().equals("Document") && namespace.startsWith(NAMESPACE)
                && VERSIONS.contains(namespace.substring(NAMESPACE.length()))) {
            version = namespace.substring(NAMESPACE.length());
            return true;
        }
        String what = namespace.contains("camt.052") ? "an intraday account report (camt.052), not an end-of-day statement"
                : namespace.contains("camt.054") ? "a debit/credit notification (camt.054), not a statement"
                : namespace.startsWith(NAMESPACE) ? "a camt.053 version this reader does not know"
                : namespace.contains("pain.") ? "a payment order (pain), not a statement"
                : "not an ISO 20022 bank statement";
        errors.add(SourcePosition.line(line), "/" + reader.getLocalName(), "is " + what + "; expected a Document in "
                + NAMESPACE + "02 to " + NAMESPACE + "08", found);
        return false;
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        if (reader.getAttributeCount() == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return attributes;
    }

    /** One statement: its header (account, balances), then its entries as they come. */
    private final class StatementReader {

        private final XmlElement header;
        private final List<StatementEntry> entries = new ArrayList<>();
        private XmlElement entry;
        private String account;
        private String currency;
        private String id;
        private int entryCount;

        StatementReader(XmlElement header) {
            this.header = header;
        }

        /** The account and currency, read when the first entry comes: the schema puts them before any entry. */
        private void readAccount() {
            if (id != null) {
                return;
            }
            id = header.text("Id");
            if (id == null) {
                errors.add(SourcePosition.line(header.line()), header.path() + "/Id", "is missing", null);
                id = header.path();
            }
            account = header.text("Acct/Id/IBAN");
            if (account == null) {
                account = header.text("Acct/Id/Othr/Id");
            }
            if (account == null) {
                errors.add(SourcePosition.line(header.line()), header.path() + "/Acct/Id",
                        "is missing: whose account the statement is of", null);
                account = "";
            }
            currency = header.text("Acct/Ccy");
            if (currency == null) {
                // Acct/Ccy is optional; the balances are then in the account's currency.
                XmlElement balance = header.at("Bal/Amt");
                currency = balance == null ? null : balance.attribute("Ccy");
            }
        }

        void readEntry(XmlElement ntry) {
            readAccount();
            entryCount++;
            EntryReader reader = new EntryReader(ntry, id, account, currency, entryCount, errors);
            entries.addAll(reader.entries());
        }

        BankStatement finish() {
            readAccount();
            return new BankStatement(id, account, currency, List.copyOf(entries));
        }
    }

    /** One Ntry: a single payment, or a batch whose TxDtls are each a payment. */
    private static final class EntryReader {

        private final XmlElement ntry;
        private final String statementId;
        private final String account;
        private final String accountCurrency;
        private final int index;
        private final InputErrors errors;

        EntryReader(XmlElement ntry, String statementId, String account, String accountCurrency, int index,
                    InputErrors errors) {
            this.ntry = ntry;
            this.statementId = statementId;
            this.account = account;
            this.accountCurrency = accountCurrency;
            this.index = index;
            this.errors = errors;
        }

        List<StatementEntry> entries() {
            int before = errors.size();
            StatementAmount amount = amount(ntry, "Amt", true);
            Boolean credit = direction(ntry, true);
            String status = ntry.text("Sts/Cd") != null ? ntry.text("Sts/Cd") : ntry.text("Sts");
            if (status == null) {
                reject(ntry, "Sts", "is missing: whether the entry is booked (BOOK) or pending (PDNG)", null);
            }
            boolean booked = "BOOK".equals(status);
            LocalDate bookingDate = date(ntry, "BookgDt", booked);
            LocalDate valueDate = date(ntry, "ValDt", false);
            boolean reversal = "true".equals(ntry.text("RvslInd")) || "1".equals(ntry.text("RvslInd"));
            String entryReference = ntry.text("AcctSvcrRef") != null ? ntry.text("AcctSvcrRef") : ntry.text("NtryRef");
            List<XmlElement> transactions = ntry.all("NtryDtls/TxDtls");
            if (errors.size() > before) {
                return List.of();
            }
            if (transactions.size() <= 1) {
                XmlElement transaction = transactions.isEmpty() ? null : transactions.get(0);
                String reference = entryReference != null ? entryReference
                        : transaction != null && transaction.text("Refs/AcctSvcrRef") != null
                        ? transaction.text("Refs/AcctSvcrRef") : statementId + "/" + index;
                return List.of(entry(transaction == null ? ntry : transaction, reference, bookingDate, valueDate,
                        amount, credit, booked, reversal, transaction));
            }
            return batch(transactions, entryReference == null ? statementId + "/" + index : entryReference, amount,
                    credit, booked, reversal, bookingDate, valueDate);
        }

        private List<StatementEntry> batch(List<XmlElement> transactions, String entryReference, StatementAmount total,
                                           boolean entryCredit, boolean booked, boolean reversal, LocalDate bookingDate,
                                           LocalDate valueDate) {
            List<StatementEntry> payments = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            int before = errors.size();
            for (int i = 0; i < transactions.size(); i++) {
                XmlElement transaction = transactions.get(i);
                StatementAmount amount = transaction.at("Amt") != null ? amount(transaction, "Amt", true)
                        : amount(transaction, "AmtDtls/TxAmt/Amt", true);
                // Not a conditional expression: it would unbox a missing direction before it is checked.
                Boolean credit = entryCredit;
                if (transaction.at("CdtDbtInd") != null) {
                    credit = direction(transaction, true);
                }
                if (amount == null || credit == null) {
                    continue;
                }
                sum = credit == entryCredit ? sum.add(amount.value()) : sum.subtract(amount.value());
                String endToEnd = transaction.text("Refs/EndToEndId");
                String own = transaction.text("Refs/AcctSvcrRef");
                String reference = own != null ? own : entryReference + "/"
                        + (endToEnd != null && !endToEnd.equals(NOT_PROVIDED) ? endToEnd
                        : transaction.text("Refs/TxId") != null ? transaction.text("Refs/TxId") : String.valueOf(i + 1));
                payments.add(entry(transaction, reference, bookingDate, valueDate, amount, credit, booked,
                        reversal, transaction));
            }
            if (errors.size() == before && sum.compareTo(total.value()) != 0) {
                reject(ntry, "NtryDtls", "holds transactions adding up to " + sum.toPlainString() + " while the entry "
                        + "says " + total.value().toPlainString(), null);
            }
            return errors.size() == before ? payments : List.of();
        }

        /** {@code amount} carries its own currency: the account's when the statement gives one, else the entry's. */
        private StatementEntry entry(XmlElement where, String reference, LocalDate bookingDate, LocalDate valueDate,
                                     StatementAmount amount, boolean credit, boolean booked, boolean reversal,
                                     XmlElement transaction) {
            String debtor = null;
            String iban = null;
            List<String> references = new ArrayList<>();
            if (transaction != null) {
                for (String path : List.of("RltdPties/Dbtr/Pty/Nm", "RltdPties/Dbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm",
                        "RltdPties/UltmtDbtr/Nm")) {
                    if (debtor == null) {
                        debtor = transaction.text(path);
                    }
                }
                iban = transaction.text("RltdPties/DbtrAcct/Id/IBAN");
                transaction.all("RmtInf/Ustrd").forEach(line -> add(references, line.text()));
                for (XmlElement structured : transaction.all("RmtInf/Strd")) {
                    add(references, structured.text("CdtrRefInf/Ref"));
                    structured.all("RfrdDocInf").forEach(document -> add(references, document.text("Nb")));
                    structured.all("AddtlRmtInf").forEach(line -> add(references, line.text()));
                }
                String endToEnd = transaction.text("Refs/EndToEndId");
                if (endToEnd != null && !endToEnd.equals(NOT_PROVIDED)) {
                    add(references, endToEnd);
                }
                if (references.isEmpty()) {
                    add(references, transaction.text("AddtlTxInf"));
                }
            }
            if (references.isEmpty()) {
                add(references, ntry.text("AddtlNtryInf"));
            }
            return new StatementEntry(where.line(), where.path(), account, statementId, truncated(reference),
                    bookingDate, valueDate, amount.value(), amount.currency(), credit, booked, reversal, debtor, iban,
                    List.copyOf(references));
        }

        private static void add(List<String> references, String text) {
            if (text != null && !text.isBlank() && !references.contains(text.strip())) {
                references.add(text.strip());
            }
        }

        private static String truncated(String reference) {
            return reference.length() <= 100 ? reference : reference.substring(0, 100);
        }

        private StatementAmount amount(XmlElement parent, String path, boolean required) {
            XmlElement element = parent.at(path);
            if (element == null) {
                if (required) {
                    reject(parent, path, "is missing", null);
                }
                return null;
            }
            StatementAmount amount = StatementAmount.parse(element.text(), element.attribute("Ccy"));
            if (amount.problem() != null) {
                reject(parent, path, amount.problem(), element.text());
                return null;
            }
            if (accountCurrency != null && !accountCurrency.equals(amount.currency())) {
                reject(parent, path, "is in " + amount.currency() + " while the statement's account is in "
                        + accountCurrency, element.text() + " " + amount.currency());
                return null;
            }
            return amount;
        }

        private Boolean direction(XmlElement parent, boolean required) {
            String indicator = parent.text("CdtDbtInd");
            if ("CRDT".equals(indicator)) {
                return true;
            }
            if ("DBIT".equals(indicator)) {
                return false;
            }
            if (indicator != null || required) {
                reject(parent, "CdtDbtInd", indicator == null ? "is missing" : "is neither CRDT nor DBIT", indicator);
            }
            return null;
        }

        private LocalDate date(XmlElement parent, String path, boolean required) {
            String day = parent.text(path + "/Dt");
            String dayAndTime = parent.text(path + "/DtTm");
            String text = day != null ? day : dayAndTime != null && dayAndTime.length() >= 10
                    ? dayAndTime.substring(0, 10) : dayAndTime;
            if (text == null) {
                if (required) {
                    reject(parent, path, "is missing", null);
                }
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException notADate) {
                reject(parent, path + (day != null ? "/Dt" : "/DtTm"), "is not a date that exists (YYYY-MM-DD)", text);
                return null;
            }
        }

        private void reject(XmlElement parent, String path, String reason, String value) {
            errors.add(SourcePosition.line(parent.line()), parent.path() + "/" + path, reason, value);
        }
    }
}
