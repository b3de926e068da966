package io.basis.simulator.price;

import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class TickTableTest
{
    private final TickTable krx = TestReferenceData.KRX;

    @Test
    void tickDependsOnThePriceBand()
    {
        assertEquals(p("1"), krx.tickAt(p("1999")));
        assertEquals(p("5"), krx.tickAt(p("2000")));
        assertEquals(p("100"), krx.tickAt(p("71000")));
        assertEquals(p("1000"), krx.tickAt(p("812000")));
    }

    @Test
    void gridMembership()
    {
        assertTrue(krx.isOnGrid(p("1987")));
        assertTrue(krx.isOnGrid(p("4215")));
        assertFalse(krx.isOnGrid(p("4216")));
        assertFalse(krx.isOnGrid(p("71050")));
        assertFalse(krx.isOnGrid(p("0")));
        assertFalse(krx.isOnGrid(p("1.5")));
        assertTrue(TestReferenceData.FUTURE.isOnGrid(p("353.95")));
        assertFalse(TestReferenceData.FUTURE.isOnGrid(p("353.97")));
    }

    @Test
    void stepsAcrossBandBoundaries()
    {
        assertEquals(p("2000"), krx.tickUp(p("1999")));
        assertEquals(p("2005"), krx.tickUp(p("2000")));
        assertEquals(p("1999"), krx.tickDown(p("2000")));
        assertEquals(p("49950"), krx.tickDown(p("50000")));
        assertEquals(p("50100"), krx.tickUp(p("50000")));
        assertEquals(p("71000"), krx.floor(p("71099.9")));
        assertEquals(p("71100"), krx.ceil(p("71000.01")));
        assertEquals(p("5000"), krx.ceil(p("4996")));
    }

    @Test
    void rejectsInconsistentTables()
    {
        final LocalDate date = LocalDate.of(2024, 1, 1);
        assertThrows(IllegalArgumentException.class,
            () -> new TickTable("x", date, new long[]{p("1")}, new long[]{p("1")}));
        assertThrows(IllegalArgumentException.class,
            () -> new TickTable("x", date, new long[]{0, p("1003")}, new long[]{p("5"), p("10")}));
        assertThrows(IllegalArgumentException.class,
            () -> new TickTable("x", date, new long[]{0}, new long[]{0}));
    }

    @Test
    void fixedPointRoundTrip()
    {
        assertEquals(3_539_500L, FixedPoint.parse("353.95"));
        assertEquals("353.95", FixedPoint.format(3_539_500L));
        assertEquals("71000", FixedPoint.format(FixedPoint.parse("71000.000")));
        assertEquals("-0.0005", FixedPoint.format(-5));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("1.00001"));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("abc"));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse(""));
    }
}
