package org.encaisse.input;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/** An uploaded file, named as the user named it so that the error report names it too. */
public record Upload(String name, byte[] content) {

    public static Upload of(MultipartFile file, String fallbackName) {
        String name = nameOf(file, fallbackName);
        try {
            return new Upload(name, file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the upload " + name, unreadable);
        }
    }

    /** The name the user gave the file, for a file read as a stream rather than held whole. */
    public static String nameOf(MultipartFile file, String fallbackName) {
        return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? fallbackName : file.getOriginalFilename();
    }
}
