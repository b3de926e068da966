package io.basis.backtest.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.basis.backtest.report.JsonReader.array;
import static io.basis.backtest.report.JsonReader.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The JSON report: its exact layout, every figure of every cycle and view, totals, walk-forward parameters,
 * escaping, and the same bytes for the same report.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReportJsonTest
{
    @Test
    void aReportWithoutCyclesIsWrittenExactlyLikeThis()
    {
        final String expectedView = """
            {
                      "entries": 0,
                      "exits": 0,
                      "unwinds": 0,
                      "contractsTraded": 0,
                      "grossPnl": 0.00,
                      "costs": {
                        "stockCommission": 0.00,
                        "futuresCommission": 0.00,
                        "tax": 0.00,
                        "impact": 0.00,
                        "financing": 0.00,
                        "borrow": 0.00,
                        "total": 0.00
                      },
                      "netPnl": 0.00,
                      "maxUnhedgedExposure": 0.00,
                      "leggedMillis": 0.000
                    }""";
        final String sample = """
            {
                  "cycles": 0,
                  "views": {
                    "STUDY": %1$s,
                    "TOP_OF_BOOK": %1$s,
                    "EXECUTABLE": %1$s
                  }
                }""".formatted(expectedView);
        final String expected = """
            {
              "settings": {},
              "currency": "KRW",
              "cycles": [],
              "inSample": [],
              "totals": {
                "outOfSample": %1$s,
                "inSample": %1$s
              },
              "walkForward": [],
              "events": 0,
              "eventsPerSecond": 0.0,
              "elapsedSeconds": 0.000
            }
            """.formatted(sample);

        assertEquals(expected, ReportJson.toJson(Reports.empty()));
    }

    @Test
    void settingsKeepTheirOrderAndStringsAreEscaped()
    {
        final Map<String, Object> json = object(JsonReader.parse(ReportJson.toJson(Reports.threeCycles())));

        final Map<String, Object> settings = object(json.get("settings"));
        assertEquals(List.of("cycles", "seed", "refdata", "note"), List.copyOf(settings.keySet()));
        assertEquals("a \"quoted\" path\\with\ttab", settings.get("note"));
        assertEquals("KRW", json.get("currency"));
        assertEquals("KS200 \"2026-09\", quarterly", object(array(json.get("cycles")).get(1)).get("contract"));
    }

    @Test
    void everyCycleHasItsDaysParametersAndEachViewsFigures()
    {
        final BacktestReport report = Reports.threeCycles();
        final Map<String, Object> json = object(JsonReader.parse(ReportJson.toJson(report)));

        final List<Object> cycles = array(json.get("cycles"));
        assertEquals(2, cycles.size());
        final Map<String, Object> cycle3 = object(cycles.get(1));
        assertEquals(new BigDecimal("3"), cycle3.get("cycle"));
        assertEquals("2026-07-02", cycle3.get("firstDay"));
        assertEquals("2026-09-09", cycle3.get("lastTradingDay"));
        assertEquals(new BigDecimal("4000000"), cycle3.get("events"));
        final Map<String, Object> parameters = object(cycle3.get("parameters"));
        assertEquals("raw", parameters.get("basisMeasure"));
        assertEquals(new BigDecimal("1.1500"), parameters.get("entryLevel"));
        assertEquals(new BigDecimal("-0.4500"), parameters.get("exitLevel"));
        assertEquals(new BigDecimal("2"), parameters.get("fittedOnCycles"));
        assertEquals(new BigDecimal("1"), parameters.get("firstFitCycle"));
        assertEquals(new BigDecimal("2"), parameters.get("lastFitCycle"));

        final Map<String, Object> views = object(cycle3.get("views"));
        assertEquals(List.of("STUDY", "TOP_OF_BOOK", "EXECUTABLE"), List.copyOf(views.keySet()));
        final Map<String, Object> executable = object(views.get("EXECUTABLE"));
        assertEquals(new BigDecimal("12"), executable.get("entries"));
        assertEquals(new BigDecimal("4"), executable.get("exits"));
        assertEquals(new BigDecimal("2"), executable.get("unwinds"));
        assertEquals(new BigDecimal("48"), executable.get("contractsTraded"));
        assertEquals(new BigDecimal("4000000.00"), executable.get("grossPnl"));
        final Map<String, Object> costs = object(executable.get("costs"));
        assertEquals(new BigDecimal("8000.00"), costs.get("stockCommission"));
        assertEquals(new BigDecimal("4000.00"), costs.get("futuresCommission"));
        assertEquals(new BigDecimal("16000.00"), costs.get("tax"));
        assertEquals(new BigDecimal("2000.00"), costs.get("impact"));
        assertEquals(new BigDecimal("1000.00"), costs.get("financing"));
        assertEquals(new BigDecimal("200.00"), costs.get("borrow"));
        assertEquals(new BigDecimal("31200.00"), costs.get("total"));
        assertEquals(new BigDecimal("3968800.00"), executable.get("netPnl"));
        assertEquals(new BigDecimal("80000.00"), executable.get("maxUnhedgedExposure"));
        assertEquals(new BigDecimal("12.000"), executable.get("leggedMillis"));

        assertEquals(2, array(json.get("inSample")).size());
        assertEquals(new BigDecimal("1"), object(array(json.get("inSample")).get(0)).get("cycle"));
    }

    @Test
    void totalsSumEachSampleAndKeepTheLargestExposure()
    {
        final Map<String, Object> json = object(JsonReader.parse(ReportJson.toJson(Reports.threeCycles())));
        final Map<String, Object> totals = object(json.get("totals"));

        // Out-of-sample: cycles of scale 3 and 4.
        final Map<String, Object> outOfSample = object(totals.get("outOfSample"));
        assertEquals(new BigDecimal("2"), outOfSample.get("cycles"));
        final Map<String, Object> topOfBook = object(object(outOfSample.get("views")).get("TOP_OF_BOOK"));
        assertEquals(new BigDecimal("14"), topOfBook.get("entries"));
        assertEquals(new BigDecimal("7000000.00"), topOfBook.get("grossPnl"));
        assertEquals(new BigDecimal("27300.00"), object(topOfBook.get("costs")).get("total"));
        assertEquals(new BigDecimal("6972700.00"), topOfBook.get("netPnl"));
        assertEquals(new BigDecimal("40000.00"), topOfBook.get("maxUnhedgedExposure"));
        assertEquals(new BigDecimal("10.500"), topOfBook.get("leggedMillis"));

        // In-sample: cycles of scale 1 and 2.
        final Map<String, Object> study = object(object(object(totals.get("inSample")).get("views")).get("STUDY"));
        assertEquals(new BigDecimal("3"), study.get("entries"));
        assertEquals(new BigDecimal("0"), study.get("unwinds"));
        assertEquals(new BigDecimal("3000000.00"), study.get("netPnl"));
        assertEquals(new BigDecimal("0.00"), object(study.get("costs")).get("total"));
    }

    @Test
    void walkForwardListsEachOutOfSampleCyclesParametersAndTheCyclesTheyWereFittedOn()
    {
        final Map<String, Object> json = object(JsonReader.parse(ReportJson.toJson(Reports.threeCycles())));

        final List<Object> walkForward = array(json.get("walkForward"));
        assertEquals(2, walkForward.size());
        final Map<String, Object> second = object(walkForward.get(1));
        assertEquals(List.of("cycle", "contract", "basisMeasure", "entryLevel", "exitLevel", "fittedOnCycles",
            "firstFitCycle", "lastFitCycle"), List.copyOf(second.keySet()));
        assertEquals(new BigDecimal("3"), second.get("cycle"));
        assertEquals(new BigDecimal("1.1500"), second.get("entryLevel"));
        assertEquals(new BigDecimal("1"), second.get("firstFitCycle"));
        assertEquals(new BigDecimal("2"), second.get("lastFitCycle"));
        assertEquals(new BigDecimal("123456789"), json.get("events"));
        assertEquals(new BigDecimal("2345678.9"), json.get("eventsPerSecond"));
        assertEquals(new BigDecimal("52.631"), json.get("elapsedSeconds"));
    }

    @Test
    void theSameReportGivesTheSameBytesAndOnlyTheTimingsDependOnTheRun(@TempDir final Path dir) throws IOException
    {
        final BacktestReport report = Reports.threeCycles();
        ReportJson.write(report, dir.resolve("a/bt.json"));
        ReportJson.write(Reports.threeCycles(), dir.resolve("b/bt.json"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/bt.json")), Files.readAllBytes(dir.resolve("b/bt.json")));

        final String withTimings = ReportJson.toJson(report);
        final String without = ReportJson.toJson(report.withoutTimings());
        assertNotEquals(withTimings, without);
        assertEquals(withTimings
                .replace("\"eventsPerSecond\": 2345678.9", "\"eventsPerSecond\": 0.0")
                .replace("\"elapsedSeconds\": 52.631", "\"elapsedSeconds\": 0.000"),
            without);
    }
}
