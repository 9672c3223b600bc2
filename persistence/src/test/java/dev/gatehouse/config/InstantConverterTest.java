package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcWallTimeAndReadsTheSameInstantBack() {
        Instant instant = Instant.parse("2026-11-27T19:58:44.123Z");
        assertEquals(LocalDateTime.parse("2026-11-27T19:58:44.123"), converter.convertToDatabaseColumn(instant));
        assertEquals(instant, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(instant)));
    }

    @Test
    void nullStaysNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
