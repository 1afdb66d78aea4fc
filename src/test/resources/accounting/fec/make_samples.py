#!/usr/bin/env python3
"""Writes the FEC samples of this folder (run it from here; the output is deterministic).

Two small French companies' accounts for 2026, written the way two kinds of accounting packages write a
FEC (arrete du 29 juillet 2013, article A47 A-1 of the Livre des procedures fiscales):

* 512345679FEC20261130.txt: Atelier Lumiere SAS, tab-separated, ISO-8859-15, decimal comma, the 18 columns
  with Montantdevise/Idevise (one customer invoiced in US dollars); journals AN, VE, HA, BQ, OD.
  512345679FEC20261205.txt is the same company's FEC a week later: every line of the first again (an invoice
  of October now lettered with its December payment) and the new entries of December.
* 830456782FEC20261130.txt: Dupont Services SARL, '|'-separated, UTF-8 with a byte-order mark, decimal
  point, no Montantdevise/Idevise, a due-date column (EcheanceDate) as some packages add, a trailing '|';
  journals ANO, VT, BNP.
"""
import random
from datetime import date, timedelta

HEADER_A = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
            "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
            "ValidDate", "Montantdevise", "Idevise"]
HEADER_B = HEADER_A[:16] + ["EcheanceDate"]

JOURNALS_A = {"AN": "A-nouveaux", "VE": "Journal des ventes", "HA": "Journal des achats",
              "BQ": "Banque Crédit Agricole", "OD": "Opérations diverses"}
JOURNALS_B = {"ANO": "Report à nouveau", "VT": "Ventes", "BNP": "BNP Paribas"}

CUSTOMERS_A = [
    ("CLT0101", "Boulangeries Chevalier SARL"), ("CLT0102", "Hôtel des Écluses SAS"),
    ("CLT0103", "Garage Müller & Fils"), ("CLT0104", "Brasserie Lefèvre"),
    ("CLT0105", "Pharmacie de l'Étoile"), ("CLT0106", "Cave Saint-Émilion SARL"),
    ("CLT0107", "Menuiserie Ragot"), ("CLT0108", "Clinique Vétérinaire des Prés"),
    ("CLT0109", "Imprimerie Duval & Cie"), ("CLT0110", "Transports Bréhat"),
    ("CLT0111", "Atelier Œnologie SAS"), ("CLT0112", "Boston Lighting Inc."),
]
CUSTOMERS_B = [("9AUBERT", "Aubert Immobilier"), ("9BLANC", "Cabinet Blanc Avocats"),
               ("9CHARPY", "Charpy Logistique SAS"), ("9DELORME", "Delorme Paysages"),
               ("9ETIENNE", "Clinique Saint-Étienne"), ("9FAURE", "Faure & Associés")]
SUPPLIERS = [("FRN001", "EDF Entreprises"), ("FRN002", "Lumens Distribution"), ("FRN003", "Orange Business")]


def d(day):
    return day.strftime("%Y%m%d")


class Ledger:
    def __init__(self, journals, comma):
        self.journals = journals
        self.comma = comma
        self.entries = []          # (date, journal, number, lines)

    def amount(self, value):
        if not value:
            return "0,00" if self.comma else "0.00"
        text = f"{value:.2f}"
        return text.replace(".", ",") if self.comma else text

    def entry(self, journal, day, lines):
        self.entries.append((day, journal, lines))

    def numbered(self):
        """Entries in date order, numbered in sequence per journal as a package validates them."""
        numbers = {}
        for day, journal, lines in sorted(self.entries, key=lambda e: (e[0], e[1])):
            numbers[journal] = numbers.get(journal, 0) + 1
            yield day, journal, f"{journal}{numbers[journal]:06d}", lines

    def rows(self, until, with_currency, with_due):
        rows = []
        for day, journal, number, lines in self.numbered():
            if day > until:
                continue
            for line in lines:
                letter, letter_day = line.get("let", ("", None))
                if letter_day is not None and letter_day > until:
                    letter, letter_day = "", None
                row = [journal, self.journals[journal], number, d(day), line["account"], line["label_account"],
                       line.get("aux", ""), line.get("aux_name", ""), line["piece"], d(line.get("piece_day", day)),
                       line["label"], self.amount(line.get("debit", 0)), self.amount(line.get("credit", 0)),
                       letter, d(letter_day) if letter_day else "", d(day)]
                if with_currency:
                    row += [self.amount(line["foreign"]) if "foreign" in line else "", line.get("currency", "")]
                if with_due:
                    row += [d(line["due"]) if "due" in line else ""]
                rows.append(row)
        return rows


def sale(ledger, journal, day, customer, piece, net, vat_rate=0.20, due=None, foreign=None, currency=None):
    vat = round(net * vat_rate, 2)
    gross = round(net + vat, 2)
    receivable = {"account": "411000", "label_account": "Clients", "aux": customer[0], "aux_name": customer[1],
                  "piece": piece, "label": f"Facture {piece} {customer[1]}", "debit": gross}
    if due:
        receivable["due"] = due
    if foreign:
        receivable["foreign"], receivable["currency"] = foreign, currency
    lines = [receivable,
             {"account": "706000", "label_account": "Prestations de services", "piece": piece,
              "label": f"Facture {piece} {customer[1]}", "credit": net}]
    if vat:
        lines.append({"account": "445710", "label_account": "TVA collectée", "piece": piece,
                      "label": f"Facture {piece} {customer[1]}", "credit": vat})
    ledger.entry(journal, day, lines)
    return receivable


def credit_note(ledger, journal, day, customer, piece, net):
    vat = round(net * 0.20, 2)
    receivable = {"account": "411000", "label_account": "Clients", "aux": customer[0], "aux_name": customer[1],
                  "piece": piece, "label": f"Avoir {piece} {customer[1]}", "credit": round(net + vat, 2)}
    ledger.entry(journal, day, [
        receivable,
        {"account": "709000", "label_account": "Rabais, remises et ristournes accordés", "piece": piece,
         "label": f"Avoir {piece} {customer[1]}", "debit": net},
        {"account": "445710", "label_account": "TVA collectée", "piece": piece,
         "label": f"Avoir {piece} {customer[1]}", "debit": vat}])
    return receivable


def payment(ledger, journal, bank_account, day, customer, piece, amount, label):
    receivable = {"account": "411000", "label_account": "Clients", "aux": customer[0], "aux_name": customer[1],
                  "piece": piece, "label": label, "credit": amount}
    ledger.entry(journal, day, [
        {"account": bank_account, "label_account": "Banque", "piece": piece, "label": label, "debit": amount},
        receivable])
    return receivable


def letter_codes():
    for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for second in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            yield first + second


def company_a():
    rng = random.Random(2026)
    ledger = Ledger(JOURNALS_A, comma=True)
    codes = letter_codes()
    customers = CUSTOMERS_A
    # Carried forward from 2025: three invoices still open on 1 January, in detail.
    opening = []
    for customer, piece, day, gross in [(customers[2], "FA2025-0311", date(2025, 11, 14), 4380.00),
                                        (customers[5], "FA2025-0342", date(2025, 12, 2), 1254.60),
                                        (customers[9], "FA2025-0358", date(2025, 12, 19), 8940.00)]:
        opening.append({"account": "411000", "label_account": "Clients", "aux": customer[0], "aux_name": customer[1],
                        "piece": piece, "piece_day": day, "label": f"Report {piece}", "debit": gross})
    ledger.entry("AN", date(2026, 1, 1), opening + [
        {"account": "890000", "label_account": "Bilan d'ouverture", "piece": "AN2026", "label": "Reprise des soldes",
         "credit": round(sum(line["debit"] for line in opening), 2)}])
    pay = payment(ledger, "BQ", "512000", date(2026, 1, 20), customers[2], "VIR260120", 4380.00,
                  "VIR GARAGE MULLER FA2025-0311")
    code = next(codes)
    opening[0]["let"] = pay["let"] = (code, date(2026, 1, 20))

    invoices = []
    day = date(2026, 1, 5)
    number = 0
    while day <= date(2026, 11, 27):
        for _ in range(rng.choice([1, 1, 2])):
            number += 1
            customer = customers[rng.randrange(11)]
            net = round(rng.uniform(300, 9000), 2)
            piece = f"FA2026-{number:04d}"
            invoices.append((day, customer, piece, sale(ledger, "VE", day, customer, piece, net)))
        day += timedelta(days=rng.choice([4, 5, 6]))
    # An export to the United States, invoiced in dollars (10,000.00 USD booked at 9,216.59 EUR).
    usd = sale(ledger, "VE", date(2026, 6, 12), customers[11], "FA2026-E001", 9216.59, vat_rate=0.0,
               foreign=10000.00, currency="USD")
    invoices.append((date(2026, 6, 12), customers[11], "FA2026-E001", usd))

    # Payments: most invoices paid in full 25 to 60 days later and lettered; some by one transfer for two
    # invoices; some in part and left unlettered; the recent ones and a few old ones still unpaid.
    paid_until = date(2026, 11, 30)
    pending_group = {}
    for index, (day, customer, piece, receivable) in enumerate(invoices):
        if piece == "FA2026-E001":
            continue
        when = day + timedelta(days=rng.randint(25, 60))
        roll = rng.random()
        if when > paid_until or roll < 0.12:
            continue                      # still owed
        if roll < 0.20:
            part = round(receivable["debit"] * 0.5, 2)
            payment(ledger, "BQ", "512000", when, customer, f"VIR{d(when)[2:]}", part,
                    f"VIR {customer[1].upper()[:20]} ACOMPTE {piece}")
            continue
        if roll < 0.30 and customer[0] not in pending_group:
            pending_group[customer[0]] = (receivable, when)
            continue
        group = [receivable]
        if customer[0] in pending_group:
            earlier, _ = pending_group.pop(customer[0])
            group.insert(0, earlier)
        total = round(sum(line["debit"] for line in group), 2)
        pay = payment(ledger, "BQ", "512000", when, customer, f"VIR{d(when)[2:]}", total,
                      f"VIR {customer[1].upper()[:20]} " + " ".join(line["piece"] for line in group))
        code = next(codes)
        for line in group + [pay]:
            line["let"] = (code, when)
    # The dollar invoice paid in part, in dollars, on account.
    usd_pay = payment(ledger, "BQ", "512000", date(2026, 8, 3), customers[11], "SWIFT260803", 4608.30,
                      "SWIFT BOSTON LIGHTING")
    usd_pay["foreign"], usd_pay["currency"] = 5000.00, "USD"

    # Credit notes: one lettered with the invoice it corrects (an invoice left otherwise unpaid), one on
    # account.
    unpaid = [entry for entry in invoices if "let" not in entry[3] and entry[2] != "FA2026-E001"
              and entry[0] < date(2026, 9, 1)]
    target_day, target_customer, target_piece, target = unpaid[0]
    note = credit_note(ledger, "VE", target_day + timedelta(days=9), target_customer, "AV2026-0001", 250.00)
    code = next(codes)
    target["let"] = note["let"] = (code, target_day + timedelta(days=9))
    credit_note(ledger, "VE", date(2026, 10, 2), customers[0], "AV2026-0002", 120.00)

    # A doubtful debt moved to 416 (still owed: not a payment) and a bank fee (no customer).
    doubtful_day, doubtful_customer, doubtful_piece, doubtful = unpaid[1]
    ledger.entry("OD", date(2026, 10, 15), [
        {"account": "416000", "label_account": "Clients douteux", "aux": doubtful_customer[0],
         "aux_name": doubtful_customer[1], "piece": "OD-DOUT-01", "label": f"Transfert douteux {doubtful_piece}",
         "debit": doubtful["debit"]},
        {"account": "411000", "label_account": "Clients", "aux": doubtful_customer[0], "aux_name": doubtful_customer[1],
         "piece": "OD-DOUT-01", "label": f"Transfert douteux {doubtful_piece}", "credit": doubtful["debit"]}])
    for month in range(1, 12):
        fee_day = date(2026, month, 28)
        ledger.entry("BQ", fee_day, [
            {"account": "627000", "label_account": "Services bancaires", "piece": f"FRAIS{month:02d}",
             "label": "Frais de tenue de compte", "debit": 18.50},
            {"account": "512000", "label_account": "Banque", "piece": f"FRAIS{month:02d}",
             "label": "Frais de tenue de compte", "credit": 18.50}])
    # Purchases: suppliers' invoices, nothing to do with customers.
    for month in range(1, 12):
        for supplier in SUPPLIERS:
            net = round(rng.uniform(80, 2500), 2)
            vat = round(net * 0.2, 2)
            piece = f"{supplier[0]}-{month:02d}26"
            ledger.entry("HA", date(2026, month, rng.randint(2, 25)), [
                {"account": "606100", "label_account": "Fournitures non stockables", "piece": piece,
                 "label": f"Facture {supplier[1]}", "debit": net},
                {"account": "445660", "label_account": "TVA déductible", "piece": piece,
                 "label": f"Facture {supplier[1]}", "debit": vat},
                {"account": "401000", "label_account": "Fournisseurs", "aux": supplier[0], "aux_name": supplier[1],
                 "piece": piece, "label": f"Facture {supplier[1]}", "credit": round(net + vat, 2)}])

    # December, in the later file only: new invoices, and an October invoice paid and lettered.
    october = [entry for entry in invoices if "let" not in entry[3] and date(2026, 10, 1) <= entry[0]
               < date(2026, 11, 1) and entry[2] != target_piece]
    late_day, late_customer, late_piece, late = october[0]
    dec_pay = payment(ledger, "BQ", "512000", date(2026, 12, 3), late_customer, "VIR261203", late["debit"],
                      f"VIR {late_customer[1].upper()[:20]} {late_piece}")
    code = next(codes)
    late["let"] = dec_pay["let"] = (code, date(2026, 12, 3))
    for offset, customer in enumerate([customers[3], customers[6], customers[10]]):
        number += 1
        sale(ledger, "VE", date(2026, 12, 1 + offset), customer, f"FA2026-{number:04d}",
             round(rng.uniform(500, 3000), 2))
    return ledger


def company_b():
    rng = random.Random(830)
    ledger = Ledger(JOURNALS_B, comma=False)
    codes = letter_codes()
    customers = CUSTOMERS_B
    # One carry-forward line per customer under a single PieceRef, as some packages write it.
    opening = []
    for customer, gross in [(customers[0], 2400.00), (customers[3], 612.50)]:
        opening.append({"account": "411000", "label_account": "Clients", "aux": customer[0], "aux_name": customer[1],
                        "piece": "RAN2026", "piece_day": date(2026, 1, 1), "label": "Solde reporté",
                        "debit": gross, "due": date(2026, 1, 31)})
    ledger.entry("ANO", date(2026, 1, 1), opening + [
        {"account": "890000", "label_account": "Bilan d'ouverture", "piece": "RAN2026", "label": "Solde reporté",
         "credit": 3012.50}])
    number = 0
    day = date(2026, 1, 8)
    while day <= date(2026, 11, 25):
        number += 1
        customer = customers[rng.randrange(len(customers))]
        piece = f"F26-{number:05d}"
        terms = 45 if customer[0] == "9CHARPY" else 30
        receivable = sale(ledger, "VT", day, customer, piece, round(rng.uniform(150, 4000), 2),
                          due=day + timedelta(days=terms))
        when = day + timedelta(days=terms + rng.randint(-5, 20))
        if when <= date(2026, 11, 30) and rng.random() > 0.15:
            pay = payment(ledger, "BNP", "512100", when, customer, f"BNP{d(when)}", receivable["debit"],
                          f"VIR SEPA {customer[1].upper()} {piece}")
            code = next(codes)
            receivable["let"] = pay["let"] = (code, when)
        day += timedelta(days=rng.choice([7, 9, 11]))
    return ledger


def write(path, header, rows, separator, encoding, bom=False, trailing=False):
    with open(path, "w", encoding=encoding, newline="") as out:
        if bom:
            out.write("\ufeff")
        for row in [header] + rows:
            out.write(separator.join(row) + (separator if trailing else "") + "\r\n")


def main():
    a = company_a()
    write("512345679FEC20261130.txt", HEADER_A, a.rows(date(2026, 11, 30), True, False), "\t", "iso-8859-15")
    write("512345679FEC20261205.txt", HEADER_A, a.rows(date(2026, 12, 5), True, False), "\t", "iso-8859-15")
    b = company_b()
    write("830456782FEC20261130.txt", HEADER_B, b.rows(date(2026, 11, 30), False, True), "|", "utf-8",
          bom=True, trailing=True)


if __name__ == "__main__":
    main()
