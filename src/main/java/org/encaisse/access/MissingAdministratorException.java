package org.encaisse.access;

/** Start-up stops rather than run without an administrator or with a guessable password. */
public class MissingAdministratorException extends RuntimeException {

    public MissingAdministratorException(String message) {
        super(message);
    }
}
