package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void readsBytesAndBinaryUnits() {
        assertEquals(Optional.of(50L << 30), Sizes.parse(" 50GiB "));
        assertEquals(Optional.of(100L), Sizes.parse("100 B"));
        assertEquals(Optional.empty(), Sizes.parse("50 GB"));
        assertEquals(Optional.empty(), Sizes.parse(null));
    }

    @Test
    void writesWhatPeopleRead() {
        assertEquals("700 B", Sizes.format(700));
        assertEquals("1.0 KiB", Sizes.format(1024));
        assertEquals("1.5 MiB", Sizes.format(3L << 19));
        assertEquals("2.0 GiB", Sizes.format(2L << 30));
    }

    @Test
    void anExactSizeReadsBackToTheSameBytes() {
        for (long bytes : new long[] {1000, 1024, 1536L << 20, 10L << 30, 3L << 40, (5L << 30) + 1}) {
            assertEquals(Optional.of(bytes), Sizes.parse(Sizes.exact(bytes)), Sizes.exact(bytes));
        }
        assertEquals("10GiB", Sizes.exact(10L << 30));
        assertEquals("1536MiB", Sizes.exact(1536L << 20));
    }
}
