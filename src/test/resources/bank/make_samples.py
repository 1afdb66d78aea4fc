#!/usr/bin/env python3
"""Writes the bank statement samples of this folder (run it from here; the output is deterministic).

The bank side of Atelier Lumiere SAS, whose accounts are the FEC samples of ../accounting/fec: its account at
the Credit Agricole (FR76 1820 6000 2012 3456 7890 1xx), statements as its bank sends them, built from the
published specifications:

* camt053-001-08-lumiere-20261204.xml: ISO 20022 camt.053.001.08 (the CBPR+ / SEPA version French banks moved
  to), three statements in one file: 3 and 4 December on the company's account, and 4 December on the
  holding's account (Lumiere Participations, not the company's: listed back). Single credit transfers with
  unstructured (Ustrd) and structured (Strd/RfrdDocInf, Strd/CdtrRefInf) remittance, a debit, a batched entry
  of three transfers (Btch, one TxDtls each), a pending entry, a public grant.
* camt053-001-02-lumiere-20261205.xml: camt.053.001.02 (the version most banks still send), one statement of
  5 December: the names directly under Dbtr, Sts as text, transaction amounts under AmtDtls/TxAmt.
* cfonb120-lumiere-20261205.txt: the same account's 5 December as a CFONB 120 statement (records 01, 04, 05,
  07 of 120 characters, amounts signed in their last character), ISO-8859-1, CRLF.
"""


def rib_key(bank, branch, account):
    digits = "".join(str("123456789123456789234567890"["ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(c)]) if c.isalpha() else c
                     for c in account)
    return 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(digits)) % 97)


def iban(bank, branch, account):
    bban = f"{bank}{branch}{account}{rib_key(bank, branch, account):02d}"
    numeric = "".join(str(ord(c) - 55) if c.isalpha() else c for c in bban + "FR00")
    return f"FR{98 - int(numeric) % 97:02d}{bban}"


COMPANY = ("18206", "00020", "12345678901")
HOLDING = ("18206", "00020", "98765432109")
COMPANY_IBAN = iban(*COMPANY)
HOLDING_IBAN = iban(*HOLDING)
CHEVALIER = iban("10278", "06041", "00020318501")
ECLUSES = iban("30003", "01530", "00050227745")
MULLER = iban("17806", "00450", "64783400200")
ETOILE = iban("11315", "00001", "08003217714")
RAGOT = iban("16006", "21111", "00441256870")
BPI = iban("30001", "00064", "00000040165")
CAVE = iban("13306", "00081", "30071560006")


def ntry(ref, amount, direction, status, day, code, details, version, extra=""):
    sts = f"<Sts><Cd>{status}</Cd></Sts>" if version == 8 else f"<Sts>{status}</Sts>"
    booking = f"<BookgDt><Dt>{day}</Dt></BookgDt>" if status == "BOOK" else ""
    return f"""      <Ntry>
        <NtryRef>{ref}</NtryRef>
        <Amt Ccy="EUR">{amount}</Amt>
        <CdtDbtInd>{direction}</CdtDbtInd>
        {sts}
        {booking}
        <ValDt><Dt>{day}</Dt></ValDt>
        <AcctSvcrRef>{ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>{code[0]}</Cd><SubFmlyCd>{code[1]}</SubFmlyCd></Fmly></Domn></BkTxCd>{extra}
        <NtryDtls>
{details}
        </NtryDtls>
      </Ntry>
"""


def tx(version, amount, direction, e2e, debtor, debtor_iban, remittance, own_ref=None, creditor=True):
    bic = "BICFI" if version == 8 else "BIC"
    amt = (f'<Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{direction}</CdtDbtInd>' if version == 8
           else f'<AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls><CdtDbtInd>{direction}</CdtDbtInd>')
    party = f"<Pty><Nm>{debtor}</Nm></Pty>" if version == 8 else f"<Nm>{debtor}</Nm>"
    side = "Dbtr" if creditor else "Cdtr"
    account = f"<{side}Acct><Id><IBAN>{debtor_iban}</IBAN></Id></{side}Acct>" if debtor_iban else ""
    refs = (f"<AcctSvcrRef>{own_ref}</AcctSvcrRef>" if own_ref else "") + f"<EndToEndId>{e2e}</EndToEndId>"
    return f"""          <TxDtls>
            <Refs>{refs}</Refs>
            {amt}
            <RltdPties><{side}>{party}</{side}>{account}</RltdPties>
            <RltdAgts><{side}Agt><FinInstnId><{bic}>AGRIFRPP882</{bic}></FinInstnId></{side}Agt></RltdAgts>
            {f"<RmtInf>{remittance}</RmtInf>" if remittance else ""}
          </TxDtls>"""


def ustrd(text):
    return f"<Ustrd>{text}</Ustrd>"


def invoice_doc(number, day, amount):
    return (f"<Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>{number}</Nb>"
            f"<RltdDt>{day}</RltdDt></RfrdDocInf><RfrdDocAmt><DuePyblAmt Ccy=\"EUR\">{amount}</DuePyblAmt>"
            f"</RfrdDocAmt></Strd>")


def creditor_reference(reference):
    return (f"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{reference}</Ref></CdtrRefInf>"
            f"</Strd>")


def statement(version, sid, seq, day, account, owner, opening, closing, entries):
    bic = "BICFI" if version == 8 else "BIC"

    def bal(code, amount, when):
        return (f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{amount}</Amt>"
                f"<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{when}</Dt></Dt></Bal>")
    return f"""    <Stmt>
      <Id>{sid}</Id>
      <ElctrncSeqNb>{seq}</ElctrncSeqNb>
      <CreDtTm>{day}T22:10:00+01:00</CreDtTm>
      <FrToDt><FrDtTm>{day}T00:00:00+01:00</FrDtTm><ToDtTm>{day}T23:59:59+01:00</ToDtTm></FrToDt>
      <Acct>
        <Id><IBAN>{account}</IBAN></Id>
        <Ccy>EUR</Ccy>
        <Ownr><Nm>{owner}</Nm></Ownr>
        <Svcr><FinInstnId><{bic}>AGRIFRPP882</{bic}></FinInstnId></Svcr>
      </Acct>
      {bal("OPBD", opening, day)}
      {bal("CLBD", closing, day)}
{"".join(entries)}    </Stmt>
"""


def document(version, msg_id, created, statements):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version:02d}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>{msg_id}</MsgId>
      <CreDtTm>{created}</CreDtTm>
    </GrpHdr>
{"".join(statements)}  </BkToCstmrStmt>
</Document>
"""


def camt_08():
    v = 8
    day1, day2 = "2026-12-03", "2026-12-04"
    first = [
        ntry("2026120300001", "9532.80", "CRDT", "BOOK", day1, ("RCDT", "ESCT"),
             tx(v, "9532.80", "CRDT", "NOTPROVIDED", "BOULANGERIES CHEVALIER SARL", CHEVALIER,
                ustrd("REGLEMENT FACTURE FA2026-0073")), v),
        ntry("2026120300002", "3600.00", "CRDT", "BOOK", day1, ("RCDT", "ESCT"),
             tx(v, "3600.00", "CRDT", "ECLUSES-PAY-2026-118", "HOTEL DES ECLUSES SAS", ECLUSES,
                invoice_doc("FA2026-0081", "2026-10-30", "1200.00") + creditor_reference("FA2026-0082")), v),
        ntry("2026120300003", "1250.40", "DBIT", "BOOK", day1, ("RDDT", "ESDD"),
             tx(v, "1250.40", "DBIT", "EDF-PRLV-88412", "EDF ENTREPRISES", "FR7630004000031234567890143",
                ustrd("PRLV SEPA EDF ENTREPRISES CONTRAT 8841200"), creditor=False), v),
    ]
    batch = "\n".join([
        "          <Btch><NbOfTxs>3</NbOfTxs><TtlAmt Ccy=\"EUR\">7020.00</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>",
        tx(v, "2520.00", "CRDT", "FA2026-0084", "GARAGE MULLER ET FILS", MULLER, ustrd("GARAGE MULLER"),
           own_ref="2026120400011"),
        tx(v, "1800.00", "CRDT", "NOTPROVIDED", "PHARMACIE DE L ETOILE", ETOILE,
           ustrd("REGLEMENT FACT FA2026-0085 ET FA2026-0086"), own_ref="2026120400012"),
        tx(v, "2700.00", "CRDT", "NOTPROVIDED", "MENUISERIE RAGOT", RAGOT, ustrd("VIREMENT DECEMBRE"),
           own_ref="2026120400013"),
    ])
    second = [
        ntry("2026120400010", "7020.00", "CRDT", "BOOK", day2, ("RCDT", "ESCT"), batch, v),
        ntry("2026120400020", "480.00", "CRDT", "PDNG", day2, ("RCDT", "ESCT"),
             tx(v, "480.00", "CRDT", "NOTPROVIDED", "IMPRIMERIE DUVAL ET CIE", None, ustrd("FA2026-0091")), v),
        ntry("2026120400030", "15000.00", "CRDT", "BOOK", day2, ("RCDT", "ESCT"),
             tx(v, "15000.00", "CRDT", "BPI-AI-2026-00456", "BPIFRANCE", BPI,
                ustrd("AIDE POUR L INNOVATION DOSSIER 2026-00456 1ER VERSEMENT")), v),
        ntry("2026120400040", "1980.00", "CRDT", "BOOK", day2, ("RCDT", "ESCT"),
             tx(v, "1980.00", "CRDT", "NOTPROVIDED", "SARL CAVE ST EMILION", CAVE, ""), v),
    ]
    holding = [
        ntry("2026120400901", "312.55", "CRDT", "BOOK", day2, ("RCDT", "ESCT"),
             tx(v, "312.55", "CRDT", "NOTPROVIDED", "ATELIER LUMIERE SAS", COMPANY_IBAN,
                ustrd("REFACTURATION FRAIS DE SIEGE NOVEMBRE")), v),
    ]
    return document(v, "AGRI-CAMT053-20261204-0001", "2026-12-04T23:40:00+01:00", [
        statement(v, "STMT-LUMIERE-20261203", 337, day1, COMPANY_IBAN, "ATELIER LUMIERE SAS", "48210.35",
                  "60092.75", first),
        statement(v, "STMT-LUMIERE-20261204", 338, day2, COMPANY_IBAN, "ATELIER LUMIERE SAS", "60092.75",
                  "84092.75", second),
        statement(v, "STMT-PARTICIPATIONS-20261204", 91, day2, HOLDING_IBAN, "LUMIERE PARTICIPATIONS SAS",
                  "5120.00", "5432.55", holding),
    ])


def camt_02():
    v = 2
    day = "2026-12-05"
    entries = [
        ntry("2026120500101", "1150.00", "CRDT", "BOOK", day, ("RCDT", "ESCT"),
             tx(v, "1150.00", "CRDT", "NOTPROVIDED", "MENUISERIE RAGOT", RAGOT, ustrd("VIR MENUISERIE RAGOT")), v),
        ntry("2026120500102", "86.40", "DBIT", "BOOK", day, ("CCRD", "POSD"),
             tx(v, "86.40", "DBIT", "NOTPROVIDED", "STATION TOTAL LYON", None, ustrd("CB TOTAL 06/12"),
                creditor=False), v),
    ]
    return document(v, "AGRI-CAMT053-20261205-0002", "2026-12-05T23:50:00+01:00", [
        statement(v, "STMT-LUMIERE-20261205", 339, day, COMPANY_IBAN, "ATELIER LUMIERE SAS", "88943.15",
                  "90006.75", entries),
    ])


def cfonb_amount(value, credit):
    cents = f"{round(value * 100):014d}"
    last = int(cents[-1])
    return cents[:-1] + ("{ABCDEFGHI" if credit else "}JKLMNOPQR")[last]


def record(code, rest_by_position, width=120):
    line = [" "] * width
    bank, branch, account = COMPANY

    def put(start, text):
        for i, c in enumerate(text):
            line[start - 1 + i] = c
    put(1, code)
    put(3, bank)
    put(12, branch)
    put(17, "EUR")
    put(20, "2")
    put(22, account)
    for start, text in rest_by_position.items():
        put(start, text)
    return "".join(line)


def movement(interbank, internal, day, value_day, label, number, amount, credit, reference=""):
    return record("04", {8: internal, 33: interbank, 35: day, 41: "  ", 43: value_day, 49: label.ljust(31)[:31],
                         82: number, 89: " ", 90: " ", 91: cfonb_amount(amount, credit), 105: reference.ljust(16)[:16]})


def complement(interbank, internal, day, qualifier, text):
    return record("05", {8: internal, 33: interbank, 35: day, 46: qualifier, 49: text.ljust(70)[:70]})


def cfonb():
    day = "051226"
    lines = [
        record("01", {35: "041226", 91: cfonb_amount(84092.75, True)}),
        movement("05", "0158", day, day, "VIR SEPA TRANSPORTS BREHAT", "0004211", 4200.00, True, "TRBR20261205"),
        complement("05", "0158", day, "NPY", "TRANSPORTS BREHAT"),
        complement("05", "0158", day, "LIB", "PAIEMENT FA2026-0090"),
        complement("05", "0158", day, "RCN", "TRBR-2026-1205-01"),
        movement("01", "0655", day, day, "PRLV SEPA ORANGE BUSINESS", "0004212", 312.90, False, "ORBS0987654"),
        complement("01", "0655", day, "NBE", "ORANGE BUSINESS SERVICES"),
        movement("15", "0131", day, "071226", "REMISE CHEQUES 4 CHQ", "0004213", 650.00, True, "RCHQ0000217"),
        record("07", {35: day, 91: cfonb_amount(88629.85, True)}),
    ]
    return "\r\n".join(lines) + "\r\n"


if __name__ == "__main__":
    with open("camt053-001-08-lumiere-20261204.xml", "w", encoding="utf-8", newline="\n") as out:
        out.write(camt_08())
    with open("camt053-001-02-lumiere-20261205.xml", "w", encoding="utf-8", newline="\n") as out:
        out.write(camt_02())
    with open("cfonb120-lumiere-20261205.txt", "w", encoding="iso-8859-1", newline="") as out:
        out.write(cfonb())
    print("company", COMPANY_IBAN, "holding", HOLDING_IBAN, "ragot", RAGOT)
