package org.encaisse.letter;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ECB main refinancing rate as the ECB Data Portal publishes it (SDMX "csvdata": a header naming TIME_PERIOD and
 * OBS_VALUE, one row per observation), from the address an administrator configured. Only a suggestion for the
 * manager: without an address, or when the portal does not answer or answers something else, there is none.
 */
@Component
public class EcbPublishedRate {

    private static final Logger log = LoggerFactory.getLogger(EcbPublishedRate.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The ECB rate of the latest observation, and the day it applies from. */
    public record Observation(String period, BigDecimal ecbRate) {

        /** The statutory rate: 10 points above it (L441-10). */
        public BigDecimal statutoryRate() {
            return ecbRate.add(BigDecimal.TEN);
        }
    }

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    EcbPublishedRate(@Value("${encaisse.penalties.ecb-rate-url:}") String url) {
        this.url = url == null ? "" : url.strip();
    }

    public Optional<Observation> latest() {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                log.warn("The ECB rate at {} answered HTTP {}; the manager enters the rate without it.", url,
                        answer.statusCode());
                return Optional.empty();
            }
            return read(answer.body());
        } catch (IOException | IllegalArgumentException e) {
            log.warn("The ECB rate at {} could not be read ({}); the manager enters the rate without it.", url,
                    e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Observation> read(String csv) throws IOException {
        Observation last = null;
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            if (!row.isMapped("OBS_VALUE") || !row.isMapped("TIME_PERIOD")) {
                log.warn("The ECB answer has no OBS_VALUE and TIME_PERIOD columns; it is not used.");
                return Optional.empty();
            }
            String value = row.get("OBS_VALUE").strip();
            if (!value.isEmpty()) {
                last = new Observation(row.get("TIME_PERIOD").strip(), new BigDecimal(value));
            }
        }
        return Optional.ofNullable(last);
    }
}
