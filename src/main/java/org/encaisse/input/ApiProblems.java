package org.encaisse.input;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns rejected input into RFC 9457 problem details that say what is wrong and where. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "org.encaisse")
class ApiProblems {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException rejected) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", rejected.getMessage());
        problem.setProperty("errors", rejected.errors());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "Not found", missing.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException conflict) {
        return problem(HttpStatus.CONFLICT, "Conflict", conflict.getMessage());
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy, try again", busy.getMessage()));
    }

    @ExceptionHandler(BadQueryException.class)
    ProblemDetail badQuery(BadQueryException bad) {
        return problem(HttpStatus.BAD_REQUEST, "Bad query parameter", bad.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException unreadable) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", describe(unreadable));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingFile(MissingServletRequestPartException missing) {
        return problem(HttpStatus.BAD_REQUEST, "Missing file",
                "Send the CSV as multipart/form-data in a part named '" + missing.getRequestPartName() + "'.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
                "The upload exceeds the limit of " + tooLarge.getMaxUploadSize() + " bytes; split the file.");
    }

    private static String describe(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "The JSON body has a value of the wrong type at " + path(mismatch) + ": "
                    + mismatch.getOriginalMessage().split("\n")[0];
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return "The body is not valid JSON at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr() + ": " + json.getOriginalMessage();
        }
        return "The request body is missing or is not JSON.";
    }

    private static String path(JsonMappingException mismatch) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : mismatch.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append('.').append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
