package org.encaisse.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files imported, for the credit manager and the auditors: which kind, which file (its name and its
 * SHA-256, which tells the same file sent twice under two names), who sent it, when, and what it did. Written
 * in the import's own transaction: a refused file or a dry run leaves no line.
 */
@Service
public class ImportHistory {

    private static final int MAX_LISTED = 500;
    private static final TypeReference<LinkedHashMap<String, Object>> COUNTS = new TypeReference<>() {
    };

    private final ImportRuns runs;
    private final ObjectMapper json;
    private final Clock clock;

    ImportHistory(ImportRuns runs, ObjectMapper json, Clock clock) {
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    /** One imported file as the API lists it. */
    public record Run(String kind, String fileName, String sha256, String importedBy, Instant importedAt,
                      Map<String, Object> counts) {
    }

    /** Records an import; {@code summary}'s numbers (and only they) are kept as its counts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String kind, String fileName, String sha256, String importedBy, Object summary) {
        Map<String, Object> counts = new LinkedHashMap<>();
        json.valueToTree(summary).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                counts.put(field.getKey(), value.numberValue());
            }
        });
        try {
            runs.save(new ImportRun(kind, fileName, sha256, importedBy, clock.instant(), json.writeValueAsString(counts)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Transactional(readOnly = true)
    public List<Run> latest(int limit) {
        return runs.findAllByOrderByImportedAtDescIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, MAX_LISTED))))
                .stream().map(this::run).toList();
    }

    private Run run(ImportRun run) {
        try {
            return new Run(run.getKind(), run.getFileName(), run.getSha256(), run.getImportedBy(), run.getImportedAt(),
                    json.readValue(run.getCountsJson(), COUNTS));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("An import's counts are not the JSON they were saved as", unreadable);
        }
    }

    public static String sha256(byte[] content) {
        MessageDigest digest = digest();
        return java.util.HexFormat.of().formatHex(digest.digest(content));
    }

    /** The SHA-256 of a file read as a stream, never held whole. */
    public static String sha256(InputStreamSource content) {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(content.getInputStream(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the file to hash it", unreadable);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }
}
