package io.basis.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class PricesTest
{
    @Test
    void parsesDecimalsExactly()
    {
        assertEquals(3_524_500L, Prices.parse("352.45"));
        assertEquals(710_000_000L, Prices.parse("71000"));
        assertEquals(500L, Prices.parse("0.05"));
        assertEquals(-2_500L, Prices.parse("-0.25"));
        assertEquals(1_234_500L, Prices.parse("123.45000"));
    }

    @Test
    void refusesTextThatIsNotAPriceWithAtMostFourDecimals()
    {
        assertThrows(IllegalArgumentException.class, () -> Prices.parse("1.23456"));
        assertThrows(IllegalArgumentException.class, () -> Prices.parse("12a"));
        assertThrows(IllegalArgumentException.class, () -> Prices.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Prices.parse("."));
    }

    @Test
    void formatsWithoutTrailingZeros()
    {
        assertEquals("352.45", Prices.format(3_524_500L));
        assertEquals("71000", Prices.format(710_000_000L));
        assertEquals("-0.25", Prices.format(-2_500L));
        assertEquals("0.0001", Prices.format(1L));
    }

    @Test
    void convertsDoublesToTheNearestUnit()
    {
        assertEquals(3_524_500L, Prices.fromDouble(352.45));
        assertEquals(352.45, Prices.toDouble(3_524_500L));
    }
}
