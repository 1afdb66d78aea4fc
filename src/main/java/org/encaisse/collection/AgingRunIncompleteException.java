package org.encaisse.collection;

/** The aging run reviewed every customer it could; these it could not, which the job's retry tries again. */
class AgingRunIncompleteException extends RuntimeException {

    AgingRunIncompleteException(AgingRun.Result result) {
        super("Aging run of " + result.asOf() + ": " + result.failures().size() + " of " + result.customersWithOverdue()
                + " customers could not be reviewed (" + String.join("; ", result.failures().stream().limit(5).toList())
                + (result.failures().size() > 5 ? "; …" : "") + "). The others were; a retry reviews them all again.");
    }
}
