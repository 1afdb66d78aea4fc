package org.encaisse.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import org.encaisse.EncaisseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Encaisse in the benchmark's own JVM, on the MariaDB database given, as an import benchmark needs it: no demo data,
 * no job executor (the imports are timed, not what the cases do after), uploads up to 1 GB, an administrator to call
 * it with. The heap's peak is read from the same JVM, so it counts the application and the benchmark's client.
 */
public final class BenchmarkApplication implements AutoCloseable {

    private static final String ADMIN = "bench";
    private static final String PASSWORD = "Mesure-Banc-2026";

    private final ConfigurableApplicationContext context;

    private BenchmarkApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static BenchmarkApplication start(String databaseUrl) {
        String[] settings = {"--DB_URL=" + databaseUrl, "--DB_USER=root", "--DB_PASSWORD=", "--server.port=0",
                "--encaisse.demo.enabled=false", "--encaisse.admin.user=" + ADMIN, "--encaisse.admin.password=" + PASSWORD,
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                "--logging.level.org.encaisse=WARN",
                "--logging.level.org.encaisse.bank.BankStatementImport=INFO", "--spring.main.banner-mode=off",
                "--spring.servlet.multipart.max-file-size=1GB", "--spring.servlet.multipart.max-request-size=1GB"};
        return new BenchmarkApplication(new SpringApplicationBuilder(EncaisseApplication.class).profiles("mariadb")
                .run(Stream.of(settings).toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A request to the application as its administrator; an import of a year's books may take long. */
    public HttpRequest.Builder request(String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofHours(2))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Starts watching the heap anew: its use sampled every 20 ms, the largest kept. The pools' own peaks are not
     * summed, as they were before 2026-12-07: each pool peaks at another moment, so their sum overstated the heap
     * (648 MB reported under -Xmx512m).
     */
    public static void resetHeapPeaks() {
        System.gc();
        HEAP_WATCH.reset();
    }

    /** The most heap in use at any sampled moment since {@link #resetHeapPeaks}, in MB. */
    public static long heapPeakMb() {
        return HEAP_WATCH.peak() / (1024 * 1024);
    }

    /** The most heap left in use after a garbage collection since {@link #resetHeapPeaks}: what was live, in MB. */
    public static long liveHeapPeakMb() {
        return HEAP_WATCH.livePeak() / (1024 * 1024);
    }

    private static final HeapWatch HEAP_WATCH = new HeapWatch();

    private static final class HeapWatch {

        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong livePeak = new java.util.concurrent.atomic.AtomicLong();

        HeapWatch() {
            Thread sampler = new Thread(() -> {
                while (true) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void reset() {
            peak.set(0);
            livePeak.set(0);
        }

        void sample() {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
            livePeak.accumulateAndGet(afterGc, Math::max);
        }

        long peak() {
            sample();
            return peak.get();
        }

        long livePeak() {
            sample();
            return livePeak.get();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
