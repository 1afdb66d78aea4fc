package org.encaisse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ECB's published rate read over HTTP from the data portal's CSV (the sample is the portal's "csvdata" answer for
 * series FM.B.U2.EUR.4F.KR.MRR_FR.LEV, its last two changes), and nothing at all when it cannot be.
 */
class EcbPublishedRateTests {

    private HttpServer portal;
    private volatile int status = 200;
    private volatile String body;

    @BeforeEach
    void startThePortal() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/ecb/mro-rate.csv")) {
            body = new String(sample.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/service/data/FM/", exchange -> {
            byte[] answer = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        portal.start();
    }

    @AfterEach
    void stopThePortal() {
        portal.stop(0);
    }

    private EcbPublishedRate at(String path) {
        return new EcbPublishedRate("http://127.0.0.1:" + portal.getAddress().getPort() + path);
    }

    @Test
    void readsTheLatestObservationAndAddsTenPoints() {
        EcbPublishedRate.Observation latest = at("/service/data/FM/B.U2.EUR.4F.KR.MRR_FR.LEV?format=csvdata")
                .latest().orElseThrow();
        assertThat(latest.period()).isEqualTo("2025-06-11");
        assertThat(latest.ecbRate()).isEqualByComparingTo("2.15");
        assertThat(latest.statutoryRate()).isEqualByComparingTo(new BigDecimal("12.15"));
    }

    @Test
    void nothingWhenThePortalFailsAnswersSomethingElseOrNoAddressIsSet() {
        status = 503;
        assertThat(at("/service/data/FM/x").latest()).isEmpty();
        status = 200;
        body = "<html>maintenance</html>";
        assertThat(at("/service/data/FM/x").latest()).isEmpty();
        assertThat(at("/nowhere").latest()).isEmpty();
        assertThat(new EcbPublishedRate("").latest()).isEmpty();
        assertThat(new EcbPublishedRate("http://127.0.0.1:1/closed").latest()).isEmpty();
    }
}
