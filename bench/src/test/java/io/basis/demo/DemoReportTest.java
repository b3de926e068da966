package io.basis.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class DemoReportTest
{
    private final Properties engine = new Properties();

    @Test
    void aReverseProgramAfterCashAndCarryIsAnExitAndTheSummaryPrintsTheRealizedPnl()
    {
        // programId,direction,kind,state,basketFilled,hedgeFilled,cashFlow,costs
        program(0, "1,CASH_AND_CARRY,ARBITRAGE,COMPLETE,1.0000,1,-88000000,30000");
        program(1, "2,CASH_AND_CARRY,ARBITRAGE,COMPLETE,1.0000,1,-88100000,30000");
        program(2, "3,REVERSE,ARBITRAGE,COMPLETE,1.0000,1,88400000,210000");
        program(3, "4,REVERSE,ARBITRAGE,COMPLETE,1.0000,1,88300000,210000");
        // Flat again: the next reverse opens a position the other way, and the cash-and-carry after it closes it.
        program(4, "5,REVERSE,ARBITRAGE,COMPLETE,1.0000,1,88200000,210000");
        program(5, "6,CASH_AND_CARRY,MANUAL,COMPLETE,1.0000,1,-88000000,30000");
        engine.setProperty("realizedPnl", "600000");

        final DemoReport report = report();

        assertEquals(3, report.entries());
        assertEquals(3, report.exits());
        assertEquals("600000", report.realizedPnl());
        assertTrue(report.summary().contains("(0 completed; 3 entries, 3 exits)") &&
            report.summary().contains("realized P&L 600000"), report.summary());
        assertTrue(report.toJson().contains("\"entries\": 3,\n  \"exits\": 3,\n"), report.toJson());
    }

    @Test
    void unfilledAndHedgeProgramsAreNeitherEntriesNorExitsButHedgesMoveThePosition()
    {
        program(0, "1,CASH_AND_CARRY,ARBITRAGE,FAILED,0.0000,0,0,0");
        // A legged cash-and-carry whose future did not fill, then the hedge that sold it.
        program(1, "2,CASH_AND_CARRY,ARBITRAGE,LEGGED,1.0000,0,-88000000,30000");
        program(2, "3,CASH_AND_CARRY,HEDGE,COMPLETE,0.0000,1,88200000,3000");
        program(3, "4,REVERSE,ARBITRAGE,COMPLETE,1.0000,1,88300000,210000");

        final DemoReport report = report();

        assertEquals(0, report.entries(), "the legged program filled no future");
        assertEquals(1, report.exits(), "the reverse closes what the hedge left");
    }

    @Test
    void theDemoTakesTheTradeDateForBothProcesses()
    {
        final DemoConfig config = new DemoConfig();
        DemoMain.parse(new String[]{"--trade-date", "2026-12-01", "--run-dir", "r"}, config);
        assertEquals(LocalDate.of(2026, 12, 1), config.tradeDate);
        assertEquals(LocalDate.of(2026, 11, 23), new DemoConfig().tradeDate, "the engine's default");
        final IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> DemoMain.parse(new String[]{"--trade-date", "1/12/2026"}, new DemoConfig()));
        assertEquals("--trade-date needs a date YYYY-MM-DD, not '1/12/2026'", bad.getMessage());
    }

    private void program(final int row, final String cells)
    {
        engine.setProperty("program." + row, cells);
    }

    private DemoReport report()
    {
        final Properties exchange = new Properties();
        return new DemoReport(60, 90_000, engine, exchange, new Reconciliation(engine, exchange, Demo.ACCOUNT),
            List.of(), List.of(), List.of());
    }
}
