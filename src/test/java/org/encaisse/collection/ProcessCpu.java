package org.encaisse.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of another process on this machine, read from /proc (Linux), for the benchmarks. */
final class ProcessCpu {

    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User + system time in clock ticks, or -1 when the process's /proc entry cannot be read. */
    static long ticks(long pid) {
        String[] fields = fields(pid);
        return fields == null ? -1 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** System (kernel) time alone in clock ticks, or -1: where socket round trips show. */
    static long systemTicks(long pid) {
        String[] fields = fields(pid);
        return fields == null ? -1 : Long.parseLong(fields[12]);
    }

    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name in parentheses may hold spaces; the fields after it are numbered from the state.
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
