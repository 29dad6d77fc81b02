package io.asnative;

import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every value type round-trips through the native client, and crosses between the native and the
 * pure-Java client in both directions with identical Java values, generation and TTL.
 */
class ValueTypesTest extends NativeClientTestBase {

    static Stream<Arguments> values() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", List.of(1L, "two", 3.0));
        nested.put("m", Map.of("x", 1L));
        return Stream.of(
                Arguments.of("long", Value.get(Long.MAX_VALUE)),
                Arguments.of("negative", Value.get(-12345L)),
                Arguments.of("int", Value.get(7)),
                Arguments.of("double", Value.get(-0.125)),
                Arguments.of("nan", Value.get(Double.NaN)),
                Arguments.of("infinity", Value.get(Double.POSITIVE_INFINITY)),
                Arguments.of("string", Value.get("hello")),
                Arguments.of("empty string", Value.get("")),
                Arguments.of("unicode", Value.get("héllo wörld ✓ 日本語 😀")),
                Arguments.of("string with a NUL", Value.get("nul\0inside")),
                Arguments.of("long ascii string", Value.get("x".repeat(20_000))),
                Arguments.of("blob", Value.get(new byte[] {0, 1, 2, (byte) 255})),
                Arguments.of("empty blob", Value.get(new byte[0])),
                Arguments.of("true", Value.get(true)),
                Arguments.of("false", Value.get(false)),
                Arguments.of("list", Value.get(List.of(1L, "a", 2.5, List.of("nested")))),
                Arguments.of("empty list", Value.get(List.of())),
                Arguments.of("map", Value.get(nested)),
                Arguments.of("geojson", Value.getAsGeoJSON("{\"type\":\"Point\",\"coordinates\":[-122.0,37.5]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void nativeWriteNativeRead(String name, Value value) {
        Key key = key(name);
        client.put(null, key, new Bin("v", value));
        assertSameValue(expected(value), client.get(null, key).getValue("v"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void nativeWriteJavaRead(String name, Value value) {
        Key key = key(name);
        client.put(null, key, new Bin("v", value));
        Record viaJava = javaClient.get(null, key);
        Record viaNative = client.get(null, key);
        assertNotNull(viaJava);
        assertSameValue(viaJava.getValue("v"), viaNative.getValue("v"));
        assertEquals(viaJava.generation, viaNative.generation);
        assertEquals(viaJava.getTimeToLive(), viaNative.getTimeToLive(), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void javaWriteNativeRead(String name, Value value) {
        Key key = key(name);
        javaClient.put(null, key, new Bin("v", value));
        Record viaJava = javaClient.get(null, key);
        Record viaNative = client.get(null, key);
        assertSameValue(viaJava.getValue("v"), viaNative.getValue("v"));
        assertEquals(viaJava.generation, viaNative.generation);
    }

    /** What the Java client hands back for a value it wrote: ints widen to Long, floats to Double. */
    private static Object expected(Value value) {
        if (value instanceof Value.GeoJSONValue) {
            return value;
        }
        Object o = value.getObject();
        if (o instanceof Integer i) {
            return i.longValue();
        }
        return o;
    }

    private static void assertSameValue(Object expected, Object actual) {
        if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual);
        } else if (expected instanceof Value e) {
            assertEquals(e.toString(), String.valueOf(actual));
        } else if (expected instanceof Double d && d.isNaN()) {
            assertEquals(d, actual);
        } else if (expected != null && expected.getClass().isArray()) {
            assertEquals(Arrays.deepToString(new Object[] {expected}), Arrays.deepToString(new Object[] {actual}));
        } else {
            assertEquals(expected, actual);
        }
    }
}
