package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The default priority table: points for what is at stake, added up. */
class TaskPriorityDecisionTests {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private Object points(double overdue, int daysLate, String risk, String segment, boolean broken, int level)
            throws Exception {
        try (InputStream model = getClass().getResourceAsStream("/processes/collection/TaskPriorityDecision.dmn")) {
            DmnDecision decision = dmn.parseDecision("TaskPriorityDecision", model);
            Map<String, Object> stakes = new HashMap<>();
            stakes.put("overdueAmount", overdue);
            stakes.put("daysLate", daysLate);
            stakes.put("riskRating", risk);
            stakes.put("segment", segment);
            stakes.put("brokenPromise", broken);
            stakes.put("level", level);
            var result = dmn.evaluateDecisionTable(decision, stakes);
            return result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
        }
    }

    @Test
    void aLargeOldRiskyDebtWithABrokenPromiseComesFirst() throws Exception {
        assertThat(points(60_000, 120, "HIGH", "Grand compte", true, 3)).isEqualTo(105);
        assertThat(points(36_843, 94, "MEDIUM", "PME", false, 1)).isEqualTo(65);
    }

    @Test
    void aSmallRecentDebtOfALowRiskCustomerComesLast() throws Exception {
        assertThat(points(150, 3, "LOW", "PME", false, 1)).isEqualTo(10);
        assertThat(points(0, 0, null, null, false, 0)).isNull();
    }
}
