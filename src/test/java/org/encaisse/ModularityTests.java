package org.encaisse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other through their public services, never in cycles. */
class ModularityTests {

    @Test
    void featuresRespectTheirBoundaries() {
        ApplicationModules.of(EncaisseApplication.class).verify();
    }
}
