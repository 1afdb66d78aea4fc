package org.encaisse.dispute;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeView(Long id, String invoiceNumber, String category, String description, String routedGroup,
                          String status, String resolution, BigDecimal resolutionAmount, String resolutionComment,
                          String openedBy, Instant openedAt, String resolvedBy, Instant resolvedAt,
                          String processInstanceId) {
}
