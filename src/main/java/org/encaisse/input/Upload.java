package org.encaisse.input;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/** An uploaded file, named as the user named it so that the error report names it too. */
public record Upload(String name, byte[] content) {

    public static Upload of(MultipartFile file, String fallbackName) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? fallbackName : file.getOriginalFilename();
        try {
            return new Upload(name, file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the upload " + name, unreadable);
        }
    }
}
