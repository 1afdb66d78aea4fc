package org.encaisse.collection;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgingRunController {

    private final AgingRun agingRun;
    private final Clock clock;

    AgingRunController(AgingRun agingRun, Clock clock) {
        this.agingRun = agingRun;
        this.clock = clock;
    }

    /** Runs today's aging now rather than at the scheduled time. */
    @PostMapping("/api/aging-runs")
    AgingRun.Result run() {
        return agingRun.run(LocalDate.now(clock));
    }
}
