package org.encaisse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatMapper;
import org.junit.jupiter.api.Test;

/** Which maps Spin stores under their class name, and that each reads back as it did under Spin's own name. */
class PlainMapVariableTypesTests {

    private final JacksonJsonDataFormat spin = new JacksonJsonDataFormat("application/json");
    private final JacksonJsonDataFormat configured = configured();

    private static JacksonJsonDataFormat configured() {
        JacksonJsonDataFormat format = new JacksonJsonDataFormat("application/json");
        new PlainMapVariableTypes().configure(format);
        return format;
    }

    @Test
    void aMapOfObjectsIsStoredUnderItsClassNameAndReadsBackAsUnderSpinsOwnName() throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put("secondReminderDays", 15);
        values.put("amountInCents", 12_000_000_000L);
        values.put("rate", 0.1225);
        values.put("segment", "SME");
        values.put("blocked", false);
        values.put("note", null);
        values.put("days", List.of(1, 2));

        List<Map<String, Object>> maps = List.of(values, new LinkedHashMap<>(values), new TreeMap<>(Map.of("days", 3)));
        for (Map<String, Object> map : maps) {
            String name = configured.getCanonicalTypeName(map);
            assertThat(name).isEqualTo(map.getClass().getName());
            assertThat(Class.forName(name)).isEqualTo(map.getClass());
            assertThat(spin.getCanonicalTypeName(map)).isEqualTo(name + "<java.lang.Object,java.lang.Object>");
            Map<?, ?> read = roundTrip(map, name);
            assertThat(read).isEqualTo(roundTrip(map, spin.getCanonicalTypeName(map))).isInstanceOf(map.getClass());
            assertThat(read.get("secondReminderDays")).isEqualTo(map.get("secondReminderDays"));
        }
    }

    @Test
    void aMapWhoseNameSaysMoreThanItsClassKeepsSpinsName() {
        Map<String, Long> amounts = new Amounts();
        amounts.put("due", 12L);

        assertThat(configured.getCanonicalTypeName(amounts)).isEqualTo(spin.getCanonicalTypeName(amounts));
    }

    @Test
    void whatIsNoMapKeepsSpinsName() {
        List<Integer> days = List.of(1, 2);

        assertThat(configured.getCanonicalTypeName(days)).isEqualTo(spin.getCanonicalTypeName(days));
    }

    private Map<?, ?> roundTrip(Map<?, ?> map, String typeName) {
        DataFormatMapper mapper = configured.getMapper();
        return mapper.mapInternalToJava(mapper.mapJavaToInternal(map), typeName);
    }

    static class Amounts extends HashMap<String, Long> {
    }
}
