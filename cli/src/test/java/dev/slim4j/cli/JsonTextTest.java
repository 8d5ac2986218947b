package dev.slim4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test void writesNestedValuesWithEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 3L);
        m.put("s", "a\"b\\c\nd\u0001");
        m.put("l", List.of(true, 1.5));
        m.put("z", null);
        m.put("nan", Double.NaN);
        assertEquals("{\"n\": 3, \"s\": \"a\\\"b\\\\c\\nd\\u0001\", \"l\": [true, 1.5], \"z\": null, \"nan\": null}",
                JsonText.write(m));
    }
}
