package org.encaisse.input;

/** An import that reads CSV files, by the name its saved mappings are filed under ("invoices", "customers"). */
public interface CsvImportKind {

    String kind();

    CsvColumns columns();
}
