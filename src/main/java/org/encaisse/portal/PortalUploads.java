package org.encaisse.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a customer may join to a dispute: PDF documents and PNG or JPEG pictures, each checked to be what its
 * first bytes claim and readable as such (a PDF that PDFBox cannot open, a picture ImageIO cannot draw, is refused
 * whatever its name or declared type), a few megabytes each, a few files at most.
 */
final class PortalUploads {

    static final int MAX_FILES = 3;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    record Checked(String fileName, String contentType, byte[] content) {
    }

    private PortalUploads() {
    }

    static List<Checked> check(List<MultipartFile> files, InputErrors errors) {
        List<Checked> checked = new ArrayList<>();
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(file -> !file.isEmpty()).toList();
        if (sent.size() > MAX_FILES) {
            errors.add(SourcePosition.item(1), "files", "at most " + MAX_FILES + " files / " + MAX_FILES
                    + " fichiers au plus", String.valueOf(sent.size()));
            return checked;
        }
        int index = 0;
        for (MultipartFile file : sent) {
            index++;
            SourcePosition position = SourcePosition.item(index);
            String name = safeName(file.getOriginalFilename(), index);
            if (file.getSize() > MAX_BYTES) {
                errors.add(position, "files", "is larger than 5 MB / dépasse 5 Mo", name);
                continue;
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException e) {
                errors.add(position, "files", "could not be read / illisible", name);
                continue;
            }
            String type = typeOf(content);
            if (type == null) {
                errors.add(position, "files", "is neither a PDF nor a PNG or JPEG picture that opens / n'est ni un PDF "
                        + "ni une image PNG ou JPEG lisible", name);
                continue;
            }
            checked.add(new Checked(name, type, content));
        }
        return checked;
    }

    /** The type the content really is, when it opens as one: never the name's or the browser's word for it. */
    static String typeOf(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            try (PDDocument document = Loader.loadPDF(content)) {
                return document.getNumberOfPages() > 0 ? "application/pdf" : null;
            } catch (IOException notAPdf) {
                return null;
            }
        }
        boolean png = startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        boolean jpeg = startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        if (png || jpeg) {
            try {
                return ImageIO.read(new ByteArrayInputStream(content)) != null ? (png ? "image/png" : "image/jpeg") : null;
            } catch (IOException notAnImage) {
                return null;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The file's own name without any path, control or markup character, or a neutral one. */
    private static String safeName(String original, int index) {
        String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}<>\"'`]", "");
        name = name.strip();
        if (name.isEmpty()) {
            name = "piece-" + index;
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
